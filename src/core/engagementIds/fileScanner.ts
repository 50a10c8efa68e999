import { EngagementIdByteScanner } from './byteScanner';
import type { EngagementIdScannerOptions, IdExtraction } from './extraction';
import { detectFileDecoding, ENCODING_DETECTION_BYTES, streamDecoder, type FileDecoding, type StreamDecoder } from './fileEncoding';
import type { EngagementIdTable } from './idTable';
import { EngagementIdScanner } from './scanner';

export interface FileScannerOptions extends EngagementIdScannerOptions {
  /** VS Code's `files.encoding` for the file (e.g. `utf16le`, `windows1252`); UTF-8 when not given. */
  configuredEncoding?: string;
}

/** What a file holds: its IDs as the editor would show them, and how its bytes were read. */
export interface FileExtraction extends IdExtraction {
  decoding: FileDecoding;
}

type Route =
  | { kind: 'bytes'; scanner: EngagementIdByteScanner }
  | { kind: 'text'; scanner: EngagementIdScanner; decoder: StreamDecoder };

/**
 * Finds engagement IDs in a file's bytes, arriving in chunks, as they appear in the file opened in VS Code: its
 * first bytes decide the encoding as the editor decides it (fileEncoding.ts). UTF-8 goes to the byte scanner
 * untouched (the fast path); any other encoding is decoded chunk by chunk and goes to the text scanner; a
 * binary file is not read at all.
 */
export class EngagementIdFileScanner {
  private readonly head = new Uint8Array(ENCODING_DETECTION_BYTES);
  private headLength = 0;
  private route: Route | undefined;
  private decoding: FileDecoding | undefined;
  /** The result of a file not read (binary): made only then. */
  private empty: EngagementIdScanner | undefined;

  constructor(private readonly options: FileScannerOptions = {}) {}

  /** Every distinct ID seen so far, as table keys (for counting distinct IDs across scanners). */
  get idTable(): EngagementIdTable {
    return this.route ? this.route.scanner.idTable : this.emptyScanner().idTable;
  }

  /** Takes the next bytes; the scanner does not keep `chunk`, so the caller may reuse it at once. */
  push(chunk: Uint8Array): void {
    if (this.decoding === undefined) {
      const take = Math.min(chunk.length, ENCODING_DETECTION_BYTES - this.headLength);
      this.head.set(chunk.subarray(0, take), this.headLength);
      this.headLength += take;
      if (this.headLength < ENCODING_DETECTION_BYTES) return;
      this.decide();
      chunk = chunk.subarray(take);
      if (chunk.length === 0) return;
    }
    this.pushToRoute(chunk);
  }

  finish(): FileExtraction {
    if (this.decoding === undefined) this.decide();
    const decoding = this.decoding as FileDecoding;
    const route = this.route;
    if (!route) return { ...this.emptyScanner().finish(), decoding };
    if (route.kind === 'bytes') return { ...route.scanner.finish(), decoding };
    return { ...route.scanner.finish(route.decoder.end()), decoding };
  }

  private emptyScanner(): EngagementIdScanner {
    this.empty ??= new EngagementIdScanner(this.options);
    return this.empty;
  }

  private decide(): void {
    const head = this.head.subarray(0, this.headLength);
    const decoding = detectFileDecoding(head, this.options.configuredEncoding);
    this.decoding = decoding;
    if (decoding.kind === 'utf8') this.route = { kind: 'bytes', scanner: new EngagementIdByteScanner(this.options) };
    else if (decoding.kind === 'decoded') this.route = { kind: 'text', scanner: new EngagementIdScanner(this.options), decoder: streamDecoder(decoding.encoding) };
    if (head.length > 0) this.pushToRoute(head);
  }

  private pushToRoute(chunk: Uint8Array): void {
    const route = this.route;
    if (!route) return;
    if (route.kind === 'bytes') route.scanner.push(chunk);
    else route.scanner.push(route.decoder.decode(chunk));
  }
}

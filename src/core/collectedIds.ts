import { EngagementIdScanner, type IdExtraction, type NearMiss } from './engagementIds';
import { EngagementIdFileScanner } from './engagementIds/fileScanner';
import { EngagementIdTable } from './engagementIds/idTable';

/** Where a piece sits in its origin (a file or the clipboard). */
interface PiecePlace {
  readonly origin: string;
  /** 0-based line of the piece's first character in its origin. */
  readonly startLine: number;
  /** 0-based column of the piece's first character on that line. */
  readonly startColumn: number;
}

/** Text already in memory: a selection, a document, the clipboard. */
export interface StringPiece extends PiecePlace {
  readonly text: string;
}

/**
 * A file read as it is scanned: its bytes in chunks, never the whole file as one string. They are read as VS Code
 * would open the file (a BOM, UTF-16 without one, else `encoding`), so positions are the editor's.
 */
export interface BytesPiece extends PiecePlace {
  /** Starts reading; each chunk may be reused once the next is asked for. */
  readonly bytes: () => AsyncIterable<Uint8Array> | Iterable<Uint8Array>;
  /** VS Code's `files.encoding` for the file (`utf8`, `utf16le`, `windows1252`, …); UTF-8 when not given. */
  readonly encoding?: string;
  /** In bytes, for progress and emptiness. */
  readonly size: number;
}

/** Characters or bytes in a piece. */
export function pieceSize(piece: TextPiece): number {
  return 'text' in piece ? piece.text.length : piece.size;
}

/** Text to scan and where it sits in its origin. */
export type TextPiece = StringPiece | BytesPiece;

export interface CollectedId {
  id: string;
  origin: string;
  /** 1-based, in the origin. */
  line: number;
  column: number;
}

export interface CollectedNearMiss extends NearMiss {
  origin: string;
}

/** Engagement IDs found across several pieces of text, in first-seen order, positions in their origins. */
export interface CollectedIds {
  /** In first-seen order; at most `maxIds` of them when the scan had a cap. */
  ids: CollectedId[];
  /** Distinct IDs in all pieces, those beyond the cap included (so more than ids.length when over it). */
  distinctIds: number;
  /** All IDs found, repeats included. */
  occurrences: number;
  /** IDs found more than once, with their total count. */
  duplicates: Array<{ id: string; count: number }>;
  nearMisses: CollectedNearMiss[];
  nearMissCount: number;
  /** Files that look binary (as VS Code judges them): not read, so they hold no IDs here. */
  binaryOrigins?: string[];
}

export interface ScanOptions {
  /** Characters of a string piece, or bytes of a file, pushed to the scanner between two yields. */
  chunkSize?: number;
  /** Called between chunks so a caller can give the event loop a turn (and stop by throwing). */
  yieldBetweenChunks?: () => Promise<void>;
  /** List at most this many distinct IDs (the first seen); all are still counted in `distinctIds`. */
  maxIds?: number;
}

/**
 * 256 K characters take 1-5 ms to scan on a quiet machine (the upper end for a line of distinct IDs), and 20-40 ms
 * under heavy load: never near 50 ms of holding the event loop, while the yields between chunks cost under 1%.
 */
const DEFAULT_CHUNK_SIZE = 256 * 1024;
/** The first chunks are smaller, doubling up to the chunk size: until the JIT has compiled the scanner it is slow. */
const FIRST_CHUNK_SIZE = 16 * 1024;
/** Table parts merged between two yields when counting distinct IDs across pieces. */
const PARTS_PER_YIELD = 4;

/** Scans pieces of any size in chunks, handing control back between chunks, and combines what they hold. */
export async function collectEngagementIds(pieces: readonly TextPiece[], options: ScanOptions = {}): Promise<CollectedIds> {
  const pause = options.yieldBetweenChunks ?? (async () => undefined);
  const extractions: IdExtraction[] = [];
  const union = pieces.length > 1 ? new EngagementIdTable() : undefined;
  const binaryOrigins: string[] = [];
  for (const piece of pieces) {
    let table: EngagementIdTable;
    if ('text' in piece) {
      const scanner = await scanText(piece.text, options.chunkSize ?? DEFAULT_CHUNK_SIZE, options.maxIds, pause);
      await pause();
      extractions.push(scanner.finish());
      table = scanner.idTable;
    } else {
      const scanner = await scanBytes(piece, options.chunkSize ?? DEFAULT_CHUNK_SIZE, options.maxIds, pause);
      await pause();
      const { decoding, ...extraction } = scanner.finish();
      if (decoding.kind === 'binary') binaryOrigins.push(piece.origin);
      extractions.push(extraction);
      table = scanner.idTable;
    }
    if (union) {
      // Counting distinct IDs across pieces: merge this piece's table a few parts at a time.
      for (let part = 0; part < EngagementIdTable.PARTS; part += PARTS_PER_YIELD) {
        await pause();
        for (let end = Math.min(part + PARTS_PER_YIELD, EngagementIdTable.PARTS), at = part; at < end; at++) table.mergePartInto(union, at);
      }
    }
  }
  await pause();
  const collected = combineExtractions(pieces, extractions, options.maxIds);
  if (union) collected.distinctIds = union.size;
  if (binaryOrigins.length > 0) collected.binaryOrigins = binaryOrigins;
  return collected;
}

/** Text in chunks that double from FIRST_CHUNK_SIZE to `chunkSize`: until the JIT has compiled the scanner it is slow. */
async function scanText(text: string, chunkSize: number, maxIds: number | undefined, pause: () => Promise<void>): Promise<EngagementIdScanner> {
  const scanner = new EngagementIdScanner({ maxIds });
  for (let start = 0, size = Math.min(FIRST_CHUNK_SIZE, chunkSize); start < text.length; start += size, size = Math.min(2 * size, chunkSize)) {
    if (start > 0) await pause();
    scanner.push(text.slice(start, start + size));
  }
  return scanner;
}

/**
 * A file's bytes, never decoded as a whole: the byte scanner takes UTF-8 as it comes, other encodings are decoded
 * chunk by chunk (EngagementIdFileScanner). Bytes are pushed in steps
 * that double from FIRST_CHUNK_SIZE to `chunkSize`, with a pause between steps, like a string's characters;
 * the byte scanner goes through them several times faster.
 */
async function scanBytes(piece: BytesPiece, chunkSize: number, maxIds: number | undefined, pause: () => Promise<void>): Promise<EngagementIdFileScanner> {
  const scanner = new EngagementIdFileScanner({ maxIds, configuredEncoding: piece.encoding });
  let step = Math.min(FIRST_CHUNK_SIZE, chunkSize);
  let pushed = 0;
  for await (const bytes of piece.bytes()) {
    for (let at = 0; at < bytes.length; at += step, step = Math.min(2 * step, chunkSize)) {
      if (pushed > 0) await pause();
      scanner.push(bytes.subarray(at, at + step));
      pushed += step;
    }
  }
  return scanner;
}

/** Merges per-piece extractions: an ID first seen in an earlier piece keeps that position. */
export function combineExtractions(pieces: readonly PiecePlace[], extractions: readonly IdExtraction[], maxIds = Infinity): CollectedIds {
  if (extractions.length === 1) return placeExtraction(pieces[0], extractions[0], maxIds);
  const firstSeen = new Map<string, CollectedId>();
  const counts = new Map<string, number>();
  const nearMisses: CollectedNearMiss[] = [];
  let occurrences = 0;
  let nearMissCount = 0;

  extractions.forEach((extraction, index) => {
    const piece = pieces[index];
    const place = (line: number, column: number) => ({
      line: piece.startLine + line,
      column: line === 1 ? piece.startColumn + column : column,
    });
    const repeatsHere = new Map(extraction.duplicates.map(({ id, count }) => [id, count]));
    for (const found of extraction.ids) {
      if (!firstSeen.has(found.id)) {
        if (firstSeen.size >= maxIds) continue;
        firstSeen.set(found.id, { id: found.id, origin: piece.origin, ...place(found.line, found.column) });
      }
      counts.set(found.id, (counts.get(found.id) ?? 0) + (repeatsHere.get(found.id) ?? 1));
    }
    for (const miss of extraction.nearMisses) nearMisses.push({ ...miss, origin: piece.origin, ...place(miss.line, miss.column) });
    occurrences += extraction.occurrences;
    nearMissCount += extraction.nearMissCount;
  });

  const ids = [...firstSeen.values()];
  const duplicates = ids.flatMap(({ id }) => {
    const count = counts.get(id) ?? 1;
    return count > 1 ? [{ id, count }] : [];
  });
  // One piece: its own count. Several: at least the largest, and exact when nothing was capped (the caller
  // counts the union of several capped pieces).
  const distinctIds = Math.max(ids.length, ...extractions.map((extraction) => extraction.distinctIds ?? extraction.ids.length));
  return { ids, distinctIds, occurrences, duplicates, nearMisses, nearMissCount };
}

/** One piece needs no merging, only positions in its origin: no Map of every ID (a second per million IDs). */
function placeExtraction(piece: PiecePlace, extraction: IdExtraction, maxIds: number): CollectedIds {
  const ids = extraction.ids.length > maxIds ? extraction.ids.slice(0, maxIds) : extraction.ids;
  const listed = ids === extraction.ids ? undefined : new Set(ids.map(({ id }) => id));
  return {
    ids: ids.map(({ id, line, column }) => ({ id, origin: piece.origin, line: piece.startLine + line, column: line === 1 ? piece.startColumn + column : column })),
    distinctIds: Math.max(ids.length, extraction.distinctIds ?? extraction.ids.length),
    occurrences: extraction.occurrences,
    duplicates: listed ? extraction.duplicates.filter(({ id }) => listed.has(id)) : extraction.duplicates.slice(),
    nearMisses: extraction.nearMisses.map((miss) => ({ ...miss, origin: piece.origin, line: piece.startLine + miss.line, column: miss.line === 1 ? piece.startColumn + miss.column : miss.column })),
    nearMissCount: extraction.nearMissCount,
  };
}

/** `file.csv:12: "ENG-…" — reason (did you mean …?)` */
export function describeNearMiss(miss: CollectedNearMiss): string {
  const suggestion = miss.suggestion ? ` (did you mean ${miss.suggestion}?)` : '';
  return `${miss.origin}:${miss.line}:${miss.column}: "${miss.text}" — ${miss.reason}${suggestion}`;
}

/**
 * Why a launch stops at `limit` IDs and what to do: names the count found, the limit, the setting, and the ways
 * out. Over the cap the user is offered the first `limit` IDs (in first-seen order) or nothing; never a silent cut.
 */
export function describeIdCap(found: number, limit: number, label: string, setting: string): string {
  const count = (value: number) => value.toLocaleString('en-US');
  return `Found ${count(found)} engagement IDs in ${label}, more than the ${count(limit)} one launch takes (setting "${setting}"). ` +
    `Select fewer lines or split the file and start one task per part, or raise the setting. ` +
    `You can also continue with the first ${count(limit)} IDs in ${label}; the other ${count(found - limit)} are then not started.`;
}

import { EngagementIdScanner, type FoundEngagementId, type NearMiss } from '../engagementIds';

/** One occurrence of an engagement ID: where it starts, as a 0-based UTF-16 offset in the document. */
interface IdOccurrence {
  readonly id: string;
  readonly offset: number;
}

/** What the editor features need of one version of a document, found in one pass over its text. */
export interface DocumentScan {
  /** Distinct IDs in first-seen order (the extractor's answer: what a launch from this document would offer). */
  readonly ids: readonly FoundEngagementId[];
  /** Every occurrence, repeats included, in text order. */
  readonly occurrences: readonly IdOccurrence[];
  /** The extractor's near misses (at most its cap) and how many there are in all. */
  readonly nearMisses: readonly NearMiss[];
  readonly nearMissCount: number;
}

export interface ScanPacing {
  /** Gives the event loop a turn; called when a slice of work has run for `sliceMs`. */
  yield(): Promise<void>;
  /** Stop early (the document changed): the scan then resolves undefined. */
  isCancelled?(): boolean;
  /** Longest stretch of work between two yields, in ms. Default 10. */
  sliceMs?: number;
  /** Characters handled between two clock reads. Default 64 Ki. */
  chunkSize?: number;
  now?(): number;
}

const DEFAULT_SLICE_MS = 10;
const DEFAULT_CHUNK_SIZE = 64 * 1024;

/**
 * A whole, free-standing ID: the extractor's rule (see engagementIds/characters.ts), as one regular expression,
 * so every occurrence is found, not only the first of each ID. Unit tests hold the two to the same answers.
 */
const OCCURRENCE = /(?<![0-9A-Za-z_-])eng-[0-9a-z]{14}(?![0-9A-Za-z_-])/g;

/**
 * Scans a document's text in chunks, yielding whenever a slice of work ran for `sliceMs`, so a 10 MB document
 * never blocks the extension host for long. Resolves undefined when cancelled.
 */
export async function scanDocumentText(text: string, pacing: ScanPacing): Promise<DocumentScan | undefined> {
  const now = pacing.now ?? (() => performance.now());
  const sliceMs = pacing.sliceMs ?? DEFAULT_SLICE_MS;
  const chunkSize = pacing.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const scanner = new EngagementIdScanner();
  const occurrences = new OccurrenceFinder(text);
  let sliceStart = now();
  for (let start = 0; start < text.length; start += chunkSize) {
    const end = Math.min(text.length, start + chunkSize);
    scanner.push(text.slice(start, end));
    occurrences.findBefore(end);
    if (end < text.length && now() - sliceStart >= sliceMs) {
      await pacing.yield();
      if (pacing.isCancelled?.()) return undefined;
      sliceStart = now();
    }
  }
  const extraction = scanner.finish();
  return {
    ids: extraction.ids,
    occurrences: occurrences.found,
    nearMisses: extraction.nearMisses,
    nearMissCount: extraction.nearMissCount,
  };
}

/** Finds occurrences chunk by chunk; a match found beyond the current chunk is kept, so no text is searched twice. */
class OccurrenceFinder {
  readonly found: IdOccurrence[] = [];
  private readonly search = new RegExp(OCCURRENCE.source, OCCURRENCE.flags);
  private next: RegExpExecArray | null | undefined;

  constructor(private readonly text: string) {}

  findBefore(end: number): void {
    for (;;) {
      if (this.next === undefined) this.next = this.search.exec(this.text);
      if (this.next === null || this.next.index >= end) return;
      this.found.push({ id: this.next[0], offset: this.next.index });
      this.next = undefined;
    }
  }
}

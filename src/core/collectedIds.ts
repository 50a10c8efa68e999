import { EngagementIdScanner, type IdExtraction, type NearMiss } from './engagementIds';

/** Text to scan and where it sits in its origin (a file or the clipboard). */
export interface TextPiece {
  readonly origin: string;
  readonly text: string;
  /** 0-based line of the piece's first character in its origin. */
  readonly startLine: number;
  /** 0-based column of the piece's first character on that line. */
  readonly startColumn: number;
}

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
  ids: CollectedId[];
  /** All IDs found, repeats included. */
  occurrences: number;
  /** IDs found more than once, with their total count. */
  duplicates: Array<{ id: string; count: number }>;
  nearMisses: CollectedNearMiss[];
  nearMissCount: number;
}

export interface ScanOptions {
  /** Characters pushed to the scanner between two yields. */
  chunkSize?: number;
  /** Called between chunks so a caller can give the event loop a turn (and stop by throwing). */
  yieldBetweenChunks?: () => Promise<void>;
}

const DEFAULT_CHUNK_SIZE = 4 * 1024 * 1024;

/** Scans pieces of any size in chunks, handing control back between chunks, and combines what they hold. */
export async function collectEngagementIds(pieces: readonly TextPiece[], options: ScanOptions = {}): Promise<CollectedIds> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const extractions: IdExtraction[] = [];
  for (const piece of pieces) {
    const scanner = new EngagementIdScanner();
    for (let start = 0; start < piece.text.length; start += chunkSize) {
      if (start > 0) await options.yieldBetweenChunks?.();
      scanner.push(piece.text.slice(start, start + chunkSize));
    }
    extractions.push(scanner.finish());
  }
  return combineExtractions(pieces, extractions);
}

/** Merges per-piece extractions: an ID first seen in an earlier piece keeps that position. */
export function combineExtractions(pieces: readonly TextPiece[], extractions: readonly IdExtraction[]): CollectedIds {
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
      if (!firstSeen.has(found.id)) firstSeen.set(found.id, { id: found.id, origin: piece.origin, ...place(found.line, found.column) });
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
  return { ids, occurrences, duplicates, nearMisses, nearMissCount };
}

/** `file.csv:12: "ENG-…" — reason (did you mean …?)` */
export function describeNearMiss(miss: CollectedNearMiss): string {
  const suggestion = miss.suggestion ? ` (did you mean ${miss.suggestion}?)` : '';
  return `${miss.origin}:${miss.line}:${miss.column}: "${miss.text}" — ${miss.reason}${suggestion}`;
}

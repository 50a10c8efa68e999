// What a scan of text or bytes gives: the result types both scanners share, and their options.

/** The first occurrence of an engagement ID. `line` and `column` are 1-based; columns count UTF-16 code units. */
export interface FoundEngagementId {
  id: string;
  line: number;
  column: number;
}

/** An ID that occurs more than once. `count` is the TOTAL number of occurrences (always >= 2). */
export interface DuplicateEngagementId {
  id: string;
  count: number;
}

/** Text that looks like an attempted engagement ID but is not taken, with why. Line and column are 1-based. */
export interface NearMiss {
  text: string;
  line: number;
  column: number;
  reason: string;
  /** The ID it probably meant, when the fix is unambiguous (case, separator, a stray or trailing character). */
  suggestion?: string;
}

export interface IdExtraction {
  /** Distinct IDs in first-seen order, each with its first position (the first `maxIds` of them). */
  ids: FoundEngagementId[];
  /** All distinct IDs, including those beyond `maxIds` (then more than ids.length). */
  distinctIds: number;
  /** Total IDs found, duplicates included. */
  occurrences: number;
  /** IDs of `ids` seen more than once, in first-seen order. */
  duplicates: DuplicateEngagementId[];
  /** The first `maxNearMisses` near misses in text order. */
  nearMisses: NearMiss[];
  /** All near misses, including those beyond the cap. */
  nearMissCount: number;
}

export interface EngagementIdScannerOptions {
  /** How many near misses to keep (all are counted). Default 1000. */
  maxNearMisses?: number;
  /**
   * How many distinct IDs to list with their positions; all are still counted (`distinctIds`). Default: all.
   * A cap keeps memory flat on inputs with millions of IDs, where only the count matters.
   */
  maxIds?: number;
}

export const DEFAULT_MAX_NEAR_MISSES = 1000;

import { ENGAGEMENT_ID_LENGTH, isIdBodyChar, isTokenChar } from './characters';
import { FoundIdList } from './foundIds';
import { base36Digit, EngagementIdTable } from './idTable';
import { CANDIDATE_LOOKAHEAD, CANDIDATE_SEARCH, classifyNearMiss, isNearMiss } from './nearMisses';

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

/** Characters kept between pushes: enough to classify a candidate that starts before them. */
const CARRY_LENGTH = CANDIDATE_LOOKAHEAD + 1;

/**
 * Finds engagement IDs in text that arrives in chunks of any size (split anywhere, even inside an ID or a CRLF).
 * Lines are counted on '\n', so LF and CRLF both work; a lone '\r' is not a line break.
 *
 * Linear time: a native regex pass finds candidates (`eng` in any case plus a hyphen-like character), and
 * newlines are counted with indexOf only between candidates, never per character in JS.
 */
export class EngagementIdScanner {
  private readonly maxNearMisses: number;
  private readonly maxIds: number;
  private readonly search = new RegExp(CANDIDATE_SEARCH.source, CANDIDATE_SEARCH.flags);
  /** Unscanned tail of the previous push, preceded by one already-scanned character of look-behind. */
  private pending = '';
  /** Absolute offset of pending[0]. */
  private pendingOffset = 0;
  /** Index in `pending` where candidate search resumes (1 once pending holds a look-behind character). */
  private resumeAt = 0;
  /**
   * Every '\n' before this absolute offset is counted, and `line` (starting at `lineStart`) runs up to it. It
   * stops at the next '\n' found, or the end of the text searched, so that a long line (minified JSON) holding
   * many IDs is searched once, not once per ID.
   */
  private countedTo = 0;
  private line = 1;
  private lineStart = 0;
  private readonly table = new EngagementIdTable();

  /** Every distinct ID seen so far, as table keys (for counting distinct IDs across scanners). */
  get idTable(): EngagementIdTable {
    return this.table;
  }
  private readonly ids = new FoundIdList();
  private occurrences = 0;
  private readonly nearMisses: NearMiss[] = [];
  private nearMissCount = 0;
  private finished = false;

  constructor(options: EngagementIdScannerOptions = {}) {
    this.maxNearMisses = options.maxNearMisses ?? DEFAULT_MAX_NEAR_MISSES;
    this.maxIds = options.maxIds ?? Infinity;
  }

  push(chunk: string): void {
    if (this.finished) throw new Error('EngagementIdScanner: push() after finish()');
    if (chunk.length === 0) return;
    if (chunk.length > CARRY_LENGTH + 1) {
      // Scanning the chunk itself, not pending + chunk, spares copying every chunk into a new string.
      this.scanSeam(chunk);
      this.scanAndKeepTail(chunk);
    } else {
      this.scanAndKeepTail(this.pending + chunk);
    }
  }

  /** Handles candidates that start in `pending` or at chunk[0], then moves the base to the chunk's start. */
  private scanSeam(chunk: string): void {
    const seam = this.pending + chunk.slice(0, CARRY_LENGTH + 1);
    this.scan(seam, this.pending.length + 1, seam.length);
    this.countNewlinesTo(seam, this.pending.length);
    this.pendingOffset += this.pending.length;
    this.pending = '';
    this.resumeAt = 1; // chunk[0] is done and serves as look-behind
  }

  /** Scans `text` (starting at pendingOffset) except its last CARRY_LENGTH characters, which are kept for later. */
  private scanAndKeepTail(text: string): void {
    const safeEnd = text.length - CARRY_LENGTH;
    if (safeEnd <= this.resumeAt) {
      this.pending = text;
      return;
    }
    this.scan(text, safeEnd, text.length);
    // Keep one character before the unscanned tail as look-behind, and count the newlines being let go.
    const keepFrom = safeEnd - 1;
    this.countNewlinesTo(text, keepFrom);
    this.pending = text.slice(keepFrom);
    this.pendingOffset += keepFrom;
    this.resumeAt = 1;
  }

  /** Scans what is left (plus `lastChunk`, a shortcut for one-shot use) and returns the result. */
  finish(lastChunk = ''): IdExtraction {
    if (!this.finished) {
      const text = this.pending + lastChunk;
      this.scan(text, text.length, text.length);
      this.pending = '';
      this.finished = true;
    }
    const { ids, duplicates } = this.ids.materialize(this.table);
    return {
      ids,
      distinctIds: this.table.size,
      occurrences: this.occurrences,
      duplicates,
      nearMisses: this.nearMisses.slice(),
      nearMissCount: this.nearMissCount,
    };
  }

  /** Handles every candidate starting in [resumeAt, searchEnd) of `text`; classification may read up to `textEnd`. */
  private scan(text: string, searchEnd: number, textEnd: number): void {
    const search = this.search;
    search.lastIndex = this.resumeAt;
    while (search.test(text)) {
      const start = search.lastIndex - 4;
      if (start >= searchEnd) break;
      if (!this.takeId(text, start, textEnd)) this.takeNearMiss(text, start, textEnd);
    }
  }

  /** Records the ID at `start` if there is a well-formed, free-standing one; the hot path, kept allocation-free for repeats. */
  private takeId(text: string, start: number, textEnd: number): boolean {
    const end = start + ENGAGEMENT_ID_LENGTH;
    if (
      end > textEnd ||
      text.charCodeAt(start) !== 101 || text.charCodeAt(start + 1) !== 110 || text.charCodeAt(start + 2) !== 103 ||
      text.charCodeAt(start + 3) !== 45 ||
      (start > 0 && isTokenChar(text.charCodeAt(start - 1))) ||
      (end < textEnd && isTokenChar(text.charCodeAt(end)))
    ) {
      return false;
    }
    let key0 = 0;
    let key1 = 0;
    let key2 = 0;
    for (let i = start + 4; i < start + 9; i++) {
      const code = text.charCodeAt(i);
      if (!isIdBodyChar(code)) return false;
      key0 = key0 * 36 + base36Digit(code);
    }
    for (let i = start + 9; i < start + 14; i++) {
      const code = text.charCodeAt(i);
      if (!isIdBodyChar(code)) return false;
      key1 = key1 * 36 + base36Digit(code);
    }
    for (let i = start + 14; i < end; i++) {
      const code = text.charCodeAt(i);
      if (!isIdBodyChar(code)) return false;
      key2 = key2 * 36 + base36Digit(code);
    }
    this.occurrences++;
    if (this.table.add(key0, key1, key2) && this.ids.length < this.maxIds) {
      this.countNewlinesTo(text, start);
      this.ids.add(key0, key1, key2, this.line, this.columnOf(start));
    }
    return true;
  }

  private takeNearMiss(text: string, start: number, textEnd: number): void {
    if (!isNearMiss(text, start, textEnd)) return;
    this.nearMissCount++;
    if (this.nearMisses.length >= this.maxNearMisses) return;
    const verdict = classifyNearMiss(text, start, textEnd);
    if (!verdict) throw new Error(`isNearMiss and classifyNearMiss disagree on ${JSON.stringify(text.slice(start, start + 40))}`);
    this.countNewlinesTo(text, start);
    const nearMiss: NearMiss = { text: detached(verdict.text), line: this.line, column: this.columnOf(start), reason: detached(verdict.reason) };
    if (verdict.suggestion !== undefined) nearMiss.suggestion = detached(verdict.suggestion);
    this.nearMisses.push(nearMiss);
  }

  /** 1-based column of `index` in `text`, once newlines are counted up to it. */
  private columnOf(index: number): number {
    return this.pendingOffset + index - this.lineStart + 1;
  }

  /** Advances the line count to `index` of `text` (which starts at absolute offset pendingOffset). */
  private countNewlinesTo(text: string, index: number): void {
    let at = this.countedTo - this.pendingOffset;
    if (at >= index) return;
    let line = this.line;
    let newline = text.indexOf('\n', at);
    while (newline !== -1 && newline < index) {
      line++;
      at = newline + 1;
      newline = text.indexOf('\n', at);
    }
    if (line !== this.line) {
      this.line = line;
      this.lineStart = this.pendingOffset + at;
    }
    this.countedTo = this.pendingOffset + (newline === -1 ? text.length : newline);
  }
}

/** Finds the engagement IDs and near misses in one string. See EngagementIdScanner for the rules. */
export function extractEngagementIds(text: string, options?: EngagementIdScannerOptions): IdExtraction {
  return new EngagementIdScanner(options).finish(text);
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a slice of 13 or more
 * characters a view of its parent, so a kept near miss would otherwise hold its whole chunk (and 1000 of
 * them most of a file) in memory.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

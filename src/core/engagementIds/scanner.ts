import { ENGAGEMENT_ID_LENGTH, isIdBodyChar, isTokenChar, joinsPreceding, LOOK_BEHIND } from './characters';
import { DEFAULT_MAX_NEAR_MISSES, type EngagementIdScannerOptions, type IdExtraction } from './extraction';
import { ExtractionTally } from './extractionTally';
import { base36Digit, type EngagementIdTable } from './idTable';
import { CANDIDATE_LOOKAHEAD, CANDIDATE_SEARCH, classifyNearMiss, isNearMiss } from './nearMisses';

/** Characters kept between pushes: enough to classify a candidate that starts before them. */
const CARRY_LENGTH = CANDIDATE_LOOKAHEAD + 1;

/**
 * Finds engagement IDs in text that arrives in chunks of any size (split anywhere, even inside an ID or a CRLF).
 * Lines end as in VS Code's text model: at '\n', '\r\n' or a lone '\r' (not at U+2028, U+2029 or U+0085).
 *
 * Linear time: a native regex pass finds candidates (`eng` in any case plus a hyphen-like character), and
 * line breaks are found with indexOf only between candidates, never per character in JS.
 */
export class EngagementIdScanner {
  private readonly search = new RegExp(CANDIDATE_SEARCH.source, CANDIDATE_SEARCH.flags);
  /** Unscanned tail of the previous push, preceded by up to LOOK_BEHIND already-scanned characters. */
  private pending = '';
  /** Absolute offset of pending[0]. */
  private pendingOffset = 0;
  /** Index in `pending` where candidate search resumes (LOOK_BEHIND once pending holds that much look-behind). */
  private resumeAt = 0;
  /**
   * Every line break before this absolute offset is counted, and `line` (starting at `lineStart`) runs up to it.
   * It stops at the next '\n' or '\r' found, or the end of the text searched, so that a long line (minified
   * JSON) holding many IDs is searched once, not once per ID.
   */
  private countedTo = 0;
  /**
   * Absolute offset of the next '\r' at or after crSearchedTo - 1... kept apart from the '\n' search so that
   * text with no '\r' at all is searched for one once per push, not once per line: the next '\r' found
   * (absolute), or -1 when there is none before crSearchedTo.
   */
  private nextCr = -1;
  private crSearchedTo = 0;
  private line = 1;
  private lineStart = 0;
  private readonly tally: ExtractionTally;
  private finished = false;

  constructor(options: EngagementIdScannerOptions = {}) {
    this.tally = new ExtractionTally(options.maxIds ?? Infinity, options.maxNearMisses ?? DEFAULT_MAX_NEAR_MISSES);
  }

  /** Every distinct ID seen so far, as table keys (for counting distinct IDs across scanners). */
  get idTable(): EngagementIdTable {
    return this.tally.table;
  }

  push(chunk: string): void {
    if (this.finished) throw new Error('EngagementIdScanner: push() after finish()');
    if (chunk.length === 0) return;
    if (chunk.length > CARRY_LENGTH + LOOK_BEHIND) {
      // Scanning the chunk itself, not pending + chunk, spares copying every chunk into a new string.
      this.scanSeam(chunk);
      this.scanAndKeepTail(chunk);
    } else {
      this.scanAndKeepTail(this.pending + chunk);
    }
  }

  /** Handles candidates that start in `pending` or in chunk[0, LOOK_BEHIND), then moves the base to the chunk's start. */
  private scanSeam(chunk: string): void {
    const seam = this.pending + chunk.slice(0, CARRY_LENGTH + LOOK_BEHIND);
    this.scan(seam, this.pending.length + LOOK_BEHIND, seam.length);
    this.countNewlinesTo(seam, this.pending.length);
    this.pendingOffset += this.pending.length;
    this.pending = '';
    this.resumeAt = LOOK_BEHIND; // chunk[0, LOOK_BEHIND) is done and serves as look-behind
  }

  /** Scans `text` (starting at pendingOffset) except its last CARRY_LENGTH characters, which are kept for later. */
  private scanAndKeepTail(text: string): void {
    const safeEnd = text.length - CARRY_LENGTH;
    if (safeEnd <= this.resumeAt) {
      this.pending = text;
      return;
    }
    this.scan(text, safeEnd, text.length);
    // Keep a few characters before the unscanned tail as look-behind, and count the line breaks being let go.
    const keepFrom = Math.max(0, safeEnd - LOOK_BEHIND);
    this.countNewlinesTo(text, keepFrom);
    this.pending = text.slice(keepFrom);
    this.pendingOffset += keepFrom;
    this.resumeAt = safeEnd - keepFrom;
  }

  /** Scans what is left (plus `lastChunk`, a shortcut for one-shot use) and returns the result. */
  finish(lastChunk = ''): IdExtraction {
    if (!this.finished) {
      const text = this.pending + lastChunk;
      this.scan(text, text.length, text.length);
      this.pending = '';
      this.finished = true;
    }
    return this.tally.result();
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
      (end < textEnd && isTokenChar(text.charCodeAt(end))) ||
      joinsPreceding(text, start)
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
    if (this.tally.countId(key0, key1, key2)) {
      this.countNewlinesTo(text, start);
      this.tally.keepId(key0, key1, key2, this.line, this.columnOf(start));
    }
    return true;
  }

  private takeNearMiss(text: string, start: number, textEnd: number): void {
    if (!isNearMiss(text, start, textEnd) || !this.tally.countNearMiss()) return;
    const verdict = classifyNearMiss(text, start, textEnd);
    if (!verdict) throw new Error(`isNearMiss and classifyNearMiss disagree on ${JSON.stringify(text.slice(start, start + 40))}`);
    this.countNewlinesTo(text, start);
    this.tally.keepNearMiss(verdict, this.line, this.columnOf(start));
  }

  /** 1-based column of `index` in `text`, once newlines are counted up to it. */
  private columnOf(index: number): number {
    return this.pendingOffset + index - this.lineStart + 1;
  }

  /**
   * Advances the line count to `index` of `text` (which starts at absolute offset pendingOffset). A '\r' before
   * `index` is never the last character of `text` (the scanner keeps characters after every position it asks
   * about), so whether a '\n' follows it is always known.
   */
  private countNewlinesTo(text: string, index: number): void {
    let at = this.countedTo - this.pendingOffset;
    if (at >= index) return;
    let line = this.line;
    let lineFeed = text.indexOf('\n', at);
    let carriageReturn = this.carriageReturnFrom(text, at);
    for (;;) {
      if (carriageReturn !== -1 && carriageReturn < index && (lineFeed === -1 || carriageReturn < lineFeed)) {
        // A '\r' right before a '\n' is half of a CRLF: the '\n' counts for both.
        if (text.charCodeAt(carriageReturn + 1) !== 10) {
          line++;
          at = carriageReturn + 1;
        }
        carriageReturn = this.carriageReturnFrom(text, carriageReturn + 1);
      } else if (lineFeed !== -1 && lineFeed < index) {
        line++;
        at = lineFeed + 1;
        lineFeed = text.indexOf('\n', at);
      } else break;
    }
    if (line !== this.line) {
      this.line = line;
      this.lineStart = this.pendingOffset + at;
    }
    const nextBreak = Math.min(lineFeed === -1 ? text.length : lineFeed, carriageReturn === -1 ? text.length : carriageReturn);
    this.countedTo = this.pendingOffset + nextBreak;
  }

  /** Index in `text` of the first '\r' at or after `from`, or -1: searched once, remembered until passed. */
  private carriageReturnFrom(text: string, from: number): number {
    const absoluteFrom = this.pendingOffset + from;
    const textEnd = this.pendingOffset + text.length;
    if (this.nextCr >= absoluteFrom) return this.nextCr < textEnd ? this.nextCr - this.pendingOffset : -1;
    if (this.nextCr === -1 && this.crSearchedTo >= textEnd) return -1;
    const searchFrom = this.nextCr === -1 ? Math.max(from, this.crSearchedTo - this.pendingOffset) : from;
    const found = text.indexOf('\r', searchFrom);
    this.nextCr = found === -1 ? -1 : this.pendingOffset + found;
    this.crSearchedTo = found === -1 ? textEnd : this.pendingOffset + found;
    return found;
  }
}

/** Finds the engagement IDs and near misses in one string. See EngagementIdScanner for the rules. */
export function extractEngagementIds(text: string, options?: EngagementIdScannerOptions): IdExtraction {
  return new EngagementIdScanner(options).finish(text);
}

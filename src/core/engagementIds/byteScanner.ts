import { Buffer, isAscii } from 'node:buffer';
import { CandidateSearch } from './candidateSearch';
import { ENGAGEMENT_ID_LENGTH, isIdBodyChar, isTokenChar, joinsPrecedingInBytes, LOOK_BEHIND } from './characters';
import { DEFAULT_MAX_NEAR_MISSES, type EngagementIdScannerOptions, type IdExtraction } from './extraction';
import { ExtractionTally } from './extractionTally';
import { base36Digit, type EngagementIdTable } from './idTable';
import { CANDIDATE_LOOKAHEAD, classifyNearMiss, isNearMiss, isNearMissInAsciiBytes } from './nearMisses';
import { Utf16Counter } from './utf16Counter';

/** Most bytes searched per call into WebAssembly. */
const BLOCK_BYTES = 1 << 20;
/** Fewest bytes a push searches (unless the block is full): a search has a fixed cost. */
const MIN_SEARCH_BYTES = 4096;
/** Bytes after a candidate's start that hold CANDIDATE_LOOKAHEAD characters and one more, however wide each is. */
const WINDOW_BYTES = 4 * (CANDIDATE_LOOKAHEAD + 2);
/** Bytes kept from one block for the next: a candidate is judged only once the window after it is in memory. */
const CARRY_BYTES = WINDOW_BYTES + 1;
/**
 * Bytes after a candidate's start that isNearMiss can read, however wide the characters: `eng` and a 3-byte
 * dash (6), a body of at most 32 ASCII alphanumerics, one character after it (4), and at most 33 more ASCII
 * alphanumerics, then the one that stops them. Deciding whether to count a near miss decodes only these.
 */
const COUNTING_WINDOW_BYTES = 6 + 32 + 4 + 33 + 4;

/**
 * Finds engagement IDs and near misses in UTF-8 bytes that arrive in chunks of any size, with exactly the result
 * EngagementIdScanner gives for the text a TextDecoder makes of them (a leading BOM dropped, malformed bytes as
 * U+FFFD, columns in UTF-16 code units). It never decodes the bytes: a SIMD search (candidateSearch.wat) finds
 * the candidates and counts line breaks 16 bytes at a time, and only the bytes around a near miss become a string.
 */
export class EngagementIdByteScanner {
  private readonly search = CandidateSearch.take(CARRY_BYTES + BLOCK_BYTES);
  private readonly tally: ExtractionTally;
  /** search.bytes as a Buffer, for its UTF-8 decoding: a tenth of TextDecoder's cost per call, and the same text. */
  private readonly text = Buffer.from(this.search.bytes.buffer, this.search.bytes.byteOffset, this.search.bytes.byteLength);
  /** search.bytes[0, held) hold input from `offset` on. */
  private held = 0;
  private offset = 0;
  /** Where the next search starts in search.bytes; the LOOK_BEHIND bytes before it stay as look-behind. */
  private searchFrom = 0;
  /** The line at searchFrom, and the input offset where it starts. */
  private line = 1;
  private lineStart = 0;
  /** UTF-16 units from the start of the line to the input offset `columnsAt`. */
  private readonly columns = new Utf16Counter();
  private columnsAt = 0;
  /** Whether search.bytes[0, held) is all ASCII (a byte is then a character); undefined until asked. */
  private heldIsAscii: boolean | undefined;
  private started = false;
  private finished = false;

  constructor(options: EngagementIdScannerOptions = {}) {
    this.tally = new ExtractionTally(options.maxIds ?? Infinity, options.maxNearMisses ?? DEFAULT_MAX_NEAR_MISSES);
  }

  /** Every distinct ID seen so far, as table keys (for counting distinct IDs across scanners). */
  get idTable(): EngagementIdTable {
    return this.tally.table;
  }

  /**
   * Takes the next bytes and searches them, but for the last few hundred (kept until the bytes after them come),
   * so the work a push does follows its size. The scanner copies the bytes: the caller may reuse `chunk` at once.
   */
  push(chunk: Uint8Array): void {
    if (this.finished) throw new Error('EngagementIdByteScanner: push() after finish()');
    const capacity = this.search.capacity;
    for (let at = 0; at < chunk.length; ) {
      const take = Math.min(capacity - this.held, chunk.length - at);
      this.search.bytes.set(chunk.subarray(at, at + take), this.held);
      this.held += take;
      at += take;
      if (this.held === capacity || this.held - CARRY_BYTES - this.searchFrom >= MIN_SEARCH_BYTES) this.searchAndKeepTail();
    }
  }

  finish(): IdExtraction {
    if (!this.finished) {
      this.finished = true;
      this.search.zeroPastEnd(this.held);
      this.searchTo(this.held, this.held);
      CandidateSearch.giveBack(this.search);
    }
    return this.tally.result();
  }

  /** Searches all but the last CARRY_BYTES, then moves those (and LOOK_BEHIND bytes before them) to the front. */
  private searchAndKeepTail(): void {
    const searchEnd = this.held - CARRY_BYTES;
    this.searchTo(searchEnd, this.held);
    const keepFrom = searchEnd - LOOK_BEHIND;
    if (this.tally.keepsPositions) this.countColumnsTo(this.offset + keepFrom, this.lineStart);
    this.search.bytes.copyWithin(0, keepFrom, this.held);
    this.offset += keepFrom;
    this.held -= keepFrom;
    this.searchFrom = LOOK_BEHIND;
  }

  /** Handles every candidate that starts in [searchFrom, searchEnd); judging one may read up to `dataEnd`. */
  private searchTo(searchEnd: number, dataEnd: number): void {
    if (!this.started) this.skipByteOrderMark();
    this.heldIsAscii = undefined;
    const search = this.search;
    const count = search.find(this.searchFrom, searchEnd);
    const records = search.records;
    for (let record = search.firstRecord, left = count; left > 0; left--, record += 3) {
      const at = records[record];
      const lineStart = records[record + 2] >= 0 ? this.offset + records[record + 2] + 1 : this.lineStart;
      if (!this.takeId(at, dataEnd, records[record + 1], lineStart)) this.takeNearMiss(at, dataEnd, records[record + 1], lineStart);
    }
    this.line += search.newlines;
    if (search.lastNewline >= 0) this.lineStart = this.offset + search.lastNewline + 1;
    this.searchFrom = searchEnd;
  }

  /** A TextDecoder drops a BOM at the very start: so do lines and columns here. */
  private skipByteOrderMark(): void {
    this.started = true;
    const bytes = this.search.bytes;
    if (this.held >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
      this.searchFrom = 3;
      this.lineStart = 3;
      this.columnsAt = 3;
    }
  }

  /** Records the ID at `at` if there is a well-formed, free-standing one: the hot path, allocation-free. */
  private takeId(at: number, dataEnd: number, newlinesBefore: number, lineStart: number): boolean {
    const bytes = this.search.bytes;
    const end = at + ENGAGEMENT_ID_LENGTH;
    if (
      end > dataEnd ||
      bytes[at] !== 101 || bytes[at + 1] !== 110 || bytes[at + 2] !== 103 || bytes[at + 3] !== 45 ||
      (end < dataEnd && isTokenChar(bytes[end])) ||
      joinsPrecedingInBytes(bytes, at)
    ) {
      return false;
    }
    let key0 = 0;
    let key1 = 0;
    let key2 = 0;
    for (let i = at + 4; i < at + 9; i++) {
      const code = bytes[i];
      if (!isIdBodyChar(code)) return false;
      key0 = key0 * 36 + base36Digit(code);
    }
    for (let i = at + 9; i < at + 14; i++) {
      const code = bytes[i];
      if (!isIdBodyChar(code)) return false;
      key1 = key1 * 36 + base36Digit(code);
    }
    for (let i = at + 14; i < end; i++) {
      const code = bytes[i];
      if (!isIdBodyChar(code)) return false;
      key2 = key2 * 36 + base36Digit(code);
    }
    if (this.tally.countId(key0, key1, key2)) this.tally.keepId(key0, key1, key2, this.line + newlinesBefore, this.columnAt(at, lineStart));
    return true;
  }

  private takeNearMiss(at: number, dataEnd: number, newlinesBefore: number, lineStart: number): void {
    const bytes = this.search.bytes;
    // 0xE2 starts the typographic dashes, and many other characters.
    if (bytes[at + 3] === 0xe2 && !isTypographicDash(bytes, at + 3)) return;
    if (this.isHeldAscii() || isAsciiAround(bytes, at, dataEnd)) {
      if (!isNearMissInAsciiBytes(bytes, at, dataEnd)) return;
    } else {
      const counting = this.windowAt(at, dataEnd, COUNTING_WINDOW_BYTES);
      if (!isNearMiss(counting.text, counting.start, counting.text.length)) return;
    }
    if (!this.tally.countNearMiss()) return;
    const window = this.windowAt(at, dataEnd, WINDOW_BYTES);
    const verdict = classifyNearMiss(window.text, window.start, window.text.length);
    if (!verdict) throw new Error(`isNearMiss and classifyNearMiss disagree on ${JSON.stringify(window.text)}`);
    this.tally.keepNearMiss(verdict, this.line + newlinesBefore, this.columnAt(at, lineStart));
  }

  /**
   * The text around a candidate: LOOK_BEHIND bytes of look-behind, and the bytes that hold every character its
   * judgement can read. The look-behind is decoded on its own: a wider character cut there becomes U+FFFD, which
   * (like any non-ASCII character) neither joins onto an ID nor is part of a percent-escape, and the candidate's
   * ASCII first byte ends any sequence left open, as it does in the whole text.
   */
  private windowAt(at: number, dataEnd: number, bytesAfter: number): { text: string; start: number } {
    const from = Math.max(0, at - LOOK_BEHIND);
    const before = this.text.toString('utf8', from, at);
    return { text: before + this.text.toString('utf8', at, Math.min(dataEnd, at + bytesAfter)), start: before.length };
  }

  private isHeldAscii(): boolean {
    this.heldIsAscii ??= isAscii(this.search.bytes.subarray(0, this.held));
    return this.heldIsAscii;
  }

  /** 1-based column, in UTF-16 code units, of search.bytes[at] on the line that starts at input offset `lineStart`. */
  private columnAt(at: number, lineStart: number): number {
    this.countColumnsTo(this.offset + at, lineStart);
    return this.columns.unitsBeforeAscii + 1;
  }

  /** Moves the column count forward to input offset `target`, on the line that starts at `lineStart`. */
  private countColumnsTo(target: number, lineStart: number): void {
    if (lineStart > this.columnsAt) {
      this.columns.reset();
      this.columnsAt = lineStart;
    }
    if (target <= this.columnsAt) return;
    const from = this.columnsAt - this.offset;
    const to = target - this.offset;
    if (this.columns.atCharacterBoundary && this.isHeldAscii()) this.columns.addAscii(to - from);
    else this.columns.add(this.search.bytes, from, to);
    this.columnsAt = target;
  }
}

/**
 * Whether the bytes a judgement of the candidate at `at` can read (one before it, CANDIDATE_LOOKAHEAD after) are
 * ASCII: then a byte is a character there, even in a block that holds other text, and no window is decoded.
 */
function isAsciiAround(bytes: Uint8Array, at: number, dataEnd: number): boolean {
  let seen = 0;
  for (let i = at > 0 ? at - 1 : 0, end = Math.min(dataEnd, at + CANDIDATE_LOOKAHEAD + 1); i < end; i++) seen |= bytes[i];
  return seen < 0x80;
}

/** U+2010..U+2015 (E2 80 90..95) or U+2212 (E2 88 92) at bytes[at]. */
function isTypographicDash(bytes: Uint8Array, at: number): boolean {
  const second = bytes[at + 1];
  const third = bytes[at + 2];
  return (second === 0x80 && third >= 0x90 && third <= 0x95) || (second === 0x88 && third === 0x92);
}

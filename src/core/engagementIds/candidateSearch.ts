import { CANDIDATE_SEARCH_WASM } from './candidateSearchWasm';

/** Bytes `find` may read past the end of the range it searches (see candidateSearch.wat). */
const READ_PAST_END = 32;
const RECORD_BYTES = 12;
const PAGE_BYTES = 65536;

interface CandidateSearchExports {
  memory: WebAssembly.Memory;
  newlines: WebAssembly.Global;
  lastNewline: WebAssembly.Global;
  find(from: number, end: number, out: number): number;
}

let compiled: WebAssembly.Module | undefined;
/** A search whose scanner has finished, kept for the next scan: allocating 5 MB of memory per file costs more GC than the search itself. */
let spare: CandidateSearch | undefined;

/**
 * One instance of the SIMD candidate search (candidateSearch.wat) with room for `capacity` bytes of data at the
 * start of its memory, and for the records of every candidate those bytes can hold after them.
 */
export class CandidateSearch {
  /** The data, from offset 0; `capacity` bytes plus the few `find` reads past the end. */
  readonly bytes: Uint8Array;
  /** Records written by `find`, three words each: position, line breaks before it, last line break before it or -1. */
  readonly records: Int32Array;
  /** Index in `records` of the first record `find` writes. */
  readonly firstRecord: number;
  private readonly exports: CandidateSearchExports;

  /** A search with room for `capacity` bytes: the spare one if it fits, else a new one. Hand it back with `giveBack`. */
  static take(capacity: number): CandidateSearch {
    const search = spare?.capacity === capacity ? spare : new CandidateSearch(capacity);
    if (search === spare) spare = undefined;
    return search;
  }

  /** Keeps `search` for the next scan; whoever took it must not use it again. */
  static giveBack(search: CandidateSearch): void {
    spare = search;
  }

  private constructor(readonly capacity: number) {
    compiled ??= new WebAssembly.Module(CANDIDATE_SEARCH_WASM);
    this.exports = new WebAssembly.Instance(compiled).exports as unknown as CandidateSearchExports;
    const recordsStart = Math.ceil((capacity + READ_PAST_END) / 16) * 16;
    // Candidates cannot overlap (a start is a letter, a separator is not), so at most one per 4 bytes.
    const size = recordsStart + (Math.floor(capacity / 4) + 1) * RECORD_BYTES;
    const memory = this.exports.memory;
    memory.grow(Math.ceil(size / PAGE_BYTES) - memory.buffer.byteLength / PAGE_BYTES);
    this.bytes = new Uint8Array(memory.buffer, 0, capacity + READ_PAST_END);
    this.records = new Int32Array(memory.buffer);
    this.firstRecord = recordsStart / 4;
  }

  /**
   * Finds the candidates (`eng` in any case, then '-', '_' or the first byte of a typographic dash) that start in
   * bytes[from, end), in order, and counts the line breaks there (see candidateSearch.wat). `find` reads a few bytes past `end`: before the
   * last search of the data, `zeroPastEnd` makes sure they cannot complete a candidate.
   */
  find(from: number, end: number): number {
    return this.exports.find(from, end, this.firstRecord * 4);
  }

  /** Line breaks in the range last searched. */
  get newlines(): number {
    return this.exports.newlines.value as number;
  }

  /** Position of the last line break in the range last searched (the next line starts after it), or -1. */
  get lastNewline(): number {
    return this.exports.lastNewline.value as number;
  }

  zeroPastEnd(end: number): void {
    this.bytes.fill(0, end, end + READ_PAST_END);
  }
}

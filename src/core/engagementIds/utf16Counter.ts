/**
 * Counts the UTF-16 code units that a TextDecoder('utf-8') would produce for bytes fed to it in order, without
 * decoding them: a column in a file read as bytes is the length of the decoded line before it. Malformed input
 * counts as the decoder replaces it (one U+FFFD per maximal subpart, WHATWG Encoding, "UTF-8 decoder").
 */
export class Utf16Counter {
  /** Units of the bytes counted so far, not including a sequence still open. */
  private done = 0;
  private needed = 0;
  private seen = 0;
  private lower = 0x80;
  private upper = 0xbf;

  /**
   * Units so far, when the next byte is ASCII: a sequence still open ends there as one U+FFFD.
   * (Every position the scanner asks about starts with an ASCII letter.)
   */
  get unitsBeforeAscii(): number {
    return this.done + (this.needed > 0 ? 1 : 0);
  }

  /** Starts again (at a line start). */
  reset(): void {
    this.done = 0;
    this.endSequence();
  }

  /** Adds bytes[from, to) known to be ASCII, with no sequence open. */
  addAscii(count: number): void {
    this.done += count;
  }

  get atCharacterBoundary(): boolean {
    return this.needed === 0;
  }

  add(bytes: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const byte = bytes[i];
      if (this.needed === 0) {
        if (byte < 0x80) this.done++;
        else if (byte >= 0xc2 && byte <= 0xdf) this.needed = 1;
        else if (byte >= 0xe0 && byte <= 0xef) {
          if (byte === 0xe0) this.lower = 0xa0;
          if (byte === 0xed) this.upper = 0x9f;
          this.needed = 2;
        } else if (byte >= 0xf0 && byte <= 0xf4) {
          if (byte === 0xf0) this.lower = 0x90;
          if (byte === 0xf4) this.upper = 0x8f;
          this.needed = 3;
        } else this.done++; // not a lead byte: U+FFFD
        continue;
      }
      if (byte < this.lower || byte > this.upper) {
        // The open sequence ends as U+FFFD, and this byte starts afresh.
        this.done++;
        this.endSequence();
        i--;
        continue;
      }
      this.lower = 0x80;
      this.upper = 0xbf;
      if (++this.seen === this.needed) {
        this.done += this.needed === 3 ? 2 : 1; // four bytes are a surrogate pair
        this.endSequence();
      }
    }
  }

  private endSequence(): void {
    this.needed = 0;
    this.seen = 0;
    this.lower = 0x80;
    this.upper = 0xbf;
  }
}

import { isAscii } from 'node:buffer';

/**
 * Turns UTF-8 bytes that arrive in chunks into text for the scanner, as one TextDecoder over the whole input
 * would (a leading BOM dropped, a character split between chunks kept whole, bad bytes as U+FFFD), but copies
 * an all-ASCII chunk straight into a one-byte string, several times faster than decoding it.
 */
export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** True while the decoder may hold the first bytes of a character split at the end of the last chunk. */
  private decoderMayHoldBytes = false;
  private atStart = true;

  decode(chunk: Uint8Array): string {
    if (this.atStart && chunk.byteLength > 0) {
      this.atStart = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (!this.decoderMayHoldBytes && isAscii(chunk)) {
      return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    }
    const text = this.decoder.decode(chunk, { stream: true });
    this.decoderMayHoldBytes = chunk.byteLength > 0 && chunk[chunk.byteLength - 1] >= 0x80;
    return text;
  }

  /** What is left of a character cut off at the very end (U+FFFD), or ''. */
  end(): string {
    this.decoderMayHoldBytes = false;
    return this.decoder.decode();
  }
}

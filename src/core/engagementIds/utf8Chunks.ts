import { isAscii } from 'node:buffer';

/**
 * Turns UTF-8 bytes that arrive in chunks into text for the scanner, as one TextDecoder over the whole input
 * would (a leading BOM dropped, a character split between chunks kept whole, bad bytes as U+FFFD), but copies
 * an all-ASCII chunk straight into a one-byte string, several times faster than decoding it.
 */
const BOM = [0xef, 0xbb, 0xbf];

export class Utf8ChunkDecoder {
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** True while the decoder may hold the first bytes of a character split at the end of the last chunk. */
  private decoderMayHoldBytes = false;
  /** The first bytes while they may still be a BOM; undefined once decided. */
  private head: number[] | undefined = [];

  decode(chunk: Uint8Array): string {
    if (this.head) {
      const bytes = this.skipBom(chunk);
      if (!bytes) return '';
      chunk = bytes;
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
    const held = this.head && this.head.length > 0 ? this.decoder.decode(new Uint8Array(this.head), { stream: true }) : '';
    this.head = undefined;
    this.decoderMayHoldBytes = false;
    return held + this.decoder.decode();
  }

  /** The chunk without a leading BOM, which may come split over several tiny chunks; undefined while undecided. */
  private skipBom(chunk: Uint8Array): Uint8Array | undefined {
    const head = this.head ?? [];
    let used = 0;
    while (head.length < BOM.length && used < chunk.byteLength && chunk[used] === BOM[head.length]) head.push(chunk[used++]);
    if (head.length === BOM.length) {
      this.head = undefined;
      return chunk.subarray(used);
    }
    if (used === chunk.byteLength) return undefined; // all of it may be the start of a BOM
    // Not a BOM: give back the bytes held.
    this.head = undefined;
    if (head.length === used) return chunk;
    const bytes = new Uint8Array(head.length - used + chunk.byteLength);
    bytes.set(head.slice(0, head.length - used));
    bytes.set(chunk, head.length - used);
    return bytes;
  }
}

import * as assert from 'node:assert/strict';
import { Utf16Counter } from '../../../../src/core/engagementIds/utf16Counter';
import { seededRandom } from '../../../support/seededRandom';

/** The length of what a TextDecoder makes of bytes followed by an ASCII letter, without the letter. */
function decodedLength(bytes: Uint8Array): number {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(new Uint8Array([...bytes, 0x61])).length - 1;
}

describe('Utf16Counter', () => {
  it('counts what a TextDecoder produces, for well-formed and malformed UTF-8 alike, however the bytes are split', () => {
    const next = seededRandom(16);
    // Lead bytes of every width and their edge cases, continuation bytes, ASCII, and bytes never valid.
    const pool = [0x41, 0x0a, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff];
    for (let round = 0; round < 3000; round++) {
      const bytes = Uint8Array.from({ length: Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]);
      const counter = new Utf16Counter();
      const split = Math.floor(next() * (bytes.length + 1));
      counter.add(bytes, 0, split);
      counter.add(bytes, split, bytes.length);
      assert.equal(counter.unitsBeforeAscii, decodedLength(bytes), `bytes ${Buffer.from(bytes).toString('hex')} split at ${split}`);
    }
  });

  it('counts a character outside the BMP as two units, and starts again after reset()', () => {
    const counter = new Utf16Counter();
    const text = 'é—😀x';
    const bytes = new TextEncoder().encode(text);
    counter.add(bytes, 0, bytes.length);
    assert.equal(counter.unitsBeforeAscii, text.length);
    counter.reset();
    counter.addAscii(3);
    assert.equal(counter.unitsBeforeAscii, 3);
  });
});

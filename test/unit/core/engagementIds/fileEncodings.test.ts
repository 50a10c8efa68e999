import * as assert from 'node:assert/strict';
import { collectEngagementIds, type CollectedIds } from '../../../../src/core/collectedIds';
import { extractEngagementIds } from '../../../../src/core/engagementIds';
import { detectFileDecoding } from '../../../../src/core/engagementIds/fileEncoding';

// Issue 16, finding 4: a file read from disk (Start from File) gives what the same file gives open in the editor,
// whatever its encoding: a BOM, UTF-16 without one, or the encoding VS Code is set to for it. A binary file says so.

const A = 'eng-0123456789abcd';
const B = 'eng-zyxwvutsrqponm';
const C = 'eng-a1b2c3d4e5f6g7';
const D = 'eng-00000000000000';
const E = 'eng-zzzzzzzzzzzzzz';

/** Excel's "Unicode Text" export of a sheet of engagements. */
const SHEET = `Engagement\tTitle\r\n${A}\tRénovation\r\n${B}\t"Zoë, naïve"\r\n${C}\t😀 launch\r\n${D}\tx\r\n${E}\ty\r\n`;

function utf16(text: string, endian: 'le' | 'be', bom = true): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  const mark = endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff];
  return Uint8Array.from([...(bom ? mark : []), ...body]);
}

async function fromFile(bytes: Uint8Array, encoding?: string, chunk = 7): Promise<CollectedIds> {
  const chunks = function* (): Iterable<Uint8Array> {
    for (let at = 0; at < bytes.length; at += chunk) yield bytes.subarray(at, at + chunk);
  };
  return collectEngagementIds([{ origin: 'leads.csv', bytes: chunks, size: bytes.length, encoding, startLine: 0, startColumn: 0 }]);
}

/** What the editor shows: the text, its IDs at their line and UTF-16 column. */
function inEditor(text: string): Array<[string, number, number]> {
  return extractEngagementIds(text).ids.map(({ id, line, column }) => [id, line, column]);
}

const positions = (found: CollectedIds): Array<[string, number, number]> => found.ids.map(({ id, line, column }) => [id, line, column]);

describe('Start from File reads a file in the encoding the editor opens it in (issue 16, finding 4)', () => {
  it('UTF-16LE with a BOM (Excel "Unicode Text") gives the editor\'s IDs and positions', async () => {
    const found = await fromFile(utf16(SHEET, 'le'));
    assert.equal(found.ids.length, 5);
    assert.deepEqual(positions(found), inEditor(SHEET));
  });

  it('UTF-16BE with a BOM gives the editor\'s IDs and positions', async () => {
    const found = await fromFile(utf16(SHEET, 'be'));
    assert.equal(found.ids.length, 5);
    assert.deepEqual(positions(found), inEditor(SHEET));
  });

  it('UTF-16 without a BOM is recognized as VS Code recognizes it (zero bytes on one side only), in any chunk size', async () => {
    const ascii = `id\n${A}\n${B}\r${C}`;
    for (const chunk of [1, 2, 3, 511, 512, 513, 4096]) {
      assert.deepEqual(positions(await fromFile(utf16(ascii, 'le', false), undefined, chunk)), inEditor(ascii), `LE, chunks of ${chunk}`);
      assert.deepEqual(positions(await fromFile(utf16(ascii, 'be', false), undefined, chunk)), inEditor(ascii), `BE, chunks of ${chunk}`);
    }
  });

  it('a file in the encoding files.encoding names is decoded in it: columns count its characters, not UTF-8\'s', async () => {
    // "Ã©" in windows-1252 is two characters; the same bytes read as UTF-8 would be one ("é").
    const text = `Ã© ${A}\r\nâ€\u201d ${B}`;
    const bytes = Uint8Array.from([0xc3, 0xa9, 0x20, ...Buffer.from(A), 0x0d, 0x0a, 0xe2, 0x80, 0x94, 0x20, ...Buffer.from(B)]);
    assert.deepEqual(positions(await fromFile(bytes, 'windows1252')), inEditor(text));
    assert.deepEqual(positions(await fromFile(bytes, 'windows1252')), [[A, 1, 4], [B, 2, 5]]);
    assert.deepEqual(positions(await fromFile(Buffer.from(`é ${A}`, 'latin1'), 'iso88591')), [[A, 1, 3]]);
    assert.deepEqual(positions(await fromFile(Uint8Array.from([0x82, 0x82, 0x20, ...Buffer.from(A)]), 'cp437')), [[A, 1, 4]]);
    assert.deepEqual(positions(await fromFile(utf16(`x ${A}`, 'le', false), 'utf16le')), [[A, 1, 3]]);
  });

  it('what the file says wins over the setting, as in VS Code: a BOM or UTF-16 zero bytes beat files.encoding', async () => {
    const utf8WithBom = Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(`é ${A}`)]);
    assert.deepEqual(positions(await fromFile(utf8WithBom, 'windows1252')), [[A, 1, 3]]);
    assert.deepEqual(positions(await fromFile(utf16(`é ${A}`, 'be'), 'windows1252')), [[A, 1, 3]]);
    assert.deepEqual(positions(await fromFile(utf16(`é ${A}`, 'le', false), 'shiftjis')), [[A, 1, 3]]);
  });

  it('an unknown files.encoding is UTF-8, as VS Code falls back to it', async () => {
    assert.deepEqual(positions(await fromFile(new TextEncoder().encode(`é ${A}`), 'no-such-encoding')), [[A, 1, 3]]);
    assert.deepEqual(detectFileDecoding(new TextEncoder().encode('abc'), 'utf8bom'), { kind: 'utf8' });
  });

  it('a binary file (a zero byte in its first 512 that is not UTF-16) is named, not read, and holds no IDs', async () => {
    const binary = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, ...new TextEncoder().encode(` ${A} `)]);
    const found = await fromFile(binary);
    assert.deepEqual(found.ids, []);
    assert.deepEqual(found.binaryOrigins, ['leads.csv']);
    // A zero byte after the first 512 does not make a file binary (VS Code looks no further).
    const late = Uint8Array.from([...new TextEncoder().encode(`${A} ${'x'.repeat(600)}`), 0, ...new TextEncoder().encode(` ${B}`)]);
    const text = await fromFile(late);
    assert.deepEqual(text.ids.map(({ id }) => id), [A, B]);
    assert.equal(text.binaryOrigins, undefined);
  });

  it('a binary file among text files is named; the others are read', async () => {
    const binary = Uint8Array.from([0, 1, 2, 0, 0, 0]);
    const found = await collectEngagementIds([
      { origin: 'image.png', bytes: () => [binary], size: binary.length, startLine: 0, startColumn: 0 },
      { origin: 'leads.csv', bytes: () => [new TextEncoder().encode(A)], size: A.length, startLine: 0, startColumn: 0 },
    ]);
    assert.deepEqual(found.ids.map(({ id, origin }) => [id, origin]), [[A, 'leads.csv']]);
    assert.deepEqual(found.binaryOrigins, ['image.png']);
  });
});

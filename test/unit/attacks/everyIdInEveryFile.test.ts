import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { collectEngagementIds, type BytesPiece } from '../../../src/core/collectedIds';
import { extractEngagementIds } from '../../../src/core/engagementIds';
import { propertyRuns } from '../../support/propertyRuns';

// The promise attacked (issue 16, "Every ID in every file"): a file read through Start from File gives exactly
// the IDs, lines and columns the same file gives open in VS Code, whatever its encoding (UTF-8 with or without
// a BOM, UTF-16LE/BE with a BOM, or the encoding files.encoding names), its line endings (LF, CRLF, lone CR,
// mixed), the percent-escapes and near misses around its IDs, and however its bytes arrive in chunks.
//
// The expected result is a model of the editor written apart from the scanners: decode the bytes as VS Code
// does, split lines at \r\n, \r and \n (its text model's line breaks), and find IDs with one regular expression.

const BODY_CHARACTERS = '0123456789abcdefghijklmnopqrstuvwxyz';
const TOKEN = '[0-9A-Za-z_-]';
/** An ID with no token character glued to it, or right after a whole percent-escape (`id%3Deng-…`). */
const ID_IN_EDITOR = new RegExp(`(?:(?<!${TOKEN})|(?<=%[0-9A-Fa-f]{2}))eng-[0-9a-z]{14}(?!${TOKEN})`, 'g');

type Encoding = 'utf8' | 'utf8bom' | 'utf16le' | 'utf16be';

interface HostileFile {
  text: string;
  encoding: Encoding;
  /** files.encoding for the file: VS Code uses it only when the file has no BOM. */
  configured: 'utf8' | 'windows1252' | undefined;
  chunkSizes: number[];
}

/** The bytes a Windows or Mac editor would save `text` as. */
function encode(text: string, encoding: Encoding): Uint8Array {
  if (encoding === 'utf8') return new TextEncoder().encode(text);
  if (encoding === 'utf8bom') return Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
  const body = Buffer.from(text, 'utf16le');
  if (encoding === 'utf16be') body.swap16();
  return Uint8Array.from([...(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
}

/** The text VS Code shows for the file: its BOM decides, else files.encoding. */
function editorText(bytes: Uint8Array, file: HostileFile): string {
  if (file.encoding === 'utf16le') return new TextDecoder('utf-16le').decode(bytes);
  if (file.encoding === 'utf16be') return new TextDecoder('utf-16be').decode(bytes);
  if (file.encoding === 'utf8' && file.configured === 'windows1252') return new TextDecoder('windows-1252').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

interface Found {
  ids: Array<[string, number, number]>;
  occurrences: number;
}

/** IDs at their first line and UTF-16 column, as the editor places them. */
function editorModel(text: string): Found {
  const first = new Map<string, [string, number, number]>();
  let occurrences = 0;
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    for (const match of line.matchAll(ID_IN_EDITOR)) {
      occurrences++;
      if (!first.has(match[0])) first.set(match[0], [match[0], index + 1, (match.index ?? 0) + 1]);
    }
  });
  return { ids: [...first.values()], occurrences };
}

const body = fc.array(fc.constantFrom(...BODY_CHARACTERS), { minLength: 14, maxLength: 14 }).map((chars) => chars.join(''));
const hex = fc.constantFrom(...'0123456789abcdefABCDEF');
const percentEscape = fc.tuple(hex, hex).map(([high, low]) => `%${high}${low}`);
/** What can stand right before an ID: boundaries, escapes whole and broken, glue. */
const before = fc.oneof(
  fc.constantFrom('', ' ', ',', '=', '"', '(', '/', '?q=', '\t', 'x', '_', '-', '9', '%', '%G1', '%3', '%%3', 'é', '😀', '\u00a0'),
  percentEscape,
  percentEscape.map((escape) => `id${escape}`),
);
/** What can stand right after one. */
const after = fc.oneof(fc.constantFrom('', ' ', ',', '"', ')', '.', '&', '%', 'x', '_', '-', 'Z', 'é', '😀'), percentEscape);
/** Words, non-ASCII and near misses between IDs. */
const filler = fc.constantFrom(
  'lorem', 'ipsum dolor', 'é', 'naïve', '中文', '😀', '𝔼', 'e\u0301', '\u2028', '\u2029', '\u0085', '\ufeff',
  'ENG-0123456789ABCD', 'Eng_0123456789abcd', 'eng\u20130123456789abcd', 'eng-0123456789abc', 'eng-team', 'eng', 'eng-',
  '%', '%%', '%3D', '%2eng-0123456789abcd', '&next=1', ',',
);

function hostileFile(): fc.Arbitrary<HostileFile> {
  return fc.record({
    pool: fc.array(body, { minLength: 1, maxLength: 6 }),
    lines: fc.array(
      fc.record({
        parts: fc.array(
          fc.oneof(
            { arbitrary: fc.record({ id: fc.nat(5), before, after }), weight: 3 },
            { arbitrary: filler, weight: 3 },
            // Long stretches move the byte scanner's 4 KB search seam and 1 MB blocks around the IDs.
            { arbitrary: fc.integer({ min: 1, max: 700 }).map((count) => 'lorem ipsum '.repeat(count)), weight: 1 },
          ),
          { maxLength: 8 },
        ),
        end: fc.constantFrom('\n', '\r\n', '\r', '\r\r\n', '\n\r'),
      }),
      { maxLength: 14 },
    ),
    lastLineEnds: fc.boolean(),
    encoding: fc.constantFrom<Encoding>('utf8', 'utf8bom', 'utf16le', 'utf16be'),
    configured: fc.constantFrom<HostileFile['configured']>(undefined, 'utf8', 'windows1252'),
    chunkSizes: fc.array(fc.oneof(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 70_000 })), { minLength: 1, maxLength: 8 }),
  }).map(({ pool, lines, lastLineEnds, encoding, configured, chunkSizes }) => {
    const text = lines.map(({ parts, end }, index) => {
      const line = parts.map((part) => (typeof part === 'string' ? part : `${part.before}eng-${pool[part.id % pool.length]}${part.after}`)).join(' ');
      return index < lines.length - 1 || lastLineEnds ? line + end : line;
    }).join('');
    return { text, encoding, configured, chunkSizes };
  });
}

/** The file through the path Start from File takes: bytes in chunks of the given sizes, in turn. */
function filePiece(bytes: Uint8Array, file: HostileFile): BytesPiece {
  return {
    origin: 'leads.csv',
    size: bytes.length,
    encoding: file.configured,
    startLine: 0,
    startColumn: 0,
    bytes: function* () {
      for (let at = 0, turn = 0; at < bytes.length; turn++) {
        const size = file.chunkSizes[turn % file.chunkSizes.length];
        // A reader reuses its buffer: hand out a copy that is spoiled once the next chunk is asked for.
        const chunk = bytes.slice(at, at + size);
        yield chunk;
        chunk.fill(0x65);
        at += size;
      }
    },
  };
}

describe('attack: every ID in every file, at the editor\'s position (issue 16)', () => {
  it('a generated file in any encoding, line endings and chunking gives what the open editor gives', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile(), async (file) => {
        const bytes = encode(file.text, file.encoding);
        const expected = editorModel(editorText(bytes, file));
        const found = await collectEngagementIds([filePiece(bytes, file)]);
        assert.deepEqual({ ids: found.ids.map(({ id, line, column }) => [id, line, column]), occurrences: found.occurrences }, expected);
        assert.equal(found.binaryOrigins, undefined);
      }),
      propertyRuns(),
    );
  });

  it('the open editor\'s text (the document path) gives the same IDs and positions as the model', () => {
    fc.assert(
      fc.property(hostileFile(), (file) => {
        const text = editorText(encode(file.text, file.encoding), file);
        const found = extractEngagementIds(text);
        assert.deepEqual({ ids: found.ids.map(({ id, line, column }) => [id, line, column]), occurrences: found.occurrences }, editorModel(text));
      }),
      propertyRuns(),
    );
  });

  it('a file with a zero byte in its first 512 bytes that is not UTF-16 is named as binary, never read as text', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFile(), fc.nat(511), fc.nat(3), async (file, at, extraZeros) => {
        const bytes = encode(`${file.text}${' '.repeat(520)}`, 'utf8');
        // Zeros on both sides of the byte pairs: neither UTF-16LE nor UTF-16BE.
        for (const index of [at, at % 2 === 0 ? at + 1 : at - 1, ...Array.from({ length: extraZeros }, (_, i) => (at + 7 * (i + 1)) % 512)]) bytes[index] = 0;
        const found = await collectEngagementIds([filePiece(bytes, { ...file, encoding: 'utf8' })]);
        assert.deepEqual(found.binaryOrigins, ['leads.csv']);
        assert.deepEqual(found.ids, []);
      }),
      propertyRuns(100),
    );
  });
});

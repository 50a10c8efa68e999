// Nasty inputs for the engagement ID scanners, as UTF-8 bytes: the test that holds the byte scanner to the
// string scanner (test/unit/core/byteScanner.test.ts) runs every one of them, and a benchmark can reuse them.
// Everything is deterministic: the same options give the same bytes on every run.
import { seededRandom } from './seededRandom';

export interface ScannerInput {
  /** Short, unique, says what the input holds. */
  name: string;
  bytes: Uint8Array;
  /** Over a few hundred KB: worth feeding in big chunks only (around the byte scanner's 1 MB block). */
  big: boolean;
  /** Hand-written (one nasty thing each) or a random mixture. */
  source: 'hand-written' | 'mixture';
}

export interface ScannerInputOptions {
  /** Seed of the random mixtures. */
  seed?: number;
  /** How many small random mixtures (200 bytes to 12 KB each). Default 300. */
  mixtures?: number;
  /** How many ~3 MB random mixtures. Default 2. */
  bigMixtures?: number;
  /** Whether to include the hand-written inputs over 1 MB (long lines, many lines). Default true. */
  bigHandWritten?: boolean;
}

/** A piece of input: text (UTF-8 encoded) or raw bytes (e.g. malformed UTF-8). */
export type Piece = string | readonly number[] | Uint8Array;

const encoder = new TextEncoder();

/** The UTF-8 bytes of the pieces, one after the other. */
export function bytesOf(...pieces: Piece[]): Uint8Array {
  return concatenated(pieces);
}

/** bytesOf for a list too long to spread into arguments. */
export function concatenated(pieces: readonly Piece[]): Uint8Array {
  const parts = pieces.map((piece) => (typeof piece === 'string' ? encoder.encode(piece) : Uint8Array.from(piece)));
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

// IDs (all well-formed).
export const ID_A = 'eng-0123456789abcd';
export const ID_B = 'eng-zyxwvutsrqponm';
export const ID_C = 'eng-a1b2c3d4e5f6g7';
export const ID_D = 'eng-00000000000000';
export const ID_E = 'eng-zzzzzzzzzzzzzz';
const BODY = '0123456789abcd';

/** Malformed UTF-8: what a TextDecoder turns into one or more U+FFFD. */
export const MALFORMED: ReadonlyArray<{ name: string; bytes: readonly number[] }> = [
  { name: 'lone continuation 80', bytes: [0x80] },
  { name: 'lone continuation BF', bytes: [0xbf] },
  { name: 'continuations 80 80 80', bytes: [0x80, 0x80, 0x80] },
  { name: 'truncated 2-byte C3', bytes: [0xc3] },
  { name: 'truncated 3-byte E2 80', bytes: [0xe2, 0x80] },
  { name: 'truncated 3-byte E2', bytes: [0xe2] },
  { name: 'truncated 4-byte F0 9F 98', bytes: [0xf0, 0x9f, 0x98] },
  { name: 'truncated 4-byte F0 9F', bytes: [0xf0, 0x9f] },
  { name: 'overlong C0 80', bytes: [0xc0, 0x80] },
  { name: 'overlong C1 BF', bytes: [0xc1, 0xbf] },
  { name: 'overlong E0 80 80', bytes: [0xe0, 0x80, 0x80] },
  { name: 'overlong E0 9F BF', bytes: [0xe0, 0x9f, 0xbf] },
  { name: 'overlong F0 80 80 80', bytes: [0xf0, 0x80, 0x80, 0x80] },
  { name: 'overlong F0 8F BF BF', bytes: [0xf0, 0x8f, 0xbf, 0xbf] },
  { name: 'surrogate ED A0 80', bytes: [0xed, 0xa0, 0x80] },
  { name: 'surrogate ED BF BF', bytes: [0xed, 0xbf, 0xbf] },
  { name: 'surrogate pair ED A0 BD ED B8 80', bytes: [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80] },
  { name: 'above U+10FFFF F4 90 80 80', bytes: [0xf4, 0x90, 0x80, 0x80] },
  { name: 'F5', bytes: [0xf5] },
  { name: 'F8 88 80 80 80', bytes: [0xf8, 0x88, 0x80, 0x80, 0x80] },
  { name: 'FE FF', bytes: [0xfe, 0xff] },
  { name: 'FF', bytes: [0xff] },
  { name: 'lead then lead C3 C3', bytes: [0xc3, 0xc3] },
  { name: 'E2 then ASCII', bytes: [0xe2, 0x41] },
  { name: 'partial BOM EF BB', bytes: [0xef, 0xbb] },
];

/** Well-formed non-ASCII characters: 2, 3 and 4 bytes, and the ones the scanners treat specially. */
export const NON_ASCII: readonly string[] = [
  'é', // 2 bytes, 1 unit
  '\u00a0', // NBSP: an ordinary delimiter
  'ß',
  '—', // U+2014: 3 bytes, and a typographic dash
  '–', // U+2013
  '→', // U+2192: 3 bytes starting E2, not a dash
  '\u2016', // E2 80 96: right after the dashes
  '\u2211', // E2 88 91: right before U+2212
  '\u2213', // E2 88 93: right after U+2212
  '中',
  '\ufeff', // a BOM that is not at the start: an ordinary character
  '😀', // 4 bytes, 2 units
  '𝔼', // 4 bytes, 2 units
  'e\u0301', // combining accent
];

/** Separators after `eng` that the candidate search accepts, besides '-'. */
export const OTHER_SEPARATORS: readonly string[] = ['_', '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212'];

/** Text fragments: IDs, every kind of near miss, and things that look close but are neither. */
export const TEXT_FRAGMENTS: readonly string[] = [
  ID_A, ID_B, ID_C, ID_D, ID_E, ID_A, ID_A, ID_B,
  `(${ID_A})`, `"${ID_B}",`, `/${ID_C}?x=1`, `${ID_A}.txt`, `[${ID_D}]`, `${ID_E}\u00a0`,
  // Upper case, mixed case.
  `ENG-${BODY.toUpperCase()}`, `Eng-${BODY}`, `eNg-${BODY}`, `eng-0123456789ABcd`, `ENG_${BODY}`,
  // Lengths.
  'eng-0123456789abc', 'eng-0123456789abcde', 'eng-0123456789', 'eng-0123456789abcdefgh', 'eng-0123456789abcdefghi',
  'eng-012345678', 'eng-1234567890abc!', 'eng-1234567890abcé', 'eng-1234567890abc\u00a0', 'eng-1234567890abc😀',
  // Separators.
  ...OTHER_SEPARATORS.map((separator) => `eng${separator}${BODY}`),
  `Eng\u2013${BODY.toUpperCase()}`, `eng\u2016${BODY}`, `eng\u2192${BODY}`, `eng\u2211${BODY}`, `eng\u2213${BODY}`,
  // Stray characters inside the body.
  'eng-12345678-90abcd', 'eng-1234567!90abcd', 'eng-1234567é890abcd', 'eng-1234567\u00a0890abcd', 'eng-1234567😀890abcd',
  'eng-1234567 890abcd', "eng-1234567'890abcd", 'eng-123456.7890abc',
  // Glued to token characters.
  `x${ID_A}`, `_${ID_B}`, `-${ID_C}`, `9${ID_A}`, `${ID_A}e`, `${ID_B}_notes`, `${ID_C}-v2`, `${ID_A}Z`, `eng-${ID_B}`,
  // Long ones: the text shown runs to 34 characters (and is cut at 40), or the judgement reads far ahead.
  `${ID_B}_notes_and_more_words`, `ENG-${BODY.toUpperCase()}-AND-MORE-TOKENS-HERE`, `x${ID_C}-${ID_A}`, `Eng_${BODY}_${BODY}`,
  'eng-1234567!8901234567890123456789abcdef', 'eng-1234567!890abcd_and_more', 'eng-0123456789abcdefg!', `eng-${BODY}${BODY}${BODY}`,
  // Non-ASCII right before or after: not token characters.
  `é${ID_A}`, `—${ID_B}`, `😀${ID_C}`, `\u00a0${ID_D}`, `${ID_A}é`, `${ID_B}😀`, `${ID_C}—`, `中ENG-${BODY.toUpperCase()}`,
  // Percent-escapes (URL-encoded text): a whole escape before an ID is a boundary; a broken one is not.
  `%3D${ID_A}`, `%2f${ID_B}`, `%20${ID_C}&`, `${ID_D}%26`, `%3DENG-${BODY.toUpperCase()}`, `%3G${ID_A}`, `%3${ID_B}`, `%%3${ID_C}`,
  `x%3D${ID_A}%3D${ID_B}`, `%25${ID_E}`, '%', '%3', '%3D', '%e', '%2eng-',
  // Neither.
  'eng-team', 'engineering', 'Engagement', 'eng-', 'eng', 'ENG', 'en', 'e', 'eng_', 'eng—', 'long-term', 'engeng-',
  'eng-0123', 'eng-0123456789abcdefghijklmnopqrstuvwxyz0123456789',
  // Filler.
  ' ', ' ', ' ', '  ', '\t', ',', ';', '.', ':', '!', '?', '|', 'x', 'abc', 'the quick brown fox', '0', 'Z', '_', '-',
  'é', 'ça', '—', '😀', 'naïve', '中文', '\u00a0', '\ufeff', 'e\u0301',
];

const NEWLINES: readonly string[] = ['\n', '\r\n', '\r', '\n\n', '\r\r\n', '\n\r'];

/** The hand-written inputs: one of each nasty thing, named. */
export function handWrittenInputs(includeBig = true): ScannerInput[] {
  const cases: ScannerInput[] = [];
  const add = (name: string, ...pieces: Piece[]): void => {
    const bytes = bytesOf(...pieces);
    cases.push({ name, bytes, big: bytes.length > 300_000, source: 'hand-written' });
  };

  add('empty');
  add('one ID', ID_A);
  add('ASCII with IDs and repeats', `start ${ID_A} x ${ID_B}\n${ID_A}, ${ID_C}; (${ID_B}) [${ID_A}]\n"${ID_D}",${ID_E}\n${ID_A}`);
  add('only near misses and words', `eng-team engineering Engagement eng- eng ENG_ long-term\n`);

  // Every near-miss kind, alone on a line and right at the start of the input.
  for (const fragment of new Set(TEXT_FRAGMENTS.filter((text) => /eng/i.test(text)))) {
    add(`fragment ${JSON.stringify(fragment)} alone`, fragment);
  }
  add('every fragment on line 2 after text, then an ID', ...[...new Set(TEXT_FRAGMENTS)].map((fragment) => `x\nab ${fragment} ${ID_A}\n`));
  add('all fragments, one per line (LF)', TEXT_FRAGMENTS.join('\n'));
  add('all fragments, one per line (CRLF)', TEXT_FRAGMENTS.join('\r\n'));
  add('all fragments, space separated', TEXT_FRAGMENTS.join(' '));
  add('all fragments glued together', TEXT_FRAGMENTS.join(''));

  // Line breaks.
  add('CRLF lines', `a\r\n${ID_A}\r\n\r\n  ${ID_B} ENG-${BODY.toUpperCase()}\r\n`);
  add('lone CR is a line break', `a\r${ID_A}\r\r  ${ID_B}\rENG-${BODY.toUpperCase()}\n${ID_C}`);
  add('LF lines', `a\n${ID_A}\n\n  ${ID_B}\n`);
  add('mixed line breaks', `\r\n\n\r\r\n${ID_A}\n\r${ID_B}\r\n\r${ID_C}`);
  add('CR and CRLF right before and after IDs', `${ID_A}\r\n${ID_B}\r${ID_C}\n\r${ID_D}`);
  add('CR-only lines (classic Mac)', `id,title\r${ID_A},x\r${ID_B},y\r\r  ENG-${BODY.toUpperCase()}\r${ID_C}\r`);
  add('runs of CR and LF in every order', `\r\r\n\n\r\n\r${ID_A}\n\n\r\r${ID_B}\r\n\r\n\r${ID_C}`);

  // Byte order marks.
  const BOM = [0xef, 0xbb, 0xbf];
  add('leading BOM then ID', BOM, ID_A, ` ${ID_B}`);
  add('leading BOM then near miss', BOM, `ENG-${BODY.toUpperCase()} ${ID_A}`);
  add('leading BOM then newline', BOM, `\n${ID_A}`);
  add('two leading BOMs', BOM, BOM, ID_A);
  add('BOM in the middle of a line', `x `, BOM, ID_A, ' ', BOM, `ENG-${BODY.toUpperCase()}`);
  add('BOM right after a newline', `${ID_A}\n`, BOM, ID_B);
  add('no BOM', ID_A);
  add('only a BOM', BOM);
  add('only EF', [0xef]);
  add('only EF BB', [0xef, 0xbb]);
  add('partial BOM EF BB then ID', [0xef, 0xbb], ID_A);
  add('partial BOM EF then ID', [0xef], ID_A);
  add('BOM then partial BOM then ID', BOM, [0xef, 0xbb], ID_A);
  add('BOM then malformed then ID', BOM, [0xff], ID_A);

  // Non-ASCII before IDs and near misses on the same line.
  for (const char of NON_ASCII) {
    add(`${JSON.stringify(char)} before ID`, `${char}${char} ${char}${ID_A} ${char}ENG-${BODY.toUpperCase()}`);
    add(`${JSON.stringify(char)} between IDs on line 2`, `x\n${ID_A}${char}${ID_B} ${char}eng-0123456789abc${char}eng_${BODY}`);
    add(`${JSON.stringify(char)} after a short and a full body`, `eng-0123456789abc${char} eng-012345678${char}9abcd ${ID_A}${char} eng-${BODY.toUpperCase()}${char}`);
  }
  add('2-, 3- and 4-byte characters before IDs', `é—😀中${ID_A} 😀😀😀${ID_B}\ré—${ID_C}\n—${ID_A} 𝔼${ID_D}`);
  add('non-ASCII only', 'é—😀中'.repeat(50));

  // Malformed UTF-8 right before IDs and near misses, and everywhere else.
  for (const { name, bytes } of MALFORMED) {
    add(`${name} before IDs and near misses`, bytes, ID_A, ' ', bytes, ID_B, '\n', 'x', bytes, bytes, ID_C, ' ', bytes, `ENG-${BODY.toUpperCase()} `, bytes, 'eng-0123456789abc ', bytes, `eng_${BODY}`);
    add(`${name} at the start, then eng-`, bytes, 'eng-', BODY, ' ', bytes, 'eng-team');
    add(`${name} inside and after bodies, and between eng and separator`, 'eng-0123456', bytes, '7890abc ', 'eng-1234567', bytes, '890abcd ', ID_A, bytes, ' eng-0123456789abc', bytes, ' ', `eng-${BODY.toUpperCase()}`, bytes, ' eng', bytes, `-${BODY} eng`, bytes, BODY);
    add(`${name} at the end right after an ID`, ID_A, bytes);
    add(`${name} at the end right after eng-`, 'x eng-', bytes);
  }
  for (const alone of [[0x80], [0xf0, 0x9f, 0x98], [0xed, 0xa0, 0x80], [0xc0, 0x80], [0xff, 0xfe]]) add(`only ${alone.map((byte) => byte.toString(16)).join(' ')}`, alone);
  add('every malformed sequence, then ID, one line', ...MALFORMED.flatMap(({ bytes }) => [bytes, ID_A, ' ']));
  add('truncated sequences right before eng-', [0xe2, 0x80], 'eng-', BODY, [0xf0, 0x9f, 0x98], `eng-${BODY}`, [0xc3], `ENG-${BODY}`);
  add('typographic dash cut short after eng', 'eng', [0xe2, 0x80], BODY, ' eng', [0xe2], `-${BODY} eng`, [0xe2, 0x88], BODY);
  add('typographic dash cut short at the end', 'x eng', [0xe2, 0x80]);
  add('typographic dash first byte at the end', 'x eng', [0xe2]);
  add('U+2212 at the end with no body', 'eng\u2212');

  // Input ending inside an ID or a near miss.
  for (const end of ['e', 'en', 'eng', 'eng-', 'eng-0', 'eng-0123456', 'eng-012345678', 'eng-0123456789', 'eng-0123456789ab', 'eng-0123456789abc', 'ENG-0123456789AB', 'ENG-0123456789ABC', 'ENG-0123456789ABCD', 'eng_0123456789ab', 'eng\u20130123456789abc', 'eng-1234567!', 'eng-1234567!890ab', 'eng-1234567!890abc', 'Eng-', 'eng\u2013']) {
    add(`ends inside ${JSON.stringify(end)}`, `${ID_A} é ${end}`);
    add(`ends inside ${JSON.stringify(end)} after a truncated character`, ID_A, ' ', [0xe2, 0x80], end);
  }
  add('ends with a body and a truncated character', 'eng-0123456789abc', [0xf0, 0x9f]);
  add('ends with CR', `${ID_A}\r`);

  // Many short lines, many IDs (more near misses than the default cap of 1000).
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const idOf = (n: number): string => `eng-${n.toString(36).padStart(14, '0')}`;
  add('2000 short lines of IDs and near misses', Array.from({ length: 2000 }, (_, i) => `${i % 3 === 0 ? 'é' : ''}${idOf(i % 700)} ENG-${alphabet.slice(i % 20, i % 20 + 14).toUpperCase()}${i % 2 ? '\r\n' : '\n'}`).join(''));
  add('lines of one character', Array.from({ length: 3000 }, (_, i) => (i % 97 === 0 ? ID_A : 'x')).join('\n'));
  add('empty lines', '\n'.repeat(5000), ID_A, '\r\n'.repeat(5000), ID_B);

  if (includeBig) {
    // Lines over 1 MB: columns past a block, and text that is not all ASCII around the block boundary.
    const filler = (unit: string, bytes: number): string => unit.repeat(Math.ceil(bytes / encoder.encode(unit).length));
    add('1.5 MB ASCII line with IDs spread and one at the end', `${ID_A} `, filler('lorem ipsum ', 700_000), `${ID_B} ENG-${BODY.toUpperCase()} `, filler('dolor sit ', 800_000), ID_C);
    add('1.2 MB line of 2-, 3- and 4-byte characters, then IDs', filler('é—😀中 ', 1_200_000), `${ID_A} ENG-${BODY.toUpperCase()} eng-0123456789abc`);
    add('1.1 MB line of malformed bytes, then IDs', concatenated(Array.from({ length: 450_000 }, (_, i) => MALFORMED[i % MALFORMED.length].bytes)), ` ${ID_A} eng-0123456789abc`);
    add('1.1 MB minified JSON on one line', `{"ids":${JSON.stringify(Array.from({ length: 50_000 }, (_, i) => (i % 5 === 4 ? `ENG-${i.toString(36).padStart(14, '0').toUpperCase()}` : idOf(i))))}}`);
    add('150,000 short lines, LF and CRLF', Array.from({ length: 150_000 }, (_, i) => (i % 1000 === 0 ? `é${idOf(i)}` : i % 50 === 0 ? 'eng-x' : 'abcdef')).join('\r\n').replace(/\r\n(?=abc)/g, '\n'));
  }
  return cases;
}

const PLAIN_WORDS: readonly Uint8Array[] = ['lorem ', 'ipsum ', 'dolor sit amet, ', 'consectetur ', 'adipiscing elit. ', 'sed do ', 'eiusmod\n'].map((word) => encoder.encode(word));

let encoded: [Uint8Array[], Uint8Array[], Uint8Array[]] | undefined;

/** TEXT_FRAGMENTS, NON_ASCII and NEWLINES as bytes, encoded once. */
function encodedFragments(): [Uint8Array[], Uint8Array[], Uint8Array[]] {
  encoded ??= [TEXT_FRAGMENTS, NON_ASCII, NEWLINES].map((list) => list.map((text) => encoder.encode(text))) as [Uint8Array[], Uint8Array[], Uint8Array[]];
  return encoded;
}

/**
 * One random mixture of the fragments above (text, malformed bytes, non-ASCII, line breaks), of about
 * `targetBytes` bytes: what the hand-written cases do one at a time, all at once and in every order.
 * `plainShare` (0..1) of the pieces are plain ASCII words instead, for sparser input.
 */
export function mixedInput(seed: number, targetBytes: number, plainShare = 0): Uint8Array {
  const next = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const pieces: Piece[] = [];
  let size = 0;
  // Sometimes start with a BOM, or part of one.
  const start = next();
  if (start < 0.15) pieces.push([0xef, 0xbb, 0xbf]);
  else if (start < 0.2) pieces.push(pick([[0xef], [0xef, 0xbb]]));
  const [text, nonAscii, newlines] = encodedFragments();
  // Each mixture leans on some kinds of pieces more than others.
  const weights = { text: next() * 6 + 1, malformed: next() * 2, nonAscii: next() * 2, newline: next() * 1.5 };
  const total = weights.text + weights.malformed + weights.nonAscii + weights.newline;
  while (size < targetBytes) {
    let roll = next() * total;
    let piece: Piece;
    if (plainShare > 0 && next() < plainShare) piece = pick(PLAIN_WORDS);
    else if ((roll -= weights.text) < 0) piece = pick(text);
    else if ((roll -= weights.malformed) < 0) piece = pick(MALFORMED).bytes;
    else if ((roll -= weights.nonAscii) < 0) piece = pick(nonAscii);
    else piece = pick(newlines);
    pieces.push(piece);
    size += piece.length;
  }
  // Sometimes end inside an ID, a near miss or a character.
  const end = next();
  if (end < 0.1) pieces.push(`eng-${BODY.slice(0, Math.floor(next() * 14))}`);
  else if (end < 0.15) pieces.push(`ENG-${BODY.toUpperCase().slice(0, Math.floor(next() * 16))}`);
  else if (end < 0.2) pieces.push(pick(MALFORMED).bytes);
  return concatenated(pieces);
}

/** Hand-written inputs, then random mixtures (`mixtures` small ones, `bigMixtures` of about 3 MB). */
export function scannerInputs(options: ScannerInputOptions = {}): ScannerInput[] {
  const seed = options.seed ?? 20_261_204;
  const cases = handWrittenInputs(options.bigHandWritten ?? true);
  const next = seededRandom(seed);
  for (let index = 0; index < (options.mixtures ?? 300); index++) {
    // Mostly a few hundred bytes to a few KB; some over the 4 KB the byte scanner waits for before it searches.
    const target = Math.floor(200 + next() * next() * 12_000);
    cases.push({ name: `mixture ${index} (seed ${seed}, ${target} bytes)`, bytes: mixedInput(seed + 1 + index, target), big: false, source: 'mixture' });
  }
  // Big ones: the first dense (a candidate every few bytes), the others mostly plain words.
  for (let index = 0; index < (options.bigMixtures ?? 2); index++) {
    const plainShare = index === 0 ? 0.3 : 0.9;
    cases.push({ name: `big mixture ${index} (seed ${seed}, 3 MB, ${plainShare * 100}% plain words)`, bytes: mixedInput(seed - 1 - index, 3_000_000, plainShare), big: true, source: 'mixture' });
  }
  return cases;
}

/** `bytes` cut into consecutive chunks whose sizes `sizes` gives in turn (views, not copies); a size under 1 counts as 1. */
export function chunksOf(bytes: Uint8Array, sizes: () => number): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const size = Math.max(1, Math.floor(sizes()));
    chunks.push(bytes.subarray(at, at + size));
    at += size;
  }
  return chunks;
}

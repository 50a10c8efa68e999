import { Buffer } from 'node:buffer';

/*
 * How VS Code decides a file's encoding when it opens it (src/vs/workbench/services/textfile/common/encoding.ts,
 * detectEncodingFromBuffer, and EncodingOracle.getPreferredReadEncoding), so that a file read from disk gives the
 * text the editor shows:
 *   1. a byte order mark: FE FF is UTF-16BE, FF FE is UTF-16LE, EF BB BF is UTF-8;
 *   2. otherwise, in the first 512 bytes: zero bytes only at odd offsets is UTF-16LE, only at even offsets is
 *      UTF-16BE, and any other zero byte means the file is binary (the editor refuses to show it);
 *   3. otherwise the `files.encoding` setting for the file (UTF-8 by default; an unknown value is UTF-8).
 * What is found wins over the setting. (`files.autoGuessEncoding` guesses from statistics; that guess is not
 * made here, so with it on a file without a BOM is read in the configured encoding.)
 */

/** Bytes VS Code looks at to tell UTF-16 without a BOM and binary files from text. */
export const ENCODING_DETECTION_BYTES = 512;

/** A file's bytes as UTF-8 (the byte scanner's fast path), as text in another encoding, or as not text at all. */
export type FileDecoding =
  | { readonly kind: 'utf8' }
  | { readonly kind: 'decoded'; readonly encoding: string }
  | { readonly kind: 'binary' };

/**
 * VS Code's `files.encoding` values (other than UTF-8) and the WHATWG label that decodes each the same way.
 * `null`: a single-byte code page TextDecoder does not know; every byte is one character in it, so IDs (ASCII),
 * lines and columns come out the same read byte by byte (only a near miss's non-ASCII letters are shown otherwise).
 */
const DECODER_LABELS: Readonly<Record<string, string | null>> = {
  utf16le: 'utf-16le', utf16be: 'utf-16be',
  windows1250: 'windows-1250', windows1251: 'windows-1251', windows1252: 'windows-1252', windows1253: 'windows-1253',
  windows1254: 'windows-1254', windows1255: 'windows-1255', windows1256: 'windows-1256', windows1257: 'windows-1257',
  windows1258: 'windows-1258', windows874: 'windows-874',
  // WHATWG's "iso-8859-1" is windows-1252; VS Code's is true Latin-1, which Buffer decodes exactly.
  iso88591: null,
  iso88592: 'iso-8859-2', iso88593: 'iso-8859-3', iso88594: 'iso-8859-4', iso88595: 'iso-8859-5', iso88596: 'iso-8859-6',
  iso88597: 'iso-8859-7', iso88598: 'iso-8859-8', iso885910: 'iso-8859-10', iso885911: 'windows-874',
  iso885913: 'iso-8859-13', iso885914: 'iso-8859-14', iso885915: 'iso-8859-15', iso885916: 'iso-8859-16',
  macroman: 'macintosh', koi8r: 'koi8-r', koi8u: 'koi8-u', koi8ru: 'koi8-ru', koi8t: null, cp866: 'ibm866',
  cp437: null, cp850: null, cp852: null, cp865: null, cp1125: null,
  gbk: 'gbk', gb2312: 'gbk', gb18030: 'gb18030', cp950: 'big5', big5hkscs: 'big5',
  shiftjis: 'shift_jis', eucjp: 'euc-jp', euckr: 'euc-kr',
};

function byteOrderMark(head: Uint8Array): 'utf16be' | 'utf16le' | 'utf8bom' | undefined {
  if (head.length < 2) return undefined;
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf16be';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  if (head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8bom';
  return undefined;
}

/** VS Code's zero-byte test over the first ENCODING_DETECTION_BYTES bytes. */
function zeroBytePattern(head: Uint8Array): 'utf16le' | 'utf16be' | 'binary' | undefined {
  let couldBeLittleEndian = true;
  let couldBeBigEndian = true;
  let hasZero = false;
  for (let i = 0; i < head.length && i < ENCODING_DETECTION_BYTES; i++) {
    const odd = i % 2 === 1;
    const zero = head[i] === 0;
    if (zero) hasZero = true;
    if (couldBeLittleEndian && odd !== zero) couldBeLittleEndian = false;
    if (couldBeBigEndian && odd === zero) couldBeBigEndian = false;
    if (zero && !couldBeLittleEndian && !couldBeBigEndian) break;
  }
  if (!hasZero) return undefined;
  return couldBeLittleEndian ? 'utf16le' : couldBeBigEndian ? 'utf16be' : 'binary';
}

/**
 * How VS Code reads a file that starts with `head` (its first ENCODING_DETECTION_BYTES bytes, or all of a
 * shorter file) when `files.encoding` is `configured` for it.
 */
export function detectFileDecoding(head: Uint8Array, configured: string | undefined): FileDecoding {
  const mark = byteOrderMark(head);
  let detected: string | undefined = mark;
  if (mark !== 'utf16be' && mark !== 'utf16le') {
    const pattern = zeroBytePattern(head);
    if (pattern === 'binary') return { kind: 'binary' };
    if (pattern) detected = pattern;
  }
  const encoding = detected ?? configured ?? 'utf8';
  if (encoding === 'utf8' || encoding === 'utf8bom' || !(encoding in DECODER_LABELS)) return { kind: 'utf8' };
  return { kind: 'decoded', encoding };
}

/** Turns a file's bytes, in chunks, into its text, as VS Code decodes `encoding` (a BOM of that encoding dropped). */
export interface StreamDecoder {
  /** The text of `bytes`, holding back a character cut at the end until the next call. */
  decode(bytes: Uint8Array): string;
  /** What is left at the end (a cut character becomes U+FFFD). */
  end(): string;
}

/** A decoder for one of VS Code's encodings (see DECODER_LABELS); UTF-8 for any other name. */
export function streamDecoder(encoding: string): StreamDecoder {
  const label = encoding in DECODER_LABELS ? DECODER_LABELS[encoding] : 'utf-8';
  if (label !== null) {
    try {
      const decoder = new TextDecoder(label);
      return { decode: (bytes) => decoder.decode(bytes, { stream: true }), end: () => decoder.decode() };
    } catch {
      // A runtime without that table (Node's ICU lacks iso-8859-16): only single-byte tables fall through here.
    }
  }
  return {
    decode: (bytes) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'),
    end: () => '',
  };
}

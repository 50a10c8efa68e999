/**
 * Character classes of engagement IDs, by UTF-16 code unit.
 *
 * A "token character" is one of [0-9A-Za-z_-]. An ID is taken only when it is a whole token: the character
 * before `eng-` and the character after the 14th ID character must not be token characters. So `xeng-…`,
 * `eng-…_notes` and a 15-character `eng-…` are not taken (they are reported as near misses instead), while
 * `(eng-…)`, `/eng-…?`, `"eng-…",` and `eng-….txt` are. Non-ASCII letters are not token characters.
 * A percent-escape is a boundary too: in URL-encoded text (`?q=id%3Deng-…`) the `D` of `%3D` ends an `=`.
 */

export const ENGAGEMENT_ID_PREFIX = 'eng-';
export const ENGAGEMENT_ID_BODY_LENGTH = 14;
export const ENGAGEMENT_ID_LENGTH = ENGAGEMENT_ID_PREFIX.length + ENGAGEMENT_ID_BODY_LENGTH;

const ENGAGEMENT_ID_PATTERN = /^eng-[0-9a-z]{14}$/;

/** True when `text` is exactly one engagement ID (`eng-` + 14 of [0-9a-z]), as the API's pattern requires. */
export function isEngagementId(text: string): boolean {
  return ENGAGEMENT_ID_PATTERN.test(text);
}

/** [0-9a-z]: the characters of an ID's body. */
export function isIdBodyChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122);
}

/** [0-9A-Za-z]. */
export function isAsciiAlphanumeric(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

export function isUpperCaseAscii(code: number): boolean {
  return code >= 65 && code <= 90;
}

/** [0-9A-Za-z_-]: characters that glue onto an ID and make it part of a longer token. */
export function isTokenChar(code: number): boolean {
  return isAsciiAlphanumeric(code) || code === 95 /* _ */ || code === 45 /* - */;
}

function isHexDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || ((code | 0x20) >= 97 && (code | 0x20) <= 102);
}

/** Whether text[start-3, start) is a percent-escape (`%3D`, `%2f`), which ends before an ID as `=` or `/` would. */
export function followsPercentEscape(text: string, start: number): boolean {
  return start >= 3 && text.charCodeAt(start - 3) === 37 && isHexDigit(text.charCodeAt(start - 2)) && isHexDigit(text.charCodeAt(start - 1));
}

/** followsPercentEscape over UTF-8 bytes: '%' and hex digits are single bytes there, never part of a wider character. */
export function followsPercentEscapeInBytes(bytes: Uint8Array, start: number): boolean {
  return start >= 3 && bytes[start - 3] === 37 && isHexDigit(bytes[start - 2]) && isHexDigit(bytes[start - 1]);
}

/** Whether the character before `start` glues onto what starts there: a token character that does not end a percent-escape. */
export function joinsPreceding(text: string, start: number): boolean {
  return start > 0 && isTokenChar(text.charCodeAt(start - 1)) && !followsPercentEscape(text, start);
}

/** joinsPreceding over UTF-8 bytes. */
export function joinsPrecedingInBytes(bytes: Uint8Array, start: number): boolean {
  return start > 0 && isTokenChar(bytes[start - 1]) && !followsPercentEscapeInBytes(bytes, start);
}

/** Characters before a candidate that judging it reads: the three of a percent-escape. */
export const LOOK_BEHIND = 3;

const ORDINARY_DELIMITERS = new Uint8Array(128);
for (let code = 0; code <= 32; code++) ORDINARY_DELIMITERS[code] = 1; // whitespace and control characters
for (const char of '"\'`,;:.()[]{}<>|/\\*=') ORDINARY_DELIMITERS[char.charCodeAt(0)] = 1;

/** Characters that commonly end a word in text, CSV, JSON, URLs, Markdown: a short ID "stopping" at one is no news. */
export function isOrdinaryDelimiter(code: number): boolean {
  return code < 128 ? code < 0 || ORDINARY_DELIMITERS[code] === 1 : code === 0xa0;
}

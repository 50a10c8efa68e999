/**
 * Character classes of engagement IDs, by UTF-16 code unit.
 *
 * A "token character" is one of [0-9A-Za-z_-]. An ID is taken only when it is a whole token: the character
 * before `eng-` and the character after the 14th ID character must not be token characters. So `xeng-…`,
 * `eng-…_notes` and a 15-character `eng-…` are not taken (they are reported as near misses instead), while
 * `(eng-…)`, `/eng-…?`, `"eng-…",` and `eng-….txt` are. Non-ASCII letters are not token characters.
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

const ORDINARY_DELIMITERS = new Uint8Array(128);
for (let code = 0; code <= 32; code++) ORDINARY_DELIMITERS[code] = 1; // whitespace and control characters
for (const char of '"\'`,;:.()[]{}<>|/\\*=') ORDINARY_DELIMITERS[char.charCodeAt(0)] = 1;

/** Characters that commonly end a word in text, CSV, JSON, URLs, Markdown: a short ID "stopping" at one is no news. */
export function isOrdinaryDelimiter(code: number): boolean {
  return code < 128 ? code < 0 || ORDINARY_DELIMITERS[code] === 1 : code === 0xa0;
}

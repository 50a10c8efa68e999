import { maskAccessKeyId } from './connection/accessKeyMask';
import { sessionSecrets, type SessionSecrets } from './redaction/sessionSecrets';

/**
 * Removes credentials from text meant for logs and messages by context, never by the shape of a word:
 * - the session's own secrets (secret access keys, session tokens, signatures registered in
 *   {@link sessionSecrets}), exactly, wherever they appear, raw or URL-encoded;
 * - the value of an `Authorization` header that names its scheme (`AWS4-HMAC-SHA256 …`, `Bearer <token>`,
 *   `Basic <token>`): the scheme stays, the rest of the line (or of the quoted value) goes;
 * - the value of a key that names a secret: `key=value`, `key:value`, a quoted key (`"key": "value"`, also
 *   JSON-escaped and URL-encoded), and `key: value` for compound keys (`aws_secret_access_key: …`,
 *   `X-Amz-Security-Token: …`) and lower-case ones (`password: …`, config-file style). A capitalised word and a
 *   colon (`Secret: partners`, `Credentials: check`) is prose; `credential(s)` is a key only with `=` or quoted;
 * - a word that is exactly an access key ID (AKIA or ASIA and 16 capitals or digits): `AKIA…WXYZ`.
 * Task names, titles and IDs are ordinary words: left as they are.
 */
export const REDACTED = '[redacted]';

/** Keys that are never an ordinary word: any separator, any case. */
const COMPOUND_KEYS = [
  '(?:aws[_-]?)?secret[_-]?access[_-]?key',
  '(?:aws[_-]?)?session[_-]?token',
  'security[_-]?token',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-credential',
  'private[_-]?key',
  'api[_-]?key',
  'client[_-]?secret',
  '(?:access|refresh|id|auth|bearer)[_-]?token',
].join('|');
/** Ordinary words that name a secret when written as a key. */
const WORD_KEYS = 'secret|password|passwd|passphrase|token|signature|authorization|apikey';
const CREDENTIAL_KEYS = 'credentials?';

/** Where a key starts: not inside a word, except right after a URL-encoded byte (`%3FX-Amz-…`). */
const KEY_START = '(?<=^|[^A-Za-z]|%[0-9A-Fa-f]{2})';
const OPEN_QUOTE = `(?<quote>["']|%22|\\\\")?`;
/** Blanks around a separator, also URL-encoded. */
const BLANKS = '(?:[ \\t]|%20)*';
const QUOTED_KEY = (keys: string): string => `(?<keyQuote>["']|%22|\\\\")(?:${keys})\\k<keyQuote>${BLANKS}(?::|%3A)${BLANKS}`;

/** Each pattern ends where a value begins; the value runs to its closing quote, or is one unquoted token. */
const KEY_PATTERNS: readonly RegExp[] = [
  new RegExp(`${KEY_START}(?:${QUOTED_KEY(`${COMPOUND_KEYS}|${WORD_KEYS}|${CREDENTIAL_KEYS}`)})${OPEN_QUOTE}`, 'gi'),
  new RegExp(`${KEY_START}(?:${COMPOUND_KEYS})${BLANKS}(?:[:=]|%3[AaDd])${BLANKS}${OPEN_QUOTE}`, 'gi'),
  new RegExp(`${KEY_START}(?:${WORD_KEYS}|${CREDENTIAL_KEYS})${BLANKS}(?:=|%3[Dd])${BLANKS}${OPEN_QUOTE}`, 'gi'),
  new RegExp(`${KEY_START}(?:${WORD_KEYS})(?::|%3[Aa])(?=[^\\s"'%\\\\])(?!\\/\\/)`, 'gi'),
  new RegExp(`${KEY_START}(?:${WORD_KEYS})(?::|%3[Aa])(?:[ \\t]|%20)+${OPEN_QUOTE}`, 'g'),
];

const AUTHORIZATION_SCHEME = new RegExp(
  `${KEY_START}authorization(?:["']|%22|\\\\")?${BLANKS}(?::|=|%3A)${BLANKS}${OPEN_QUOTE}(?:AWS4-HMAC-SHA256(?:[ \\t]|%20)+|(?:Bearer|Basic)(?:[ \\t]|%20)+(?=[^\\s"']{8}))`,
  'gi',
);

const ACCESS_KEY_ID = /(?<![A-Za-z0-9_])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Za-z0-9_])/g;

/** Characters and URL-encoded bytes that end an unquoted value. */
const BARE_VALUE_STOPS = new Set([' ', '\t', '\r', '\n', '"', "'", '\\', '&', ',', ';', '<', '>', ')', ']', '}']);
const ENCODED_VALUE_STOPS = /^%(?:2[0267C]|3B|0A|0D)/i;

export function redactSecrets(text: string, secrets: SessionSecrets = sessionSecrets): string {
  let redacted = text;
  for (const secret of secrets.list()) if (redacted.includes(secret)) redacted = redacted.split(secret).join(REDACTED);
  redacted = redactValuesAfter(redacted, AUTHORIZATION_SCHEME, 'restOfLine');
  for (const pattern of KEY_PATTERNS) redacted = redactValuesAfter(redacted, pattern, 'token');
  return redacted.replace(ACCESS_KEY_ID, maskAccessKeyId);
}

/** Replaces the value that follows each match of `pattern` (quoted: to its closing quote). */
function redactValuesAfter(text: string, pattern: RegExp, bare: 'token' | 'restOfLine'): string {
  let result = '';
  let copied = 0;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const start = match.index + match[0].length;
    const quote = match.groups?.quote;
    const end = quote ? closingQuote(text, start, quote) : bare === 'token' ? tokenEnd(text, start) : lineEnd(text, start);
    if (end > start && !text.startsWith(REDACTED, start)) {
      result += text.slice(copied, start) + REDACTED;
      copied = end;
    }
    pattern.lastIndex = Math.max(end, start + 1);
  }
  return result + text.slice(copied);
}

function closingQuote(text: string, start: number, quote: string): number {
  const close = text.indexOf(quote, start);
  const end = lineEnd(text, start);
  return close >= 0 && close < end ? close : end;
}

function lineEnd(text: string, start: number): number {
  const newline = text.slice(start).search(/[\r\n]/);
  return newline < 0 ? text.length : start + newline;
}

function tokenEnd(text: string, start: number): number {
  let index = start;
  while (index < text.length && !BARE_VALUE_STOPS.has(text[index]) && !ENCODED_VALUE_STOPS.test(text.slice(index, index + 3))) index++;
  return index;
}

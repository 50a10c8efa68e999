/**
 * Removes credentials from text meant for logs and messages, by context, not by shape: the value after a
 * secret-bearing name or header (aws_secret_access_key, aws_session_token, X-Amz-Security-Token, Authorization,
 * Signature=, Credential=, X-Amz-Signature / X-Amz-Credential query parameters, passwords), also URL-encoded
 * (`X-Amz-Security-Token%3D…`, `%22SecretAccessKey%22%3A%22…`), and access key IDs by their prefix. Ordinary
 * words are left alone however long or mixed their letters are: task names, titles and IDs pass unchanged.
 */

const REDACTED = '[redacted]';

/** Names whose value is a secret, in the spellings of config files, JSON, headers and query strings. */
const SECRET_NAMES = [
  '(?:aws[_-]?)?secret[_-]?access[_-]?key',
  '(?:aws[_-]?)?session[_-]?token',
  'security[_-]?token',
  'x-amz-security-token',
  'x-amz-signature',
  'x-amz-credential',
  'signature',
  'credential',
  'credentials',
  'password',
  'passwd',
  'passphrase',
  'secret',
  'private[_-]?key',
  '(?:access|refresh|id)[_-]?token',
].join('|');

/** Where a name starts: not inside a word, except after a URL-encoded byte (`%3FX-Amz-…`). */
const NAME_START = `(?<=^|[^A-Za-z]|%[0-9A-Fa-f]{2})`;
const QUOTE = `(?:["']|%22)`;
const SEPARATOR = `\\s*(?:[:=]|%3[AaDd])\\s*`;
/** A value runs to the next quote, separator of pairs, or space (raw or URL-encoded). */
const VALUE = `(?:(?!%2[26C]|%26|%3B)[^\\s"'&,;<>])+`;

const NAMED_VALUE = new RegExp(`(${NAME_START}(?:${SECRET_NAMES})${QUOTE}?${SEPARATOR}${QUOTE}?)(${VALUE})`, 'gi');
/** `Authorization: Bearer …` keeps its scheme; AWS4-HMAC-SHA256's Credential= and Signature= are named values. */
const AUTHORIZATION = /((?<![A-Za-z])authorization["']?\s*[:=]\s*["']?)(?:(Bearer|Basic|Token)\s+)?(?!AWS4-HMAC-SHA256)([^\s"',;]+)/gi;
/** A bare token after the word that names it (`secret wJalr…`, `session token IQoJ…`), when it is no plain word. */
const WORD_THEN_TOKEN = /((?<![A-Za-z])(?:secret(?: access key)?|(?:session |security )?token|password)\s+)(?=[A-Za-z0-9/+=_-]{8,})(?=[^\s]*[0-9/+=])([A-Za-z0-9/+=_-]+)/gi;
/** Access key IDs (long-term AKIA…, temporary ASIA…, and the other IAM unique-ID prefixes): the prefix stays. */
const ACCESS_KEY_ID = /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{12,}\b/g;

export function redactSecrets(text: string): string {
  return text
    .replace(AUTHORIZATION, (_match, key: string, scheme: string | undefined) => `${key}${scheme ? `${scheme} ` : ''}${REDACTED}`)
    .replace(NAMED_VALUE, (match, key: string, value: string) => (value === REDACTED ? match : `${key}${REDACTED}`))
    .replace(WORD_THEN_TOKEN, (_match, key: string) => `${key}${REDACTED}`)
    .replace(ACCESS_KEY_ID, `$1…${REDACTED}`);
}

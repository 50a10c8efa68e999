import fc from 'fast-check';

/**
 * Generators for the redaction attacks: ordinary task names, titles and IDs (with words that look like AWS keys
 * or name secrets in prose), and secrets written every way a log line or message could carry them.
 */

const ORDINARY_WORDS = [
  'Q3', 'prospects', 'outreach', 'partner', 'accounts', 'EMEA', 'renewal', 'pipeline', 'review', 'list', 'for', 'the',
  'Secret', 'secret', 'Secrets', 'Credentials:', 'Credential', 'credentials', 'token', 'Token', 'tokens', 'password',
  'Password', 'passwords', 'Signature', 'signature', 'Authorization', 'Secret:', 'Password:', 'Token:', 'Session',
  'project-2024', 'ASIA', 'AKIA', 'ASIAPACIFICPARTNERSQ3', 'ASIAPACIFIC', 'AKIAPARTNERS', 'Asia-Pacific', '—', '&', '(EMEA)',
  '"quoted"', "partner's", 'x=1', 'a/b', '100%', '#42', 'über', 'café', '日本', 'AWS', 'Sandbox', 'accessKey', 'key',
];

/** AKIA/ASIA followed by capitals and digits, of every length but the 16 of a real access key ID. */
const awsLookingWord = fc
  .tuple(fc.constantFrom('AKIA', 'ASIA', 'AROA', 'AIDA'), fc.integer({ min: 0, max: 30 }).filter((length) => length !== 16), fc.infiniteStream(fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789')))
  .map(([prefix, length, characters]) => prefix + [...characters.take(length)].join(''));

export const engagementId = fc.stringMatching(/^eng-[0-9a-z]{14}$/);
export const taskId = fc.stringMatching(/^task-[0-9a-z]{14}$/);
const accountId = fc.stringMatching(/^[0-9]{12}$/);
export const taskArn = fc
  .tuple(accountId, fc.constantFrom('AWS', 'Sandbox'), taskId)
  .map(([account, catalog, id]) => `arn:aws:partnercentral:us-east-1:${account}:catalog/${catalog}/engagement-task/${id}`);

const word = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...ORDINARY_WORDS) },
  { weight: 2, arbitrary: awsLookingWord },
  { weight: 1, arbitrary: engagementId },
  { weight: 1, arbitrary: taskId },
  { weight: 1, arbitrary: taskArn },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z][A-Za-z0-9]{0,40}$/) },
);

/** A task name, title or ID list a partner could write: ordinary words, AWS-looking words, IDs and ARNs. */
export const ordinaryName = fc.array(word, { minLength: 1, maxLength: 12 }).map((words) => words.join(' '));

/** A secret value: base64-ish, long enough not to be a word of the text around it. */
export const secretValue = fc.stringMatching(/^[A-Za-z0-9+/]{12,40}$/);
/** A secret access key: 40 base64 characters. */
export const secretAccessKey = fc.stringMatching(/^[A-Za-z0-9+/]{40}$/);
export const sessionToken = fc.stringMatching(/^[A-Za-z0-9+/]{100,300}={0,2}$/);
export const signature = fc.stringMatching(/^[0-9a-f]{64}$/);

/** How a key names a secret: compound keys, and words used as keys. */
const COMPOUND_KEYS = ['aws_secret_access_key', 'AWS_SECRET_ACCESS_KEY', 'aws_session_token', 'AWS_SESSION_TOKEN', 'SecretAccessKey', 'SessionToken', 'X-Amz-Security-Token', 'x-amz-security-token', 'api_key', 'private_key', 'client_secret', 'access_token', 'refresh_token', 'X-Amz-Signature', 'X-Amz-Credential'];
const WORD_KEYS = ['secret', 'SECRET', 'Secret', 'password', 'PASSWORD', 'passwd', 'passphrase', 'token', 'TOKEN', 'signature', 'Signature'];
const CREDENTIAL_KEYS = ['credentials', 'Credentials', 'credential'];

export interface SecretForm {
  /** The text that carries the secret. */
  readonly text: string;
  /** What must not be left anywhere. */
  readonly secrets: readonly string[];
  /** Secrets the session registers (its own keys, tokens, signatures). */
  readonly register: readonly string[];
  /** Holds no space, so it fits in a URL's query as it is. */
  readonly urlSafe: boolean;
}

const keyValueForm: fc.Arbitrary<SecretForm> = fc
  .tuple(fc.constantFrom(...COMPOUND_KEYS, ...WORD_KEYS, ...CREDENTIAL_KEYS), fc.constantFrom('=', ' = ', 'json', 'json-spaced', ':', ': ', '--flag='), secretValue)
  .filter(([key, separator]) => {
    const compound = COMPOUND_KEYS.includes(key);
    if (CREDENTIAL_KEYS.includes(key)) return separator === '=' || separator.startsWith('json') || separator === '--flag=';
    if (separator === ': ') return compound || key === key.toLowerCase();
    return true;
  })
  .map(([key, separator, value]) => {
    const text =
      separator === 'json' ? `{"${key}":"${value}"}`
      : separator === 'json-spaced' ? `{ "${key}": "${value}" }`
      : separator === '--flag=' ? `--vault-${key}=${value}`
      : `${key}${separator}${value}`;
    return { text, secrets: [value], register: [], urlSafe: !text.includes(' ') };
  });

const headerForm: fc.Arbitrary<SecretForm> = fc.oneof(
  fc.tuple(fc.stringMatching(/^AKIA[A-Z0-9]{16}$/), signature).map(([accessKeyId, sig]) => ({
    text: `Authorization: AWS4-HMAC-SHA256 Credential=${accessKeyId}/20261208/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host;x-amz-date, Signature=${sig}`,
    secrets: [sig, accessKeyId.slice(4, 16)],
    register: [],
    urlSafe: false,
  })),
  fc.tuple(fc.constantFrom('Bearer', 'Basic'), secretValue).map(([scheme, token]) => ({ text: `Authorization: ${scheme} ${token}`, secrets: [token], register: [], urlSafe: false })),
  sessionToken.map((token) => ({ text: `X-Amz-Security-Token: ${token}`, secrets: [token], register: [], urlSafe: false })),
  signature.map((sig) => ({ text: `X-Amz-Signature=${sig}`, secrets: [sig], register: [], urlSafe: true })),
);

/** The session's own secrets, bare: found because they are registered, whatever surrounds them. */
const registeredForm: fc.Arbitrary<SecretForm> = fc.oneof(secretAccessKey, sessionToken, signature).chain((secret) =>
  fc.constantFrom<SecretForm>(
    { text: secret, secrets: [secret], register: [secret], urlSafe: true },
    { text: encodeURIComponent(secret), secrets: [secret, encodeURIComponent(secret)], register: [secret], urlSafe: true },
  ),
);

export const secretForm: fc.Arbitrary<SecretForm> = fc.oneof(keyValueForm, headerForm, registeredForm);

export type Position = 'start' | 'middle' | 'end' | 'json' | 'url' | 'multiLine';
export const position = fc.constantFrom<Position>('start', 'middle', 'end', 'json', 'url', 'multiLine');

/** `form` placed at `where` among ordinary words. */
export function placed(form: SecretForm, where: Position, before: string, after: string): string {
  switch (where) {
    case 'start': return `${form.text} ${after}`;
    case 'middle': return `${before} ${form.text} ${after}`;
    case 'end': return `${before} ${form.text}`;
    case 'json': return JSON.stringify({ message: `${before} ${form.text} ${after}`, name: after });
    case 'url': return `${before} https://partnercentral.example/tasks?page=2&${form.urlSafe ? form.text : `q=${encodeURIComponent(form.text)}`}&x=1 ${after}`;
    case 'multiLine': return `${before}\n${form.text}\n${after}`;
  }
}

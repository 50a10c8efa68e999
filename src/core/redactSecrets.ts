/**
 * Removes what could be a credential from text meant for logs and messages: access key IDs, secret-looking
 * 40-character base64 strings, SigV4 signatures, security/session tokens, and the values of credential keys.
 */

const REDACTED = '[redacted]';

const REPLACEMENTS: ReadonlyArray<[RegExp, string | ((match: string, ...groups: string[]) => string)]> = [
  // `aws_secret_access_key = …`, `"SessionToken": "…"`, `X-Amz-Security-Token=…`, `x-amz-security-token: …`
  [
    /((?:aws_)?(?:secret_?access_?key|session_?token|security_?token|x-amz-security-token|x-amz-signature|signature|credential)["']?\s*[:=]\s*["']?)([^\s"'&,;]+)/gi,
    (_match, key: string) => `${key}${REDACTED}`,
  ],
  // Access key IDs (long-term AKIA…, temporary ASIA…, and the other IAM unique-ID prefixes).
  [/\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AIPA|ANPA|ANVA|APKA|AROA|ASCA)[A-Z0-9]{12,}\b/g, `$1…${REDACTED}`],
  // Session tokens: very long base64 runs.
  [/[A-Za-z0-9/+]{100,}={0,2}/g, REDACTED],
  // Secret access keys: 40 base64 characters mixing upper case, lower case and digits (a hex hash is left alone).
  [
    /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    (match: string) => (/[A-Z]/.test(match) && /[a-z]/.test(match) && /[0-9/+]/.test(match) ? REDACTED : match),
  ],
];

export function redactSecrets(text: string): string {
  let result = text;
  for (const [pattern, replacement] of REPLACEMENTS) {
    result = typeof replacement === 'string' ? result.replace(pattern, replacement) : result.replace(pattern, replacement);
  }
  return result;
}

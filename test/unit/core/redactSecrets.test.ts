import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redactSecrets';
import { SessionSecrets } from '../../../src/core/redaction/sessionSecrets';
import { redactForLevel } from '../../../src/core/redaction/logRedaction';

/** No session secret registered: what the rules of context alone do. */
const redact = (text: string): string => redactSecrets(text, new SessionSecrets());

describe('redactSecrets: by context, not by shape', () => {
  it('leaves task names, titles and IDs alone, however long, mixed, or close to a secret word', () => {
    for (const text of [
      'Task "Xk7pQ2mN9vB4cR8tY1wE5uI3oP6aS0dF7gH2jK4l" started',
      `Task "${'Q3Partner2026Leads'.repeat(7).slice(0, 120)}" started`,
      'Started task-0123456789abcd for eng-0123456789abcd',
      'The security token included in the request is invalid.',
      'Credential should be scoped to a valid region',
      'ClientToken="0f8fad5b-d9cb-469f-a165-70867728950e" TaskName="Signature deals"',
      // The names of issue 16 that were redacted.
      'ASIAPACIFICPARTNERSQ3 prospects',
      'Secret project-2024 outreach',
      'Credentials: check the partner accounts',
      'Secret: partner list Q3',
      'Password reset outreach, token budget review',
      'Session token rotation webinar AKIAPARTNERS2026 ASIA1234',
    ]) {
      assert.equal(redact(text), text);
    }
  });

  it('removes the values of secret-bearing keys in config files, JSON and environment lines', () => {
    const cases: Array<[string, string]> = [
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
      ['aws_session_token=IQo', 'IQo'],
      ['AWS_SESSION_TOKEN=short', 'short'],
      ['{"SecretAccessKey":"s3cr3t","SessionToken":"tok"}', 's3cr3t'],
      ['{"SecretAccessKey":"s3cr3t","SessionToken":"tok"}', '"tok"'],
      ['{\\"password\\":\\"hunter2\\"}', 'hunter2'],
      ['./vault.sh --vault-password=hunter2', 'hunter2'],
      ['SECRET=abc123', 'abc123'],
      ['password: correct-horse', 'correct-horse'],
      ["passphrase='correct horse battery'", 'horse battery'],
      ['credentials=user:pw', 'user:pw'],
      ['db_token:xyz987', 'xyz987'],
    ];
    for (const [text, secret] of cases) assert.ok(!redact(text).includes(secret), `${secret} left in ${redact(text)}`);
  });

  it('removes the session\'s own registered secrets wherever they are, raw or URL-encoded', () => {
    const secrets = new SessionSecrets();
    const secretKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    secrets.register(secretKey, 'short');
    const text = `secret ${secretKey} and ${encodeURIComponent(secretKey)}, short stays`;
    assert.equal(redactSecrets(text, secrets), 'secret [redacted] and [redacted], short stays');
  });

  it('removes header and query-string credentials, also URL-encoded', () => {
    const cases: Array<[string, string[]]> = [
      ['X-Amz-Security-Token: FwoGZXIvYXdzEXAMPLE', ['FwoGZXIvYXdz']],
      ['x-amz-security-token:FwoGZXIvYXdzEXAMPLE', ['FwoGZXIvYXdz']],
      ['Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host, Signature=0a1b2c3d', ['IOSFODNN7EXAMPLE', '0a1b2c3d', '20261126/us-east-1']],
      ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', ['eyJhbGciOi']],
      ['{"authorization":"Basic dXNlcjpwYXNz"}', ['dXNlcjpwYXNz']],
      ['https://h/?X-Amz-Credential=AKIAX%2F2026&X-Amz-Signature=deadbeef&X-Amz-Security-Token=IQo%2Bab&x=1', ['2026', 'deadbeef', 'IQo']],
      ['redirect=https%3A%2F%2Fh%2F%3FX-Amz-Security-Token%3DIQoJb3%252Bx%26b%3D1', ['IQoJb3']],
      ['body=%7B%22SecretAccessKey%22%3A%22wJalr%2Fxyz%22%7D', ['wJalr']],
    ];
    for (const [text, secrets] of cases) {
      const redacted = redact(text);
      for (const secret of secrets) assert.ok(!redacted.includes(secret), `${secret} left in ${redacted}`);
      assert.match(redacted, /\[redacted\]/);
    }
    assert.match(redact('https://h/?X-Amz-Signature=deadbeef&x=1'), /&x=1$/, 'what follows the value stays');
  });

  it('masks a word that is exactly an access key ID as the connection report does, and no other word', () => {
    assert.equal(redact('key ASIAIOSFODNN7EXAMPLE'), 'key ASIA…MPLE');
    assert.equal(redact('AKIAIOSFODNN7EXAMPLE.'), 'AKIA…MPLE.');
    for (const word of ['ASIAPACIFICPARTNERSQ3', 'ASIAPACIFICPARTNER', 'AKIAIOSFODNN7EXAMPLEX', 'xASIAIOSFODNN7EXAMPLE', 'ASIAiosfodnn7example']) assert.equal(redact(word), word);
  });

  it('is idempotent: redacting twice changes nothing more', () => {
    for (const text of ['password=hunter2', '"token": "abc"', 'Authorization: Bearer abc', 'X-Amz-Signature=abc&x=1']) {
      assert.equal(redact(redact(text)), redact(text));
    }
  });
});

describe('redactForLevel: a failed child process below trace', () => {
  const failure = 'no AWS credentials could be loaded: Command failed: /tmp/vault.sh --vault-password=hunter2 --user bob\nSECRET=abc123\nplain output line';

  it('withholds the command line and output entirely at debug and above', () => {
    for (const level of ['debug', 'info', 'warn', 'error'] as const) {
      const line = redactForLevel(level, failure);
      assert.match(line, /^no AWS credentials could be loaded: Command failed: \[command line and output withheld/);
      for (const part of ['vault.sh', 'hunter2', 'bob', 'abc123', 'plain output line']) assert.ok(!line.includes(part), `${part} left at ${level}: ${line}`);
    }
  });

  it('keeps them at trace, redacted', () => {
    const line = redactForLevel('trace', failure);
    assert.match(line, /vault\.sh/);
    assert.ok(!line.includes('hunter2') && !line.includes('abc123'), line);
  });
});

import * as assert from 'node:assert/strict';
import { redactSecrets } from '../../../src/core/redactSecrets';

describe('redactSecrets: by context, not by shape', () => {
  it('leaves task names, titles and IDs alone, however long or mixed', () => {
    for (const text of [
      'Task "Xk7pQ2mN9vB4cR8tY1wE5uI3oP6aS0dF7gH2jK4l" started',
      `Task "${'Q3Partner2026Leads'.repeat(7).slice(0, 120)}" started`,
      'Started task-0123456789abcd for eng-0123456789abcd',
      'The security token included in the request is invalid.',
      'Credential should be scoped to a valid region',
      'ClientToken="0f8fad5b-d9cb-469f-a165-70867728950e" TaskName="Signature deals"',
    ]) {
      assert.equal(redactSecrets(text), text);
    }
  });

  it('removes the values of secret-bearing names in config files, JSON and environment lines', () => {
    const cases: Array<[string, string]> = [
      ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'wJalrXUtnFEMI'],
      ['aws_session_token=IQo', 'IQo'],
      ['AWS_SESSION_TOKEN=short', 'short'],
      ['{"SecretAccessKey":"s3cr3t","SessionToken":"tok"}', 's3cr3t'],
      ['{"SecretAccessKey":"s3cr3t","SessionToken":"tok"}', '"tok"'],
      ['Command failed: ./vault.sh --vault-password=hunter2', 'hunter2'],
      ['session token abc12345xyz', 'abc12345xyz'],
    ];
    for (const [text, secret] of cases) assert.ok(!redactSecrets(text).includes(secret), `${secret} left in ${redactSecrets(text)}`);
  });

  it('removes header and query-string credentials, also URL-encoded', () => {
    const cases: Array<[string, string[]]> = [
      ['X-Amz-Security-Token: FwoGZXIvYXdzEXAMPLE', ['FwoGZXIvYXdz']],
      ['Authorization: AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261126/us-east-1/partnercentral-selling/aws4_request, SignedHeaders=host, Signature=0a1b2c3d', ['IOSFODNN7EXAMPLE', '0a1b2c3d', '20261126/us-east-1']],
      ['Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.e30.sig', ['eyJhbGciOi']],
      ['https://h/?X-Amz-Credential=AKIAX%2F2026&X-Amz-Signature=deadbeef&X-Amz-Security-Token=IQo%2Bab&x=1', ['2026', 'deadbeef', 'IQo']],
      ['redirect=https%3A%2F%2Fh%2F%3FX-Amz-Security-Token%3DIQoJb3%252Bx%26b%3D1', ['IQoJb3']],
      ['body=%7B%22SecretAccessKey%22%3A%22wJalr%2Fxyz%22%7D', ['wJalr']],
    ];
    for (const [text, secrets] of cases) {
      const redacted = redactSecrets(text);
      for (const secret of secrets) assert.ok(!redacted.includes(secret), `${secret} left in ${redacted}`);
      assert.match(redacted, /\[redacted\]/);
    }
    assert.match(redactSecrets('https://h/?X-Amz-Signature=deadbeef&x=1'), /&x=1$/, 'what follows the value stays');
  });

  it('keeps the prefix of an access key ID, which tells temporary from long-term keys', () => {
    assert.equal(redactSecrets('key ASIAIOSFODNN7EXAMPLE'), 'key ASIA…[redacted]');
  });
});

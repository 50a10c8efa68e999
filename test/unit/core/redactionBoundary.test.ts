import * as assert from 'node:assert/strict';
import { credentialProcessFailed, describeExternalError } from '../../../src/core/redaction/externalText';
import { redactingLogger } from '../../../src/core/redaction/redactingLogger';
import { SessionSecrets } from '../../../src/core/redaction/sessionSecrets';

class Channel {
  readonly lines: string[] = [];
  readonly name = 'Partner Central';
  trace(message: string): void { this.lines.push(`trace ${message}`); }
  debug(message: string): void { this.lines.push(`debug ${message}`); }
  info(message: string): void { this.lines.push(`info ${message}`); }
  warn(message: string): void { this.lines.push(`warn ${message}`); }
  error(message: string): void { this.lines.push(`error ${message}`); }
  show(): string { return `${this.name} shown`; }
}

describe('the redaction boundary', () => {
  it('a redacting logger redacts every level, joins extra arguments first, and passes everything else through', () => {
    const channel = new Channel();
    const log = redactingLogger(channel);
    log.warn('Command failed: ./vault.sh --vault-password=hunter2\nSECRET=abc123');
    (log.info as (message: string, ...args: unknown[]) => void)('call failed', new Error('password=hunter2'), { token: 'x' });
    log.trace('Command failed: ./vault.sh --vault-password=hunter2');
    assert.deepEqual(channel.lines, [
      'warn Command failed: [command line and output withheld; the trace level shows them redacted]',
      'info call failed Error: password=[redacted] {"token":"[redacted]"}',
      'trace Command failed: ./vault.sh --vault-password=[redacted]',
    ]);
    assert.equal(log.show(), 'Partner Central shown');
    assert.equal(log.name, 'Partner Central');
    assert.equal(redactingLogger(log), log, 'wrapping twice redacts once');
  });

  it('a failed credential_process is a fixed sentence naming the profile (and the exit code when kept); the trace detail is redacted', () => {
    const error = Object.assign(new Error('Command failed: /opt/vault.sh --vault-password=hunter2\nSECRET=abc123'), { name: 'CredentialsProviderError' });
    const { summary, traceDetail } = describeExternalError(error, 'vault');
    assert.equal(summary, credentialProcessFailed('vault'));
    assert.match(summary, /^the credential_process of profile "vault" failed \(its command line and output are not shown/);
    assert.match(traceDetail, /\/opt\/vault\.sh --vault-password=\[redacted\]\nSECRET=\[redacted\]/);
    assert.match(describeExternalError(Object.assign(error, { code: 3 }), 'vault').summary, /failed with exit code 3/);
  });

  it('the session secrets keep the newest and drop short values that could be words', () => {
    const secrets = new SessionSecrets(4);
    secrets.register('short', 'signature-000000001', 'signature-000000002', 'signature-000000003');
    secrets.register('signature-000000001');
    assert.ok(!secrets.list().includes('short'));
    assert.ok(secrets.list().length <= 4);
    assert.ok(secrets.list().includes('signature-000000001'), 'registered again: kept');
  });
});

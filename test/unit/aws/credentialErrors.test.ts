import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CallLogger } from '../../../src/aws/callLogging';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { listProspectingTasks } from '../../../src/aws/prospectingTasks';
import { type ErrorExplanation, explainError, formatExplanation } from '../../../src/core/errorExplanations';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { DENIED_ROLE_ARN as ROLE_ARN, startDenyingSts } from './stsStandIn';

const EXPIRED = { accessKeyId: 'ASIAEMULATOREXPIRED1', secretAccessKey: 'expired/secret', sessionToken: 'token-old', expiresAt: new Date(Date.now() - 60_000) };
const ENVIRONMENT = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE', 'AWS_REGION', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING', 'AWS_ENDPOINT_URL_STS', 'HOME', 'AWS_EC2_METADATA_DISABLED'] as const;

class CapturingLogger implements CallLogger {
  readonly lines: Array<{ level: string; message: string }> = [];
  trace = (message: string): void => void this.lines.push({ level: 'trace', message });
  debug = (message: string): void => void this.lines.push({ level: 'debug', message });
  info = (message: string): void => void this.lines.push({ level: 'info', message });
  warn = (message: string): void => void this.lines.push({ level: 'warn', message });
  error = (message: string): void => void this.lines.push({ level: 'error', message });
}

describe('credential errors through the real SDK credential chain say what to do', function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let sts: { endpoint: string; close(): Promise<void> };
  let directory: string;
  const saved = new Map<string, string | undefined>();

  before(async () => {
    for (const name of ENVIRONMENT) saved.set(name, process.env[name]);
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 5, credentials: [DEFAULT_CREDENTIALS, EXPIRED] });
    sts = await startDenyingSts();
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-central-credentials-'));
    const script = path.join(directory, 'vault-credentials.sh');
    fs.writeFileSync(script, '#!/bin/sh\necho "vault locked: --vault-password=hunter2 rejected" >&2\nexit 3\n', { mode: 0o755 });
    fs.writeFileSync(
      path.join(directory, 'config'),
      [
        '[profile sso-legacy]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = us-east-1',
        'sso_account_id = 123456789012',
        'sso_role_name = Partner',
        '[profile sso-session]',
        'sso_session = corp',
        'sso_account_id = 123456789012',
        'sso_role_name = Partner',
        '[sso-session corp]',
        'sso_start_url = https://example.awsapps.com/start',
        'sso_region = us-east-1',
        '[profile vault]',
        `credential_process = ${script} --vault-password=hunter2`,
        '[profile partner-role]',
        `role_arn = ${ROLE_ARN}`,
        'source_profile = base',
        '[profile partner-mfa]',
        `role_arn = ${ROLE_ARN}`,
        'source_profile = base',
        'mfa_serial = arn:aws:iam::123456789012:mfa/dev',
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(directory, 'credentials'),
      [
        '[base]',
        `aws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}`,
        `aws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}`,
        '[forged-session]',
        `aws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}`,
        `aws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}`,
        'aws_session_token = forged-session-token',
        '[expired-session]',
        `aws_access_key_id = ${EXPIRED.accessKeyId}`,
        `aws_secret_access_key = ${EXPIRED.secretAccessKey}`,
        `aws_session_token = ${EXPIRED.sessionToken}`,
        '',
      ].join('\n'),
    );
  });
  after(async () => {
    await emulator.close();
    await sts.close();
    fs.rmSync(directory, { recursive: true, force: true });
  });
  beforeEach(() => {
    for (const name of ENVIRONMENT) delete process.env[name];
    process.env.HOME = directory;
    process.env.AWS_CONFIG_FILE = path.join(directory, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(directory, 'credentials');
    process.env.AWS_ENDPOINT_URL_STS = sts.endpoint;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
  });
  afterEach(() => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  async function explainCall(profile: string, logger?: CallLogger): Promise<ErrorExplanation> {
    const client = createPartnerCentralClient({ profile, endpoint: emulator.endpoint, maxAttempts: 1 }, logger);
    try {
      await listProspectingTasks(client, { catalog: 'Sandbox' });
    } catch (error) {
      return explainError(error, { catalog: 'Sandbox' });
    } finally {
      client.destroy();
    }
    return assert.fail('the call was expected to fail');
  }

  it('no credentials at all', async () => {
    const explanation = await explainCall('');
    assert.equal(explanation.authCase, 'noCredentials', JSON.stringify(explanation));
    assert.match(explanation.fixes.join(' '), /partnerCentral\.profile/);
  });

  it('a profile that does not exist', async () => {
    const explanation = await explainCall('no-such-profile');
    assert.equal(explanation.authCase, 'profileNotFound', JSON.stringify(explanation));
    assert.match(explanation.title, /Profile "no-such-profile" was not found/);
    assert.match(explanation.fixes.join(' '), /aws configure list-profiles/);
  });

  for (const profile of ['sso-legacy', 'sso-session']) {
    it(`an SSO profile without a token (${profile}) names the exact login command`, async () => {
      const explanation = await explainCall(profile);
      assert.equal(explanation.kind, 'auth');
      assert.equal(explanation.authCase, 'ssoExpired', JSON.stringify(explanation));
      assert.match(explanation.title, new RegExp(`profile "${profile}"`));
      assert.equal(explanation.fixes[0], `Run \`aws sso login --profile ${profile}\` in a terminal, then try again.`);
      assert.doesNotMatch(explanation.fixes.join(' '), /names a profile/, 'the profile exists: no advice to check its name');
    });
  }

  it('a failing credential_process names the profile, never its arguments or output (log: trace only, redacted)', async () => {
    const logger = new CapturingLogger();
    const explanation = await explainCall('vault', logger);
    assert.equal(explanation.authCase, 'credentialProcessFailed', JSON.stringify(explanation));
    assert.match(explanation.title, /credential_process of profile "vault" failed/);
    const shown = JSON.stringify(explanation) + formatExplanation(explanation);
    for (const secret of ['hunter2', 'vault-password', 'vault-credentials.sh', 'vault locked']) assert.ok(!shown.includes(secret), `${secret} shown: ${shown}`);
    const untraced = logger.lines.filter((line) => line.level !== 'trace').map((line) => line.message).join('\n');
    assert.match(untraced, /credential_process command failed/);
    for (const secret of ['hunter2', 'vault-password', 'vault locked']) assert.ok(!untraced.includes(secret), `${secret} logged: ${untraced}`);
    const traced = logger.lines.filter((line) => line.level === 'trace').map((line) => line.message).join('\n');
    assert.match(traced, /vault locked/, 'trace keeps the output for diagnosis');
    assert.ok(!traced.includes('hunter2'), `trace is redacted: ${traced}`);
  });

  it('a denied AssumeRole names the role ARN (STS stand-in via AWS_ENDPOINT_URL_STS)', async () => {
    const explanation = await explainCall('partner-role');
    assert.equal(explanation.authCase, 'assumeRoleDenied', JSON.stringify(explanation));
    assert.equal(explanation.title, `Assuming role ${ROLE_ARN} was denied`);
    assert.match(explanation.fixes.join(' '), /trust policy/);
  });

  it('a role that needs MFA', async () => {
    const explanation = await explainCall('partner-mfa');
    assert.equal(explanation.authCase, 'mfaRequired', JSON.stringify(explanation));
    assert.match(explanation.title, /profile "partner-mfa" requires an MFA code/i);
  });

  it('an unknown session token is not explained as a bad access key', async () => {
    const explanation = await explainCall('forged-session');
    assert.equal(explanation.authCase, 'unknownToken', JSON.stringify(explanation));
    assert.match(explanation.detail, /session token/);
    assert.doesNotMatch(explanation.fixes.join(' '), /update the profile or AWS_ACCESS_KEY_ID/);
    assert.match(explanation.fixes.join(' '), /AWS_SESSION_TOKEN together/);
  });

  it('an expired session token says to refresh the credentials of the profile', async () => {
    const explanation = await explainCall('expired-session');
    assert.equal(explanation.authCase, 'expiredToken', JSON.stringify(explanation));
    assert.match(explanation.fixes[0], /profile "expired-session"/);
  });
});

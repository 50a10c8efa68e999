import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { resolveEndpoint } from '../../../src/aws/endpointResolution';
import { listProfiles, sharedFilePaths, ssoTokenState, type ProfileInfo } from '../../../src/aws/profiles';
import { needsSsoSignIn } from '../../../src/core/connection/ssoSignIn';
import { useSharedFilesSandbox, type SharedFilesSandbox } from './sharedFilesSandbox';

const CONFIG = `[default]
region = us-east-1

[profile partner-prod]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = PartnerCentral

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = us-east-1

[profile legacy-sso]
sso_start_url = https://legacy.awsapps.com/start
sso_region = us-east-1
sso_account_id = 123456789012
sso_role_name = PartnerCentral

[profile admin]
role_arn = arn:aws:iam::123456789012:role/Admin
source_profile = keys
mfa_serial = arn:aws:iam::123456789012:mfa/me

[profile vault]
credential_process = /usr/local/bin/vault-creds --profile partner

[profile ci]
role_arn = arn:aws:iam::123456789012:role/ci
web_identity_token_file = /var/run/token

[profile region-only]
region = eu-west-1

[services emulator]
partnercentral_selling =
  endpoint_url = http://127.0.0.1:9001

[profile with-services]
services = emulator
endpoint_url = http://127.0.0.1:9002
credential_process = /bin/true

[profile with-endpoint]
endpoint_url = http://127.0.0.1:9003
credential_process = /bin/true

[profile ignoring]
ignore_configured_endpoint_urls = true
endpoint_url = http://127.0.0.1:9004
credential_process = /bin/true
`;

const CREDENTIALS = `[keys]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY

[default]
aws_access_key_id = AKIAIOSFODNN7EXAMPLE
aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY
`;

const sha1 = (text: string): string => createHash('sha1').update(text).digest('hex');
const HOUR = 3_600_000;

describe('Shared config and credentials profiles', () => {
  let sandbox: SharedFilesSandbox;
  let profiles: ProfileInfo[];
  const profile = (name: string): ProfileInfo => {
    const found = profiles.find((candidate) => candidate.name === name);
    assert.ok(found, `no profile ${name} in ${profiles.map((p) => p.name).join(', ')}`);
    return found;
  };

  beforeEach(async () => {
    sandbox = useSharedFilesSandbox();
    sandbox.write('config', CONFIG);
    sandbox.write('credentials', CREDENTIALS);
    profiles = await listProfiles();
  });
  afterEach(() => sandbox.restore());

  it('lists every profile of both files, by kind, and no sso-session or services section', () => {
    assert.deepEqual(
      profiles.map((p) => [p.name, p.kind, p.inConfig, p.inCredentials]),
      [
        ['admin', 'role', true, false],
        ['ci', 'webIdentity', true, false],
        ['default', 'static', true, true],
        ['ignoring', 'process', true, false],
        ['keys', 'static', false, true],
        ['legacy-sso', 'sso', true, false],
        ['partner-prod', 'sso', true, false],
        ['region-only', 'none', true, false],
        ['vault', 'process', true, false],
        ['with-endpoint', 'process', true, false],
        ['with-services', 'process', true, false],
      ],
    );
  });

  it('reads the files AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE name', () => {
    assert.equal(sharedFilePaths().config, sandbox.config);
    assert.equal(sharedFilePaths().credentials, sandbox.credentials);
  });

  it("sees a changed file although the SDK's loader caches what it read first", async () => {
    sandbox.write('config', `${CONFIG}\n[profile added-later]\nsso_session = corp\n`);
    const cached = await listProfiles({ ignoreCache: false });
    assert.equal(cached.some((p) => p.name === 'added-later'), false, "the SDK's file cache should still hold the first read");
    const fresh = await listProfiles();
    assert.equal(fresh.find((p) => p.name === 'added-later')?.kind, 'sso');
  });

  describe('SSO token cache', () => {
    it('is missing when no token was cached for the sso-session or start URL', async () => {
      assert.deepEqual(await ssoTokenState(profile('partner-prod')), { state: 'missing', ssoSession: 'corp' });
      assert.deepEqual(await ssoTokenState(profile('legacy-sso')), { state: 'missing', ssoSession: 'https://legacy.awsapps.com/start' });
    });

    it('is expired when the token expired and cannot be refreshed', async () => {
      const expiresAt = new Date(Date.now() - HOUR).toISOString();
      sandbox.writeSsoToken(`${sha1('corp')}.json`, { accessToken: 'x', expiresAt });
      sandbox.writeSsoToken(`${sha1('https://legacy.awsapps.com/start')}.json`, { accessToken: 'x', expiresAt });
      assert.equal((await ssoTokenState(profile('partner-prod'))).state, 'expired');
      assert.equal((await ssoTokenState(profile('legacy-sso'))).state, 'expired');
    });

    it('is valid when unexpired, or expired with a refresh token the SDK renews it with', async () => {
      sandbox.writeSsoToken(`${sha1('corp')}.json`, {
        accessToken: 'x', expiresAt: new Date(Date.now() - HOUR).toISOString(),
        refreshToken: 'r', clientId: 'c', clientSecret: 's', registrationExpiresAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      });
      sandbox.writeSsoToken(`${sha1('https://legacy.awsapps.com/start')}.json`, { accessToken: 'x', expiresAt: new Date(Date.now() + HOUR).toISOString() });
      assert.equal((await ssoTokenState(profile('partner-prod'))).state, 'valid');
      assert.equal((await ssoTokenState(profile('legacy-sso'))).state, 'valid');
    });
  });

  describe('the sign-in detector on what the SDK throws', () => {
    const errorOf = async (name: string): Promise<unknown> => {
      try {
        await fromIni({ profile: name, ignoreCache: true })();
      } catch (error) {
        return error;
      }
      assert.fail(`credentials of ${name} resolved`);
    };

    it('asks for sign-in when the token of an sso-session or legacy SSO profile is missing', async () => {
      assert.equal(needsSsoSignIn(await errorOf('partner-prod'), true), true);
      assert.equal(needsSsoSignIn(await errorOf('legacy-sso'), true), true);
    });

    it('asks for sign-in when the cached token expired', async () => {
      const expiresAt = new Date(Date.now() - HOUR).toISOString();
      sandbox.writeSsoToken(`${sha1('corp')}.json`, { accessToken: 'x', expiresAt });
      sandbox.writeSsoToken(`${sha1('https://legacy.awsapps.com/start')}.json`, { accessToken: 'x', expiresAt });
      assert.equal(needsSsoSignIn(await errorOf('partner-prod'), true), true);
      assert.equal(needsSsoSignIn(await errorOf('legacy-sso'), true), true);
    });

    it('does not for other credential errors', async () => {
      assert.equal(needsSsoSignIn(await errorOf('no-such-profile'), false), false);
      assert.equal(needsSsoSignIn(await errorOf('region-only'), false), false);
      const unknownKey = Object.assign(new Error('The security token included in the request is invalid.'), { name: 'UnrecognizedClientException' });
      assert.equal(needsSsoSignIn(unknownKey, true), false);
      const expired = Object.assign(new Error('The security token included in the request is expired'), { name: 'ExpiredTokenException' });
      assert.equal(needsSsoSignIn(expired, true), true, 'expired role credentials of an SSO profile are renewed by signing in');
      assert.equal(needsSsoSignIn(expired, false), false);
    });
  });

  describe('endpoint precedence', () => {
    it('the setting first', async () => {
      process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = 'http://127.0.0.1:1';
      assert.deepEqual(await resolveEndpoint({ endpoint: 'http://127.0.0.1:2', profile: 'with-endpoint' }), { url: 'http://127.0.0.1:2', source: 'setting' });
    });

    it("then the service's variable, then AWS_ENDPOINT_URL, both before the profile", async () => {
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:3';
      assert.deepEqual(await resolveEndpoint({ profile: 'with-endpoint' }), { url: 'http://127.0.0.1:3', source: 'AWS_ENDPOINT_URL' });
      process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = 'http://127.0.0.1:1';
      assert.deepEqual(await resolveEndpoint({ profile: 'with-endpoint' }), { url: 'http://127.0.0.1:1', source: 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING' });
    });

    it("then the signing profile's services section, then its endpoint_url, then the service default", async () => {
      assert.deepEqual(await resolveEndpoint({ profile: 'with-services' }), { url: 'http://127.0.0.1:9001', source: 'profile' });
      assert.deepEqual(await resolveEndpoint({ profile: 'with-endpoint' }), { url: 'http://127.0.0.1:9003', source: 'profile' });
      assert.deepEqual(await resolveEndpoint({ profile: 'keys' }), { source: 'default' });
    });

    it('none of the configured ones when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', async () => {
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:3';
      process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'true';
      assert.deepEqual(await resolveEndpoint({ profile: 'with-endpoint' }), { source: 'default' });
    });

    it("none of the configured ones when the profile's ignore_configured_endpoint_urls is true, unless the variable says false", async () => {
      process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:3';
      assert.deepEqual(await resolveEndpoint({ profile: 'ignoring' }), { source: 'default' });
      process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS = 'false';
      assert.deepEqual(await resolveEndpoint({ profile: 'ignoring' }), { url: 'http://127.0.0.1:3', source: 'AWS_ENDPOINT_URL' });
      assert.deepEqual(await resolveEndpoint({ endpoint: 'http://127.0.0.1:2', profile: 'ignoring' }), { url: 'http://127.0.0.1:2', source: 'setting' });
    });
  });
});

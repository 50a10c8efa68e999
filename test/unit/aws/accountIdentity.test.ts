import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { resolveAccountIdentity } from '../../../src/aws/accountIdentity';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { listProspectingTasks } from '../../../src/aws/prospectingTasks';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';

const SECOND_KEY_PAIR = { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' };
const LIST = 'ListProspectingFromEngagementTasks';

describe('Account identity: where requests go and who signs them, as the SDK resolves them', function () {
  this.timeout(30_000);
  let viaEnvironment: TestEmulator;
  let viaOption: TestEmulator;
  let restoreEnvironment: () => void;
  let folder: string;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    [viaEnvironment, viaOption] = await Promise.all([
      startTestEmulator({ throttle: false, credentials: [DEFAULT_CREDENTIALS, SECOND_KEY_PAIR] }),
      startTestEmulator({ throttle: false }),
    ]);
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-identity-'));
  });
  after(async () => {
    await Promise.all([viaEnvironment.close(), viaOption.close()]);
    restoreEnvironment();
    fs.rmSync(folder, { recursive: true, force: true });
  });
  afterEach(() => {
    delete process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING;
    delete process.env.AWS_ENDPOINT_URL;
    delete process.env.AWS_PROFILE;
    process.env.AWS_ACCESS_KEY_ID = DEFAULT_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_CREDENTIALS.secretAccessKey;
  });

  /** The identity of a client made from `settings`, and the emulator its first call actually reached. */
  async function identityAndTarget(settings: { endpoint?: string; profile?: string }) {
    const client = createPartnerCentralClient(settings);
    try {
      const identity = await resolveAccountIdentity(client);
      const before = await Promise.all([viaEnvironment.counts(), viaOption.counts()]);
      await listProspectingTasks(client, { catalog: 'Sandbox' });
      const after = await Promise.all([viaEnvironment.counts(), viaOption.counts()]);
      const reached = [viaEnvironment, viaOption].filter((_, i) => (after[i].requestsPerOperation[LIST] ?? 0) > (before[i].requestsPerOperation[LIST] ?? 0));
      assert.equal(reached.length, 1);
      return { identity, reached: reached[0].endpoint };
    } finally {
      client.destroy();
    }
  }

  it('the service-specific environment variable, the generic one, and the client option each name the endpoint the calls reach', async () => {
    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = viaEnvironment.endpoint;
    process.env.AWS_ENDPOINT_URL = viaOption.endpoint;
    const fromServiceVariable = await identityAndTarget({});
    assert.equal(fromServiceVariable.reached, viaEnvironment.endpoint);
    assert.equal(fromServiceVariable.identity.endpoint, `${viaEnvironment.endpoint}/`);

    delete process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING;
    const fromGenericVariable = await identityAndTarget({});
    assert.equal(fromGenericVariable.identity.endpoint, `${viaOption.endpoint}/`);
    assert.equal(fromGenericVariable.reached, viaOption.endpoint);

    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = viaEnvironment.endpoint;
    const fromOption = await identityAndTarget({ endpoint: viaOption.endpoint });
    assert.equal(fromOption.identity.endpoint, `${viaOption.endpoint}/`, 'the setting wins over the environment');
    assert.equal(fromOption.reached, viaOption.endpoint);
    assert.notEqual(fromOption.identity.key, fromServiceVariable.identity.key, 'two endpoints, two identities');
  });

  it("a profile's endpoint_url names the endpoint, and its key pair the principal", async () => {
    const config = path.join(folder, 'config');
    fs.writeFileSync(config, `[profile emulated]\nendpoint_url = ${viaEnvironment.endpoint}\nregion = us-east-1\naws_access_key_id = ${SECOND_KEY_PAIR.accessKeyId}\naws_secret_access_key = ${SECOND_KEY_PAIR.secretAccessKey}\n`);
    process.env.AWS_CONFIG_FILE = config;
    process.env.AWS_PROFILE = 'emulated';
    try {
      const viaProfile = await identityAndTarget({ profile: 'emulated' });
      assert.equal(viaProfile.identity.endpoint, `${viaEnvironment.endpoint}/`);
      assert.equal(viaProfile.reached, viaEnvironment.endpoint);
      delete process.env.AWS_PROFILE;
      process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = viaEnvironment.endpoint;
      const viaEnvironmentKeys = await identityAndTarget({});
      assert.equal(viaEnvironmentKeys.identity.endpoint, viaProfile.identity.endpoint);
      assert.notEqual(viaEnvironmentKeys.identity.principal, viaProfile.identity.principal, 'another key pair, another identity');
    } finally {
      process.env.AWS_CONFIG_FILE = path.join(os.tmpdir(), 'partner-central-tests-no-such-file');
    }
  });

  it('two key pairs at one endpoint are two identities, named by a hash and never by the key itself', async () => {
    const first = await identityAndTarget({ endpoint: viaEnvironment.endpoint });
    process.env.AWS_ACCESS_KEY_ID = SECOND_KEY_PAIR.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = SECOND_KEY_PAIR.secretAccessKey;
    const second = await identityAndTarget({ endpoint: viaEnvironment.endpoint });
    assert.equal(first.identity.resolved, true);
    assert.equal(second.identity.resolved, true);
    assert.notEqual(first.identity.key, second.identity.key);
    assert.match(first.identity.principal ?? '', /^key-[0-9a-f]{16}$/);
    for (const identity of [first.identity, second.identity]) {
      const text = JSON.stringify(identity);
      assert.ok(!text.includes(DEFAULT_CREDENTIALS.accessKeyId) && !text.includes(SECOND_KEY_PAIR.accessKeyId), 'no access key ID');
      assert.ok(!text.includes(DEFAULT_CREDENTIALS.secretAccessKey) && !text.includes(SECOND_KEY_PAIR.secretAccessKey), 'no secret');
    }
  });

  it('without credentials the identity is unresolved and says why', async () => {
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    const client = createPartnerCentralClient({ endpoint: viaOption.endpoint, profile: 'no-such-profile' });
    try {
      const identity = await resolveAccountIdentity(client);
      assert.equal(identity.resolved, false);
      assert.equal(identity.principal, undefined);
      assert.equal(identity.endpoint, `${viaOption.endpoint}/`);
      assert.match(identity.problem ?? '', /credentials/i);
      assert.match(identity.key, / unresolved$/);
    } finally {
      client.destroy();
      delete process.env.AWS_EC2_METADATA_DISABLED;
    }
  });
});

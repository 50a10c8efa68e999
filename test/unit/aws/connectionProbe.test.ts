import * as assert from 'node:assert/strict';
import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { observeCallOutcomes, probeConnection } from '../../../src/aws/connectionProbe';
import { listProspectingTasks, startProspectingTask } from '../../../src/aws/prospectingTasks';
import { buildConnectionReport } from '../../../src/core/connection/connectionReport';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useSharedFilesSandbox, type SharedFilesSandbox } from './sharedFilesSandbox';

describe('Test Connection probe against the emulator', function () {
  this.timeout(30_000);
  let emulator: TestEmulator;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, taskDurationSeconds: 0 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('reads each catalog once, with the key that signed and the endpoint the requests went to', async () => {
    const [engagement] = await emulator.engagements('Sandbox', { limit: 1, failing: false });
    const client = emulator.client();
    await startProspectingTask(client, { catalog: 'Sandbox', clientToken: 'probe-test', identifiers: [engagement], taskName: 'probe' });
    const probe = await probeConnection(client, ['Sandbox', 'AWS']);
    assert.equal(probe.accessKeyId, DEFAULT_CREDENTIALS.accessKeyId);
    assert.equal(probe.requestedUrl, emulator.endpoint.replace(/\/$/, ''));
    assert.deepEqual(probe.catalogs.map((c) => [c.catalog, c.error, c.tasks]), [['Sandbox', undefined, 1], ['AWS', undefined, 0]]);
    assert.equal((await emulator.counts()).requestsPerOperation.ListProspectingFromEngagementTasks, 2);
    const report = buildConnectionReport({ region: 'us-east-1', endpoint: { url: emulator.endpoint, source: 'setting' }, ...probe });
    assert.equal(report.ok, true);
    assert.equal(report.accountId, '123456789012');
  });

  it("answers each catalog's failure instead of throwing", async () => {
    const client = emulator.client({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' }, maxAttempts: 1 });
    const probe = await probeConnection(client, ['Sandbox', 'AWS']);
    assert.equal(probe.accessKeyId, 'AKIAUNKNOWNKEY000000');
    assert.deepEqual(probe.catalogs.map((c) => [c.catalog, (c.error as Error | undefined)?.name]), [['Sandbox', 'UnrecognizedClientException'], ['AWS', 'UnrecognizedClientException']]);
    const report = buildConnectionReport({ region: 'us-east-1', endpoint: { url: emulator.endpoint, source: 'setting' }, ...probe });
    assert.match(report.summary, /^Connection test failed .*Sandbox ✗ AWS does not recognise these credentials; AWS ✗ AWS does not recognise these credentials$/);
  });

  it('tells the outcome of every call made through an observed client, once per call', async () => {
    const outcomes: string[] = [];
    const good = emulator.client();
    observeCallOutcomes(good, (outcome) => outcomes.push(outcome.ok ? 'ok' : (outcome.error as Error).name));
    observeCallOutcomes(good, () => outcomes.push('observed twice'));
    await listProspectingTasks(good, { catalog: 'Sandbox' });
    const bad = emulator.client({ credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'x' } });
    observeCallOutcomes(bad, (outcome) => outcomes.push(outcome.ok ? 'ok' : (outcome.error as Error).name));
    await assert.rejects(listProspectingTasks(bad, { catalog: 'Sandbox' }));
    assert.deepEqual(outcomes, ['ok', 'UnrecognizedClientException']);
  });

  describe('where the SDK alone takes endpoint_url from', () => {
    let sandbox: SharedFilesSandbox;
    beforeEach(() => {
      sandbox = useSharedFilesSandbox();
    });
    afterEach(() => sandbox.restore());

    // Why resolveEndpoint exists: a client given `profile` still reads endpoint_url from AWS_PROFILE or default.
    it("reads the default profile's endpoint_url, not the client's profile's", async () => {
      const keys = `aws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}\n`;
      sandbox.write('config', `[default]\nendpoint_url = ${emulator.endpoint}\n${keys}\n[profile other]\nendpoint_url = http://127.0.0.1:9\n${keys}`);
      const client = new PartnerCentralSellingClient({ region: 'us-east-1', profile: 'other', maxAttempts: 1 });
      try {
        const probe = await probeConnection(client, ['Sandbox']);
        assert.equal(probe.requestedUrl, emulator.endpoint.replace(/\/$/, ''));
      } finally {
        client.destroy();
      }
    });
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createPartnerCentralClient, type PartnerCentralClientSettings } from '../../../src/aws/client';
import { type FailedBatch, launchBatches } from '../../../src/aws/launchBatches';
import { planBatches } from '../../../src/core/batchPlanning';
import { InMemoryPendingLaunchStore } from '../../../src/core/pendingLaunches';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';
import { closedPort } from './silentServer';
import { DENIED_ROLE_ARN, startDenyingSts } from './stsStandIn';

const START = 'StartProspectingFromEngagementTask';

/** Launches two batches and returns the first result and what the token store kept. */
async function launchTwo(settings: PartnerCentralClientSettings, ids: string[]): Promise<{ first: FailedBatch; statuses: string[]; kept: string[]; sent: number }> {
  const client = createPartnerCentralClient({ maxAttempts: 2, attemptTimeoutMs: 2000, ...settings });
  const store = new InMemoryPendingLaunchStore();
  let sent = 0;
  try {
    const results = await launchBatches({
      client,
      catalog: 'Sandbox',
      batches: planBatches(ids, 'Outcome'),
      tokenStore: store,
      sleep: () => Promise.resolve(),
      onProgress: (event) => {
        if (event.type === 'launching') sent++;
      },
    });
    const [first] = results;
    assert.ok(first.status === 'failed', `expected a failure, got ${first.status}`);
    return { first, statuses: results.map((result) => result.status), kept: store.list().map((launch) => launch.clientToken), sent };
  } finally {
    client.destroy();
  }
}

describe('failed Starts: pending only when the request may have reached the service', function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let restoreEnvironment: () => void;
  let ids: string[];

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false });
    ids = await emulator.engagements('Sandbox', { limit: 150, failing: false });
  });
  after(async () => {
    await emulator.close();
    restoreEnvironment();
  });
  beforeEach(() => emulator.reset());

  describe('failures before sending are ordinary failures: token dropped, later batches not attempted', () => {
    const cases: Array<[string, () => Promise<PartnerCentralClientSettings>, RegExp]> = [
      ['connection refused', async () => ({ endpoint: `http://127.0.0.1:${await closedPort()}` }), /^network$/],
      ['an unknown host (DNS)', async () => ({ endpoint: 'http://no-such-host.invalid' }), /^network$/],
      ['an invalid region', async () => ({ endpoint: emulator.endpoint, region: 'not a region!' }), /^config$/],
      ['an invalid endpoint URL', async () => ({ endpoint: 'partnercentral dot example' }), /^config$/],
      ['no credentials', async () => {
        delete process.env.AWS_ACCESS_KEY_ID;
        delete process.env.AWS_SECRET_ACCESS_KEY;
        return { endpoint: emulator.endpoint };
      }, /^auth$/],
    ];
    for (const [label, settings, kind] of cases) {
      it(label, async () => {
        const restore = useEmulatorCredentialsFromEnvironment();
        try {
          const { first, statuses, kept, sent } = await launchTwo(await settings(), ids);
          assert.match(first.error.kind, kind, JSON.stringify(first.error));
          assert.equal(first.outcomeUnknown, false, `${label} is not an unknown outcome: ${JSON.stringify(first.error)}`);
          assert.deepEqual(kept, [], 'the token is not kept');
          assert.deepEqual(statuses, ['failed', 'skipped'], 'a failure every batch would repeat stops the rest');
          assert.equal(sent, 1);
          assert.doesNotMatch(first.error.title, /unknown|Unexpected/i);
        } finally {
          restore();
        }
      });
    }
  });

  it('an AssumeRole denied by STS (before anything reaches Partner Central)', async () => {
    const sts = await startDenyingSts();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'partner-central-role-'));
    const restore = useEmulatorCredentialsFromEnvironment();
    try {
      fs.writeFileSync(path.join(directory, 'config'), `[profile partner-role]\nrole_arn = ${DENIED_ROLE_ARN}\nsource_profile = base\n`);
      fs.writeFileSync(path.join(directory, 'credentials'), '[base]\naws_access_key_id = AKIAEXAMPLEBASE00001\naws_secret_access_key = base-secret\n');
      process.env.AWS_CONFIG_FILE = path.join(directory, 'config');
      process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(directory, 'credentials');
      process.env.AWS_ENDPOINT_URL_STS = sts.endpoint;
      const { first, statuses, kept } = await launchTwo({ endpoint: emulator.endpoint, profile: 'partner-role' }, ids);
      assert.equal(first.error.authCase, 'assumeRoleDenied', JSON.stringify(first.error));
      assert.equal(first.outcomeUnknown, false);
      assert.deepEqual(kept, []);
      assert.deepEqual(statuses, ['failed', 'skipped']);
      assert.equal((await emulator.counts()).requestsPerOperation[START] ?? 0, 0, 'nothing reached Partner Central');
    } finally {
      delete process.env.AWS_ENDPOINT_URL_STS;
      restore();
      await sts.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a 5xx on every attempt leaves the outcome unknown: the token is kept', async () => {
    await emulator.injectFault({ operation: START, fault: 'internal', count: 2 });
    const { first, kept } = await launchTwo({ endpoint: emulator.endpoint }, ids.slice(0, 10));
    assert.equal(first.error.kind, 'serverError');
    assert.equal(first.outcomeUnknown, true);
    assert.deepEqual(kept, [first.clientToken]);
  });

  it('a connection dropped after sending leaves the outcome unknown: the token is kept', async () => {
    await emulator.injectFault({ operation: START, fault: 'drop', count: 2 });
    const { first, kept } = await launchTwo({ endpoint: emulator.endpoint }, ids.slice(0, 10));
    assert.equal(first.outcomeUnknown, true, JSON.stringify(first.error));
    assert.deepEqual(kept, [first.clientToken]);
    assert.equal((await emulator.counts()).tasksPerClientToken[first.clientToken], 1, 'the dropped Start did create the task');
  });

  it('an unreadable answer leaves the outcome unknown: the token is kept', async () => {
    await emulator.injectFault({ operation: START, fault: 'malformed', count: 2 });
    const { first, kept } = await launchTwo({ endpoint: emulator.endpoint }, ids.slice(0, 10));
    assert.equal(first.outcomeUnknown, true, JSON.stringify(first.error));
    assert.deepEqual(kept, [first.clientToken]);
  });

  it('a retry that fails before sending does not hide an earlier attempt that reached the service', async () => {
    // Attempt 1 is read and its connection dropped; the server then stops listening, so attempt 2 is refused.
    const server = http.createServer((request) => {
      request.resume();
      request.on('end', () => {
        request.socket.destroy();
        server.close();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { first, kept } = await launchTwo({ endpoint }, ids.slice(0, 10));
    assert.equal(first.error.kind, 'network', JSON.stringify(first.error));
    assert.match(first.error.detail, /ECONNREFUSED/, 'the last attempt was refused');
    assert.equal(first.outcomeUnknown, true);
    assert.deepEqual(kept, [first.clientToken]);
  });

  it('a refusal by the service (4xx) is a known outcome: the token is dropped', async () => {
    await emulator.injectFault({ operation: START, fault: 'accessDenied', count: 1 });
    const { first, kept } = await launchTwo({ endpoint: emulator.endpoint }, ids.slice(0, 10));
    assert.equal(first.error.kind, 'accessDenied');
    assert.equal(first.outcomeUnknown, false);
    assert.deepEqual(kept, []);
  });
});

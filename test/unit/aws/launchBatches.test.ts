import * as assert from 'node:assert/strict';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { type BatchLaunchResult, launchBatches, type StartedBatch } from '../../../src/aws/launchBatches';
import { planBatches } from '../../../src/core/batchPlanning';
import { InMemoryPendingLaunchStore } from '../../../src/core/pendingLaunches';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';

const START = 'StartProspectingFromEngagementTask';

function started(results: BatchLaunchResult[]): StartedBatch[] {
  return results.filter((result): result is StartedBatch => result.status === 'started');
}

describe('launchBatches against the emulator', function () {
  this.timeout(60_000);
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let restoreEnvironment: () => void;
  let ids: string[];

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false });
    client = createPartnerCentralClient({ endpoint: emulator.endpoint, maxAttempts: 5 });
    ids = await emulator.engagements('Sandbox', { limit: 250, failing: false });
    assert.equal(ids.length, 250);
  });
  after(async () => {
    client.destroy();
    await emulator.close();
    restoreEnvironment();
  });
  beforeEach(() => emulator.reset());

  it('creates exactly one task per batch when Start responses are dropped or fail with 500', async () => {
    await emulator.injectFault({ operation: START, fault: 'drop', count: 2 });
    await emulator.injectFault({ operation: START, fault: 'internal', count: 2 });
    const store = new InMemoryPendingLaunchStore();
    const results = await launchBatches({ client, catalog: 'Sandbox', batches: planBatches(ids.slice(0, 150), 'Faulty'), tokenStore: store });

    assert.deepEqual(results.map((result) => result.status), ['started', 'started']);
    const counts = await emulator.counts();
    for (const result of started(results)) assert.equal(counts.tasksPerClientToken[result.clientToken], 1);
    assert.equal(counts.tasksPerCatalog.Sandbox, 2);
    assert.ok(counts.requestsPerOperation[START] >= 6, `Start requests: ${counts.requestsPerOperation[START]}`);
    assert.deepEqual(store.list(), [], 'no pending launch left once outcomes are known');
  });

  it('has each ClientToken saved before the first attempt, and sends it on every attempt', async () => {
    const store = new InMemoryPendingLaunchStore();
    const watched = createPartnerCentralClient({ endpoint: emulator.endpoint, maxAttempts: 3 });
    const attempts: Array<{ token: string | undefined; saved: string[] }> = [];
    // The finalizeRequest step runs inside the SDK's retry loop: once per HTTP attempt.
    watched.middlewareStack.add(
      (next) => (args) => {
        attempts.push({ token: (args.input as { ClientToken?: string }).ClientToken, saved: store.list().map((launch) => launch.clientToken) });
        return next(args);
      },
      { step: 'finalizeRequest', name: 'recordAttempts' },
    );
    try {
      await emulator.injectFault({ operation: START, fault: 'internal', count: 1 });
      const results = await launchBatches({ client: watched, catalog: 'Sandbox', batches: planBatches(ids.slice(0, 150), 'Saved first'), tokenStore: store });
      const tokens = started(results).map((result) => result.clientToken);
      assert.equal(tokens.length, 2);
      assert.deepEqual(attempts.map((attempt) => attempt.token), [tokens[0], tokens[0], tokens[1]]);
      for (const attempt of attempts) assert.ok(attempt.token && attempt.saved.includes(attempt.token), `token not saved before sending: ${JSON.stringify(attempt)}`);
      assert.deepEqual(store.list(), []);
    } finally {
      watched.destroy();
    }
  });

  it('turns 250 IDs into exactly 3 tasks despite injected faults', async () => {
    // Faults are consumed first in, first out: give each batch its own, injected while launchBatches paces.
    const faultsBeforeBatch = [
      [{ fault: 'drop' as const }, { fault: 'internal' as const }],
      [{ fault: 'internal' as const }, { fault: 'drop' as const }],
      [{ fault: 'throttle' as const }, { fault: 'drop' as const }],
    ];
    const inject = async (faults: Array<{ fault: 'drop' | 'internal' | 'throttle' }>): Promise<void> => {
      for (const { fault } of faults) await emulator.injectFault({ operation: START, fault, count: 1 });
    };
    await inject(faultsBeforeBatch[0]);
    let nextBatch = 1;
    const results = await launchBatches({
      client,
      catalog: 'Sandbox',
      batches: planBatches(ids, 'Two hundred fifty'),
      tokenStore: new InMemoryPendingLaunchStore(),
      sleep: async (ms) => {
        await inject(faultsBeforeBatch[nextBatch++]);
        await new Promise((resolve) => setTimeout(resolve, ms));
      },
    });

    const tasks = started(results);
    assert.equal(tasks.length, 3);
    assert.deepEqual(tasks.map((started) => started.task.totalCount), [100, 100, 50]);
    assert.deepEqual(tasks.flatMap((started) => started.task.identifiers ?? []), ids);
    assert.equal(new Set(tasks.map((started) => started.task.taskId)).size, 3);
    const counts = await emulator.counts();
    console.log(`      emulator counts after the faulty 250-ID launch: ${JSON.stringify(counts)}`);
    assert.equal(counts.tasksPerCatalog.Sandbox, 3);
    assert.deepEqual(Object.values(counts.tasksPerClientToken), [1, 1, 1]);
    assert.equal(counts.requestsPerOperation[START], 9, 'each batch: two faults, then success');
  });

  it('retries a pending launch (lost response, then a reload) with the same token and creates no second task', async () => {
    const batches = planBatches(ids.slice(0, 10), 'Reloaded');
    const store = new InMemoryPendingLaunchStore();
    const fewAttempts = createPartnerCentralClient({ endpoint: emulator.endpoint, maxAttempts: 2 });
    try {
      // Every attempt reaches the server (the task is created) but no response comes back.
      await emulator.injectFault({ operation: START, fault: 'drop', count: 2 });
      const [lost] = await launchBatches({ client: fewAttempts, catalog: 'Sandbox', batches, tokenStore: store });
      assert.equal(lost.status, 'failed');
      assert.ok(lost.status === 'failed' && lost.outcomeUnknown);
      assert.equal(lost.status === 'failed' && lost.error.kind, 'network');
      assert.equal(store.list().length, 1, 'the token survives for a retry');
      const token = store.list()[0].clientToken;

      // "After a window reload": a new launch of the same batch, with the persisted store.
      const reloadedStore = new InMemoryPendingLaunchStore(store.list());
      const [retried] = await launchBatches({ client, catalog: 'Sandbox', batches, tokenStore: reloadedStore, newClientToken: () => assert.fail('no new token expected') });
      assert.equal(retried.status, 'started');
      assert.ok(retried.status === 'started' && retried.reusedToken);
      assert.equal(retried.status === 'started' && retried.clientToken, token);
      assert.deepEqual(reloadedStore.list(), []);
      const counts = await emulator.counts();
      assert.equal(counts.tasksPerCatalog.Sandbox, 1);
      assert.equal(counts.tasksPerClientToken[token], 1);
    } finally {
      fewAttempts.destroy();
    }
  });

  it('skips the remaining batches when cancelled after batch 1', async () => {
    const controller = new AbortController();
    const events: string[] = [];
    const results = await launchBatches({
      client,
      catalog: 'Sandbox',
      batches: planBatches(ids, 'Cancelled'),
      tokenStore: new InMemoryPendingLaunchStore(),
      signal: controller.signal,
      onProgress: (event) => {
        events.push(event.type);
        if (event.type === 'done' && event.completed === 1) controller.abort();
      },
    });
    assert.deepEqual(results.map((result) => result.status), ['started', 'skipped', 'skipped']);
    assert.deepEqual(results.slice(1).map((result) => result.status === 'skipped' && result.reason), ['cancelled', 'cancelled']);
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 1);
    assert.deepEqual(events, ['launching', 'done', 'done', 'done']);
  });

  it('explains ResourceNotFound with the missing IDs, and creates nothing', async () => {
    const missing = ['eng-zzzzzzzzzzzzz1', 'eng-zzzzzzzzzzzzz2'];
    const store = new InMemoryPendingLaunchStore();
    const [result] = await launchBatches({ client, catalog: 'Sandbox', batches: planBatches([ids[0], ...missing], 'Missing'), tokenStore: store });
    assert.equal(result.status, 'failed');
    if (result.status !== 'failed') return;
    assert.equal(result.error.kind, 'notFound');
    assert.deepEqual([...(result.error.missingIds ?? [])].sort(), missing);
    assert.equal(result.outcomeUnknown, false);
    assert.deepEqual(store.list(), [], 'a definitive failure drops the token');
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 0);
  });

  it('paces launches at most 2 per second', async () => {
    const launchedAt: number[] = [];
    await launchBatches({
      client,
      catalog: 'Sandbox',
      batches: planBatches(ids.slice(0, 40), 'Paced', 10),
      tokenStore: new InMemoryPendingLaunchStore(),
      onProgress: (event) => {
        if (event.type === 'launching') launchedAt.push(Date.now());
      },
    });
    assert.equal(launchedAt.length, 4);
    for (let i = 1; i < launchedAt.length; i++) assert.ok(launchedAt[i] - launchedAt[i - 1] >= 495, `gap ${launchedAt[i] - launchedAt[i - 1]}`);
  });
});

describe('launchBatches when a quota is used up', () => {
  it('stops: the remaining batches are skipped, not sent into the same refusal', async () => {
    let sent = 0;
    const refusing = {
      send: async () => {
        sent++;
        throw Object.assign(new Error('Daily quota of StartProspectingFromEngagementTask reached'), { name: 'ServiceQuotaExceededException', $metadata: { httpStatusCode: 402 } });
      },
    } as unknown as PartnerCentralSellingClient;
    const ids = Array.from({ length: 250 }, (_, i) => `eng-${String(i).padStart(14, '0')}`);
    const results = await launchBatches({ client: refusing, catalog: 'Sandbox', batches: planBatches(ids, 'Quota'), tokenStore: new InMemoryPendingLaunchStore(), sleep: async () => undefined });
    assert.deepEqual(results.map((result) => result.status), ['failed', 'skipped', 'skipped']);
    assert.equal(sent, 1);
    const [first] = results;
    assert.ok(first.status === 'failed' && first.error.kind === 'quotaExceeded');
  });
});

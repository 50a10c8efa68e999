import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import { ListEngagementsCommand, StartProspectingFromEngagementTaskCommand } from '@aws-sdk/client-partnercentral-selling';
import { QuotaLimiter } from '../../../src/emulator/quotas';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';

describe('emulator: quotas', () => {
  let emulator: TestEmulator;
  let ids: string[];
  // Burst tests stop the buckets' clock: on a busy machine a burst can take longer than one token's refill
  // (100 ms at 10/s), which would let one request too many through.
  let frozenAt: number | undefined;

  before(async () => {
    emulator = await startTestEmulator({ engagementsPerCatalog: 20, quotaClock: () => frozenAt ?? performance.now() });
    ids = await emulator.engagements('Sandbox', { limit: 2 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());
  afterEach(() => {
    frozenAt = undefined;
  });

  it('throttles a burst of Starts beyond 2/s (maxAttempts 1 sees ThrottlingException)', async () => {
    frozenAt = performance.now();
    const client = emulator.client({ maxAttempts: 1 });
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: `burst ${i}` }))),
    );
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(results.length - rejected.length, 2);
    assert.ok(rejected.every((r) => (r.reason as Error).name === 'ThrottlingException'));
    await expectError(client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'again' })), 'ThrottlingException');
  });

  it('lets adaptive retry ride through: 10 Starts in a burst all succeed', async function () {
    this.timeout(20_000);
    const client = emulator.client({ retryMode: 'adaptive', maxAttempts: 10 });
    const outs = await Promise.all(
      Array.from({ length: 10 }, (_, i) => client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: `adaptive ${i}` }))),
    );
    assert.equal(new Set(outs.map((o) => o.TaskId)).size, 10);
    const counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.Sandbox, 10);
    assert.ok(counts.requestsPerOperation.StartProspectingFromEngagementTask > 10, 'some were throttled and retried');
  });

  it('keeps separate buckets per quota: other reads at 10/s', async () => {
    frozenAt = performance.now();
    const client = emulator.client({ maxAttempts: 1 });
    const results = await Promise.allSettled(Array.from({ length: 14 }, () => client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 1 }))));
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
  });

  it('does not throttle with throttle: false', async () => {
    const free = await startTestEmulator({ engagementsPerCatalog: 5, throttle: false });
    try {
      const client = free.client({ maxAttempts: 1 });
      const [id] = await free.engagements('AWS', { limit: 1 });
      const outs = await Promise.all(
        Array.from({ length: 20 }, (_, i) => client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'AWS', Identifiers: [id], TaskName: `free ${i}` }))),
      );
      assert.equal(outs.length, 20);
    } finally {
      await free.close();
    }
  });
});

describe('emulator: QuotaLimiter', () => {
  it('refills each bucket at its rate on its own clock, up to one second of requests', () => {
    let now = 0;
    const limiter = new QuotaLimiter(() => now);
    const takes = (n: number) => Array.from({ length: n }, () => limiter.take('AKIA1', 'StartProspectingFromEngagementTask')).filter(Boolean).length;
    assert.equal(takes(5), 2);
    now += 499;
    assert.equal(takes(1), 0);
    now += 1;
    assert.equal(takes(2), 1);
    now += 60_000;
    assert.equal(takes(5), 2, 'a long pause refills one second of requests, no more');
    assert.equal(limiter.take('AKIA2', 'StartProspectingFromEngagementTask'), true, 'buckets are per access key');
  });
});

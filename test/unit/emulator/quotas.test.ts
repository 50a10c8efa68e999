import * as assert from 'node:assert/strict';
import { ListEngagementsCommand, StartProspectingFromEngagementTaskCommand } from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';

describe('emulator: quotas', () => {
  let emulator: TestEmulator;
  let ids: string[];

  before(async () => {
    emulator = await startTestEmulator({ engagementsPerCatalog: 20 });
    ids = await emulator.engagements('Sandbox', { limit: 2 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  it('throttles a burst of Starts beyond 2/s (maxAttempts 1 sees ThrottlingException)', async () => {
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

import * as assert from 'node:assert/strict';
import { performance } from 'node:perf_hooks';
import {
  GetEngagementCommand,
  ListOpportunityFromEngagementTasksCommand,
  type PartnerCentralSellingClient,
  StartProspectingFromEngagementTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';
import { opportunityCandidates, prospect, startOpportunity } from './opportunitySupport';

describe('emulator: opportunity tasks under the quotas and the control API faults', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let engagements: string[];
  let contexts: Map<string, string>;
  // Burst tests stop the buckets' clock, so a slow machine cannot refill a token in the middle of a burst.
  let frozenAt: number | undefined;

  before(async () => {
    emulator = await startTestEmulator({ engagementsPerCatalog: 40, taskDurationSeconds: 0, quotaClock: () => frozenAt ?? performance.now() });
    client = emulator.client({ maxAttempts: 1 });
    engagements = (await opportunityCandidates(emulator.endpoint, 'Sandbox')).succeeding.slice(0, 8);
  });
  after(() => emulator.close());
  beforeEach(async () => {
    frozenAt = undefined;
    await emulator.reset();
    contexts = await prospect(client, 'Sandbox', engagements);
  });
  afterEach(() => {
    frozenAt = undefined;
  });

  const start = (c: PartnerCentralSellingClient, index: number, ClientToken?: string) =>
    startOpportunity(c, { Catalog: 'Sandbox', Identifier: engagements[index], ContextIdentifier: contexts.get(engagements[index]), ClientToken });

  it('throttles Starts beyond the documented write quota, 1/s, and a throttled Start creates nothing', async () => {
    frozenAt = performance.now();
    const results = await Promise.allSettled([0, 1, 2].map((i) => start(client, i, `burst-${i}`)));
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    assert.equal(results.length - rejected.length, 1);
    for (const r of rejected) {
      assert.equal((r.reason as Error).name, 'ThrottlingException');
      assert.equal((r.reason as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode, 429);
    }
    assert.equal(Object.keys((await emulator.counts()).opportunityTasksPerClientToken).length, 1);
    await expectError(start(client, 3), 'ThrottlingException');

    frozenAt += 999;
    await expectError(start(client, 3), 'ThrottlingException');
    frozenAt += 1;
    assert.ok((await start(client, 3)).TaskId, 'one more token a second later');
    const sandbox = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: [], TaskName: 'other bucket' }));
    assert.ok(sandbox.TaskId, 'prospecting Starts keep their own bucket');
  });

  it('lets adaptive retry ride through the write quota: 3 Starts in a burst all succeed, one task each', async function () {
    this.timeout(20_000);
    const adaptive = emulator.client({ retryMode: 'adaptive', maxAttempts: 10 });
    const outs = await Promise.all([0, 1, 2].map((i) => start(adaptive, i)));
    assert.equal(new Set(outs.map((o) => o.TaskId)).size, 3);
    const counts = await emulator.counts();
    assert.equal(counts.opportunityTasksPerCatalog.Sandbox, 3);
    assert.ok(Object.values(counts.opportunityTasksPerContext).every((n) => n === 1));
  });

  it('counts List against the other reads quota, 10/s, shared with GetEngagement', async () => {
    frozenAt = performance.now();
    const calls = [
      ...Array.from({ length: 6 }, () => client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox' }))),
      ...Array.from({ length: 6 }, () => client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: engagements[0] }))),
    ];
    const results = await Promise.allSettled(calls);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 10);
    assert.ok(results.every((r) => r.status === 'fulfilled' || (r.reason as Error).name === 'ThrottlingException'));
  });

  describe('faults', () => {
    before(async () => {
      await emulator.close();
      emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 40, taskDurationSeconds: 0 });
      client = emulator.client({ maxAttempts: 1 });
    });

    it('drop: the task is created and the answer lost; the SDK retries with the same ClientToken and gets the same task', async () => {
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'drop' });
      const out = await start(emulator.client({ maxAttempts: 3 }), 0);
      assert.equal(out.$metadata.attempts, 2);
      const counts = await emulator.counts();
      assert.equal(counts.requestsPerOperation.StartOpportunityFromEngagementTask, 2);
      assert.deepEqual(Object.values(counts.opportunityTasksPerClientToken), [1]);
      assert.deepEqual(counts.opportunityTasksPerContext, { [`Sandbox/${engagements[0]}/${contexts.get(engagements[0])}`]: 1 });
    });

    it('drop without retries: a network error, yet the task exists; the caller\u2019s retry with its token gets it', async () => {
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'drop' });
      await assert.rejects(start(client, 0, 'lost'), (error: Error) => /socket hang up|ECONNRESET/i.test(`${error.message} ${(error as NodeJS.ErrnoException).code}`));
      assert.deepEqual((await emulator.counts()).opportunityTasksPerClientToken, { lost: 1 });
      const replay = await start(client, 0, 'lost');
      const [listed] = (await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox' }))).TaskSummaries ?? [];
      assert.equal(replay.TaskId, listed.TaskId);
      await expectError(start(client, 0, 'another token'), 'ConflictException');
      assert.deepEqual((await emulator.counts()).opportunityTasksPerClientToken, { lost: 1 });
    });

    it('internal: InternalServerException (500), retried by the SDK; nothing is created while it fails', async () => {
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'internal', count: 3 });
      const error = await expectError(start(client, 0, 'five-hundred'), 'InternalServerException');
      assert.equal(error.$metadata?.httpStatusCode, 500);
      assert.equal((await emulator.counts()).opportunityTasksPerCatalog.Sandbox, 0);
      const out = await start(emulator.client({ maxAttempts: 3 }), 0, 'five-hundred');
      assert.equal(out.$metadata.attempts, 3);
      assert.deepEqual((await emulator.counts()).opportunityTasksPerClientToken, { 'five-hundred': 1 });
    });

    it('throttle and accessDenied: the operation does not run', async () => {
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'throttle' });
      await expectError(start(client, 0), 'ThrottlingException');
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'accessDenied' });
      const denied = await expectError(start(client, 0), 'AccessDeniedException');
      assert.equal(denied.Reason, 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE');
      await emulator.injectFault({ operation: 'ListOpportunityFromEngagementTasks', fault: 'throttle', count: 2 });
      const list = () => client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
      await expectError(list(), 'ThrottlingException');
      await expectError(list(), 'ThrottlingException');
      assert.deepEqual((await list()).TaskSummaries, []);
      assert.equal((await emulator.counts()).opportunityTasksPerCatalog.Sandbox, 0);
    });

    it('delay holds the answer; malformed runs the operation and garbles the answer', async () => {
      await emulator.injectFault({ operation: 'ListOpportunityFromEngagementTasks', fault: 'delay', delayMs: 300 });
      const began = performance.now();
      await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
      assert.ok(performance.now() - began >= 290);
      await emulator.injectFault({ operation: 'StartOpportunityFromEngagementTask', fault: 'malformed' });
      await assert.rejects(start(client, 1, 'garbled'));
      assert.deepEqual((await emulator.counts()).opportunityTasksPerClientToken, { garbled: 1 });
    });
  });
});

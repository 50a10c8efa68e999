import * as assert from 'node:assert/strict';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import * as fc from 'fast-check';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { type OpportunityRunContext, type OpportunityStartResult, runOpportunityStarts } from '../../../src/aws/opportunityRun';
import { listOpportunityTasksByIds } from '../../../src/aws/opportunityTasks';
import { InMemoryPendingOpportunityStore, contextKeyOf } from '../../../src/core/opportunities/pendingOpportunities';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';
import { opportunityCandidates, prospect } from '../emulator/opportunitySupport';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';

const START = 'StartOpportunityFromEngagementTask';
const CATALOG = 'Sandbox';
/** Throttling is off in this emulator: the runs need not wait out the write quota (the paced test has its own). */
const FAST = 5;

function taskIds(results: OpportunityStartResult[]): string[] {
  return results.flatMap((result) => (result.status === 'started' ? [result.task.taskId] : []));
}

describe('runOpportunityStarts against the emulator', function () {
  this.timeout(120_000);
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let engagements: string[];

  const clientFor = (maxAttempts: number): PartnerCentralSellingClient =>
    createPartnerCentralClient({ endpoint: emulator.endpoint, maxAttempts, attemptTimeoutMs: 2000, callTimeoutMs: 20_000 });

  /** Prospects `count` engagements that become opportunities and returns their contexts. */
  async function contexts(count: number): Promise<OpportunityRunContext[]> {
    const byEngagement = new Map<string, string>();
    for (let start = 0; start < count; start += 100) {
      const found = await prospect(client, CATALOG, engagements.slice(start, Math.min(count, start + 100)));
      for (const [engagementId, contextId] of found) byEngagement.set(engagementId, contextId);
    }
    return [...byEngagement].map(([engagementId, contextId]) => ({ engagementId, contextId }));
  }

  async function assertOneTaskPerContext(expected: readonly OpportunityRunContext[]): Promise<void> {
    const counts = await emulator.counts();
    assert.deepEqual(counts.opportunityTasksPerContext, Object.fromEntries(expected.map((context) => [contextKeyOf({ catalog: CATALOG, ...context }), 1])));
  }

  let restoreEnvironment: () => void;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false, taskDurationSeconds: 0, opportunityTaskDurationSeconds: 0, engagementsPerCatalog: 400 });
    client = clientFor(5);
    engagements = (await opportunityCandidates(emulator.endpoint, CATALOG)).succeeding;
    assert.ok(engagements.length >= 30, `engagements that become opportunities: ${engagements.length}`);
  });
  after(async () => {
    client.destroy();
    await emulator.close();
    restoreEnvironment();
  });
  beforeEach(() => emulator.reset());

  it('N contexts make exactly N opportunity tasks when answers are dropped, fail with 500 or are throttled', async () => {
    const wanted = await contexts(12);
    await emulator.injectFault({ operation: START, fault: 'drop', count: 2 });
    await emulator.injectFault({ operation: START, fault: 'internal', count: 2 });
    await emulator.injectFault({ operation: START, fault: 'throttle', count: 3 });
    const store = new InMemoryPendingOpportunityStore();
    const results = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted, tokenStore: store, intervalMs: FAST });

    assert.deepEqual(results.map((result) => result.status), wanted.map(() => 'started'));
    assert.equal(new Set(taskIds(results)).size, wanted.length);
    await assertOneTaskPerContext(wanted);
    const counts = await emulator.counts();
    assert.ok(counts.requestsPerOperation[START] >= wanted.length + 7, `Start requests: ${counts.requestsPerOperation[START]}`);
    assert.deepEqual(store.list(), [], 'no pending start left once every outcome is known');
  });

  it('keeps the token of a start whose answer was lost, and a re-run (as after a reload) re-sends it: the same task, no second one', async () => {
    const wanted = await contexts(5);
    const store = new InMemoryPendingOpportunityStore();
    const twoAttempts = clientFor(2);
    try {
      // The first start's answer is lost on both attempts: its outcome is unknown, and the run stops there.
      await emulator.injectFault({ operation: START, fault: 'drop', count: 2 });
      const first = await runOpportunityStarts({ client: twoAttempts, catalog: CATALOG, contexts: wanted, tokenStore: store, intervalMs: FAST });
      assert.deepEqual(first.map((result) => result.status), ['failed', 'skipped', 'skipped', 'skipped', 'skipped']);
      const lost = first[0];
      assert.ok(lost.status === 'failed' && lost.outcomeUnknown, 'the lost answer leaves the outcome unknown');
      assert.deepEqual(store.list().map((pending) => pending.clientToken), [lost.clientToken], 'its token stays pending');
      assert.equal((await emulator.counts()).opportunityTasksPerClientToken[lost.clientToken], 1, 'the lost start did create its task');

      // A new run object over the same store (as after a reload).
      const second = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted, tokenStore: store, intervalMs: FAST });
      assert.deepEqual(second.map((result) => result.status), wanted.map(() => 'started'));
      assert.ok(second[0].status === 'started' && second[0].reusedToken && second[0].clientToken === lost.clientToken, 'the pending token is re-sent');
      await assertOneTaskPerContext(wanted);
      assert.deepEqual(store.list(), []);
    } finally {
      twoAttempts.destroy();
    }
  });

  it('a reload in the middle (a start aborted in flight, then a new run over the same token store) creates no second task', async () => {
    const wanted = await contexts(4);
    const store = new InMemoryPendingOpportunityStore();
    const reload = new AbortController();
    await emulator.injectFault({ operation: START, fault: 'delay', delayMs: 1500, count: 1 });
    const first = await runOpportunityStarts({
      client,
      catalog: CATALOG,
      contexts: wanted,
      tokenStore: store,
      intervalMs: FAST,
      signal: reload.signal,
      // The first start is held by the emulator (which creates its task after the delay): the window goes away meanwhile.
      onProgress: (event) => {
        if (event.type === 'starting') setTimeout(() => reload.abort(), 300);
      },
    });
    assert.deepEqual(first.map((result) => result.status), ['failed', 'skipped', 'skipped', 'skipped']);
    assert.equal(first[0].status === 'failed' && first[0].error.kind, 'cancelled');
    assert.equal(store.list().length, 1, 'the token of the start in flight stays pending');

    const second = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted, tokenStore: store, intervalMs: FAST });
    assert.deepEqual(second.map((result) => result.status), ['started', 'started', 'started', 'started']);
    await assertOneTaskPerContext(wanted);
  });

  it('names the existing task when a context already has one, and makes none', async () => {
    const wanted = await contexts(2);
    const first = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted.slice(0, 1), tokenStore: new InMemoryPendingOpportunityStore(), intervalMs: FAST });
    const again = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted, tokenStore: new InMemoryPendingOpportunityStore(), intervalMs: FAST });
    assert.equal(again[0].status, 'failed');
    const conflict = again[0].status === 'failed' ? again[0].error : undefined;
    assert.equal(conflict?.kind, 'conflict');
    assert.equal(conflict?.existingTaskId, taskIds(first)[0]);
    assert.match(conflict?.fixes.join(' ') ?? '', new RegExp(`Follow task ${taskIds(first)[0]}`));
    assert.equal(again[1].status, 'started', 'a conflict on one context does not stop the others');
    await assertOneTaskPerContext(wanted);
  });

  it('stops before the next start once cancelled', async () => {
    const wanted = await contexts(6);
    const cancel = new AbortController();
    const results = await runOpportunityStarts({
      client,
      catalog: CATALOG,
      contexts: wanted,
      tokenStore: new InMemoryPendingOpportunityStore(),
      intervalMs: FAST,
      signal: cancel.signal,
      onProgress: (event) => {
        if (event.type === 'done' && event.completed === 2) cancel.abort();
      },
    });
    assert.deepEqual(results.map((result) => result.status), ['started', 'started', 'skipped', 'skipped', 'skipped', 'skipped']);
    assert.equal(Object.keys((await emulator.counts()).opportunityTasksPerContext).length, 2);
  });

  it('follows the tasks with ListOpportunityFromEngagementTasks, 10 task IDs per call', async () => {
    const wanted = await contexts(23);
    const results = await runOpportunityStarts({ client, catalog: CATALOG, contexts: wanted, tokenStore: new InMemoryPendingOpportunityStore(), intervalMs: FAST });
    const before = (await emulator.counts()).requestsPerOperation.ListOpportunityFromEngagementTasks ?? 0;
    const rows = await listOpportunityTasksByIds(client, CATALOG, taskIds(results));
    const after = (await emulator.counts()).requestsPerOperation.ListOpportunityFromEngagementTasks ?? 0;
    assert.equal(after - before, 3, 'ceil(23 / 10) List calls');
    assert.deepEqual(rows.map((row) => row.taskId).sort(), taskIds(results).sort());
    for (const row of rows) {
      assert.equal(row.status, 'COMPLETE');
      assert.match(row.opportunityId ?? '', /^O[0-9]+$/);
      assert.ok(wanted.some((context) => context.engagementId === row.engagementId && context.contextId === row.contextId));
    }
  });

  it('property: under any sequence of drops, 500s and throttling, and re-runs, every context has exactly one task', async function () {
    this.timeout(240_000);
    const FAULTS = ['drop', 'internal', 'throttle'] as const;
    const twoAttempts = clientFor(2);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.record({ fault: fc.constantFrom(...FAULTS), count: fc.integer({ min: 1, max: 3 }) }), { maxLength: 4 }),
          fc.integer({ min: 2, max: 5 }),
          async (faults, size) => {
            await emulator.reset();
            const wanted = await contexts(size);
            for (const fault of faults) await emulator.injectFault({ operation: START, fault: fault.fault, count: fault.count });
            const store = new InMemoryPendingOpportunityStore();
            const first = await runOpportunityStarts({ client: twoAttempts, catalog: CATALOG, contexts: wanted, tokenStore: store, intervalMs: FAST, throttledRetries: 1 });
            const known = new Set(taskIds(first));
            // Re-runs (as the user's "start again" or a reload) take what is not known to exist, until every outcome is known.
            let rest = wanted.filter((_context, index) => first[index].status !== 'started');
            for (let rerun = 0; rest.length > 0 && rerun < 4; rerun++) {
              const again = await runOpportunityStarts({ client, catalog: CATALOG, contexts: rest, tokenStore: store, intervalMs: FAST });
              for (const id of taskIds(again)) known.add(id);
              rest = rest.filter((_context, index) => again[index].status !== 'started');
            }
            assert.deepEqual(rest, [], 'every context started within a few re-runs');
            assert.equal(known.size, wanted.length);
            await assertOneTaskPerContext(wanted);
            assert.deepEqual(store.list(), []);
          },
        ),
        propertyRuns(6),
      );
    } finally {
      twoAttempts.destroy();
    }
  });
});

describe('runOpportunityStarts at the emulator\'s write quota', function () {
  this.timeout(60_000);
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let restoreEnvironment: () => void;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: true, taskDurationSeconds: 0, opportunityTaskDurationSeconds: 0 });
    client = createPartnerCentralClient({ endpoint: emulator.endpoint });
  });
  after(async () => {
    client.destroy();
    await emulator.close();
    restoreEnvironment();
  });

  it('paces the starts to 1 per second: no start is throttled and retried (the benchmark measures the time)', async () => {
    const engagements = (await opportunityCandidates(emulator.endpoint, CATALOG)).succeeding.slice(0, 4);
    const contexts = [...(await prospect(client, CATALOG, engagements))].map(([engagementId, contextId]) => ({ engagementId, contextId }));
    const startedAt: number[] = [];
    const results = await runOpportunityStarts({
      client,
      catalog: CATALOG,
      contexts,
      tokenStore: new InMemoryPendingOpportunityStore(),
      onProgress: (event) => {
        if (event.type === 'starting') startedAt.push(Date.now());
      },
    });
    assert.deepEqual(results.map((result) => result.status), contexts.map(() => 'started'));
    const counts = await emulator.counts();
    assert.equal(counts.requestsPerOperation[START], contexts.length, 'one request per start: none throttled and retried');
    for (let i = 1; i < startedAt.length; i++) assert.ok(startedAt[i] - startedAt[i - 1] >= 1000, `starts ${i - 1} and ${i} ${startedAt[i] - startedAt[i - 1]} ms apart`);
  });
});

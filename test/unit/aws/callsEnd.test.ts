import * as assert from 'node:assert/strict';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { launchBatches } from '../../../src/aws/launchBatches';
import { lookUpEngagementTitles } from '../../../src/aws/engagementTitles';
import { getProspectingTask, listProspectingTasks, startProspectingTask } from '../../../src/aws/prospectingTasks';
import { createTaskFetchers, fetchTaskDetails, listRecentTasks } from '../../../src/aws/taskFollowing';
import { planBatches } from '../../../src/core/batchPlanning';
import { explainError } from '../../../src/core/errorExplanations';
import { InMemoryPendingLaunchStore } from '../../../src/core/pendingLaunches';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';
import { startSilentServer, type SilentServer } from './silentServer';

const IDS = ['eng-0123456789abcd', 'eng-0123456789abce'];

async function failureOf(call: () => Promise<unknown>): Promise<{ error: unknown; elapsedMs: number }> {
  const started = performance.now();
  try {
    await call();
  } catch (error) {
    return { error, elapsedMs: performance.now() - started };
  }
  return assert.fail('the call was expected to fail');
}

describe('every call ends, against a server that accepts and never answers', function () {
  this.timeout(20_000);
  let server: SilentServer;
  let restoreEnvironment: () => void;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    server = await startSilentServer();
  });
  after(async () => {
    await server.close();
    restoreEnvironment();
  });

  const ATTEMPTS = 2;
  const ATTEMPT_TIMEOUT_MS = 400;
  const BOUND_MS = ATTEMPTS * ATTEMPT_TIMEOUT_MS + 1000;

  for (const [operation, call] of [
    ['Start', (client: ReturnType<typeof createPartnerCentralClient>) => startProspectingTask(client, { catalog: 'Sandbox', clientToken: 'token-1', identifiers: IDS, taskName: 'Hung' })],
    ['Get', (client: ReturnType<typeof createPartnerCentralClient>) => getProspectingTask(client, { catalog: 'Sandbox', taskId: 'task-0123456789abcd' })],
    ['List', (client: ReturnType<typeof createPartnerCentralClient>) => listProspectingTasks(client, { catalog: 'Sandbox' })],
  ] as const) {
    it(`${operation} fails with an explained timeout within attempts × per-attempt timeout + 1 s`, async () => {
      const client = createPartnerCentralClient({ endpoint: server.endpoint, maxAttempts: ATTEMPTS, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS });
      try {
        const { error, elapsedMs } = await failureOf(() => call(client));
        assert.ok(elapsedMs < BOUND_MS, `${operation} took ${Math.round(elapsedMs)} ms, over ${BOUND_MS} ms`);
        const explanation = explainError(error);
        assert.equal(explanation.kind, 'timeout', JSON.stringify(explanation));
        assert.match(explanation.title, /Partner Central did not answer within 0\.4 s/);
        assert.match(explanation.fixes.join(' '), /proxy, VPN or firewall/);
      } finally {
        client.destroy();
      }
    });
  }

  it('ends a call at its deadline even when each attempt may take longer', async () => {
    const client = createPartnerCentralClient({ endpoint: server.endpoint, maxAttempts: 5, attemptTimeoutMs: 10_000, callTimeoutMs: 500 });
    try {
      const { error, elapsedMs } = await failureOf(() => listProspectingTasks(client, { catalog: 'Sandbox' }));
      assert.ok(elapsedMs < 1500, `took ${Math.round(elapsedMs)} ms`);
      const explanation = explainError(error);
      assert.equal(explanation.kind, 'timeout');
      assert.match(explanation.title, /within 0\.5 s/);
    } finally {
      client.destroy();
    }
  });

  it('a timed-out Start keeps its ClientToken pending: the request was sent, its outcome is unknown', async () => {
    const client = createPartnerCentralClient({ endpoint: server.endpoint, maxAttempts: ATTEMPTS, attemptTimeoutMs: ATTEMPT_TIMEOUT_MS });
    const store = new InMemoryPendingLaunchStore();
    try {
      const [result] = await launchBatches({ client, catalog: 'Sandbox', batches: planBatches(IDS, 'Hung'), tokenStore: store });
      assert.ok(result.status === 'failed', result.status);
      assert.equal(result.error.kind, 'timeout');
      assert.equal(result.outcomeUnknown, true);
      assert.deepEqual(store.list().map((launch) => launch.clientToken), [result.clientToken]);
    } finally {
      client.destroy();
    }
  });

  it('Cancel ends a hung Start within 1 s, its ClientToken still pending, and skips the other batches', async () => {
    const client = createPartnerCentralClient({ endpoint: server.endpoint, maxAttempts: 5, attemptTimeoutMs: 30_000, callTimeoutMs: 60_000 });
    const store = new InMemoryPendingLaunchStore();
    const controller = new AbortController();
    const seenBefore = server.requestsSeen;
    let abortedAt = 0;
    try {
      const ids = Array.from({ length: 150 }, (_, i) => `eng-${String(i).padStart(14, '0')}`);
      const launching = launchBatches({
        client,
        catalog: 'Sandbox',
        batches: planBatches(ids, 'Cancelled'),
        tokenStore: store,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.type !== 'launching') return;
          setTimeout(() => {
            abortedAt = performance.now();
            controller.abort();
          }, 300);
        },
      });
      const results = await launching;
      const elapsedSinceAbort = performance.now() - abortedAt;
      assert.ok(abortedAt > 0 && elapsedSinceAbort < 1000, `ended ${Math.round(elapsedSinceAbort)} ms after the abort`);
      assert.ok(server.requestsSeen > seenBefore, 'the Start reached the server');
      const [first, second] = results;
      assert.ok(first.status === 'failed', first.status);
      assert.equal(first.error.kind, 'cancelled');
      assert.equal(first.outcomeUnknown, true);
      assert.deepEqual(store.list().map((launch) => launch.clientToken), [first.clientToken]);
      assert.ok(second.status === 'skipped' && second.reason === 'cancelled');
    } finally {
      client.destroy();
    }
  });

  it("the task fetchers, the task list and the title look-up end when the caller's signal fires", async () => {
    const client = createPartnerCentralClient({ endpoint: server.endpoint, attemptTimeoutMs: 30_000, callTimeoutMs: 60_000 });
    try {
      const calls: Array<[string, (abortSignal: AbortSignal) => Promise<unknown>]> = [
        ['createTaskFetchers().summaries', (abortSignal) => createTaskFetchers(client, { abortSignal }).summaries('Sandbox', ['task-0123456789abcd'])],
        ['createTaskFetchers().details', (abortSignal) => createTaskFetchers(client, { abortSignal }).details('Sandbox', 'task-0123456789abcd')],
        ['fetchTaskDetails', (abortSignal) => fetchTaskDetails(client, 'Sandbox', 'task-0123456789abcd', { abortSignal })],
        ['listRecentTasks', (abortSignal) => listRecentTasks(client, 'Sandbox', { maxResults: 20 }, { abortSignal })],
        ['lookUpEngagementTitles', (abortSignal) => lookUpEngagementTitles(client, 'Sandbox', IDS, { abortSignal })],
      ];
      for (const [label, call] of calls) {
        const { error, elapsedMs } = await failureOf(() => call(AbortSignal.timeout(200)));
        assert.ok(elapsedMs < 1200, `${label} took ${Math.round(elapsedMs)} ms`);
        assert.equal(explainError(error).kind, 'cancelled', label);
      }
    } finally {
      client.destroy();
    }
  });
});

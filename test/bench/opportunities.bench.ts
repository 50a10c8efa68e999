// Benchmark: Create Opportunities at the write quota, against the local emulator with quotas on.
//   node out/test/bench/opportunities.bench.js           N = 200 prospected contexts
//   node out/test/bench/opportunities.bench.js --quick   N = 10 (CI: checks it still runs)
// Prospects N engagements, then runs runOpportunityStarts (the production client's retry settings) and prints
// the run's time, the write quota's floor (N-1)/rate seconds, and their ratio (target: at most 1.1).
import { createPartnerCentralClient } from '../../src/aws/client';
import { runOpportunityStarts } from '../../src/aws/opportunityRun';
import { WRITE_QUOTA_PER_SECOND, writeQuotaFloorMs } from '../../src/core/opportunities/opportunityPacing';
import { InMemoryPendingOpportunityStore } from '../../src/core/opportunities/pendingOpportunities';
import { GetProspectingFromEngagementTaskCommand, StartProspectingFromEngagementTaskCommand } from '@aws-sdk/client-partnercentral-selling';
import { randomUUID } from 'node:crypto';
import { DEFAULT_CREDENTIALS, listKnownEngagements, startTestEmulator } from '../support/emulator';

const quick = process.argv.includes('--quick');
const N = quick ? 10 : 200;
const TARGET_RATIO = 1.1;
const CATALOG = 'Sandbox';

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  process.env.AWS_ACCESS_KEY_ID = DEFAULT_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_CREDENTIALS.secretAccessKey;
  const emulator = await startTestEmulator({ throttle: true, taskDurationSeconds: 0, opportunityTaskDurationSeconds: 0, engagementsPerCatalog: Math.max(500, N * 3) });
  const client = createPartnerCentralClient({ endpoint: emulator.endpoint });
  try {
    const { engagements } = await listKnownEngagements(emulator.endpoint, CATALOG, { limit: N * 3, failing: false });
    const ids = engagements.filter((engagement) => !engagement.opportunityFailing).map((engagement) => engagement.id).slice(0, N);
    if (ids.length < N) throw new Error(`only ${ids.length} engagements that become opportunities`);

    const contexts: Array<{ engagementId: string; contextId: string }> = [];
    for (let start = 0; start < N; start += 100) {
      if (start > 0) await sleep(500);
      const task = await client.send(
        new StartProspectingFromEngagementTaskCommand({ Catalog: CATALOG, ClientToken: randomUUID(), Identifiers: ids.slice(start, start + 100), TaskName: `Bench ${start}` }),
      );
      const done = await client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: CATALOG, TaskIdentifier: task.TaskId }));
      for (const engagement of done.Engagements ?? []) {
        if (engagement.EngagementIdentifier && engagement.EngagementContextId) contexts.push({ engagementId: engagement.EngagementIdentifier, contextId: engagement.EngagementContextId });
      }
    }
    if (contexts.length !== N) throw new Error(`prospecting gave ${contexts.length} contexts, not ${N}`);
    // The write bucket is full again (it holds one second's worth) before the run begins.
    await sleep(1100);

    console.log(`Creating ${N} opportunities at the write quota (${WRITE_QUOTA_PER_SECOND}/s, quotas on)`);
    const store = new InMemoryPendingOpportunityStore();
    const began = performance.now();
    const results = await runOpportunityStarts({ client, catalog: CATALOG, contexts, tokenStore: store });
    const elapsedMs = performance.now() - began;

    const counts = await emulator.counts();
    const floorMs = writeQuotaFloorMs(N);
    const ratio = elapsedMs / floorMs;
    const started = results.filter((result) => result.status === 'started').length;
    const requests = counts.requestsPerOperation.StartOpportunityFromEngagementTask ?? 0;
    console.log(`  time:   ${(elapsedMs / 1000).toFixed(1)} s`);
    console.log(`  floor:  ${(floorMs / 1000).toFixed(1)} s  ((N-1)/rate)`);
    console.log(`  ratio:  ${ratio.toFixed(3)}x  (target ≤ ${TARGET_RATIO}x)`);
    console.log(`  started ${started}/${N}; Start requests at the emulator: ${requests} (${requests - N} throttled or retried)`);

    const problems: string[] = [];
    if (started !== N) problems.push(`${N - started} contexts not started`);
    const perContext = Object.values(counts.opportunityTasksPerContext);
    if (perContext.length !== N || perContext.some((count) => count !== 1)) problems.push('not exactly one opportunity task per context');
    if (store.list().length > 0) problems.push(`${store.list().length} tokens still pending`);
    if (!quick && ratio > TARGET_RATIO) problems.push(`ratio ${ratio.toFixed(3)} above ${TARGET_RATIO}`);
    for (const problem of problems) console.error(`  PROBLEM: ${problem}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    client.destroy();
    await emulator.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);

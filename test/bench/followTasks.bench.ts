// Benchmark: what following prospecting tasks costs, against the local emulator with quotas on.
//   node out/test/bench/followTasks.bench.js           20 tasks × 100 engagements, 60 s each
//   node out/test/bench/followTasks.bench.js --quick   3 tasks × 10 engagements, 3 s each (CI: checks it still runs)
// Starts the tasks 2 per second (Start's quota), follows them with the real Poller + pollCatalog + fetchers on
// the system clock until all have finished, then prints List/Get calls, polls, and how long after each task's
// EndTime the poller saw it finished.
import { randomUUID } from 'node:crypto';
import { startProspectingTask } from '../../src/aws/prospectingTasks';
import { createTaskFetchers } from '../../src/aws/taskFollowing';
import { systemClock } from '../../src/core/tasks/polling/clock';
import { pollCatalog, type TaskFetchers } from '../../src/core/tasks/polling/pollCatalog';
import { Poller } from '../../src/core/tasks/polling/poller';
import { recordFromStart } from '../../src/core/tasks/recordConversion';
import { TaskBook } from '../../src/core/tasks/taskBook';
import { startTestEmulator } from '../support/emulator';

const quick = process.argv.includes('--quick');
const TASKS = quick ? 3 : 20;
const ENGAGEMENTS_PER_TASK = quick ? 10 : 100;
const TASK_SECONDS = quick ? 3 : 60;
const START_SPACING_MS = 500;
const CATALOG = 'Sandbox';

interface CountingFetchers extends TaskFetchers {
  listCalls: number;
  getCalls: number;
}

function counting(inner: TaskFetchers): CountingFetchers {
  const fetchers: CountingFetchers = {
    listCalls: 0,
    getCalls: 0,
    summaries: (catalog, ids) => {
      fetchers.listCalls++;
      return inner.summaries(catalog, ids);
    },
    details: (catalog, id) => {
      fetchers.getCalls++;
      return inner.details(catalog, id);
    },
  };
  return fetchers;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<number> {
  const emulator = await startTestEmulator({
    taskDurationSeconds: TASK_SECONDS,
    throttle: true,
    engagementsPerCatalog: Math.max(500, TASKS * ENGAGEMENTS_PER_TASK + 100),
  });
  // The production client's retry settings (createPartnerCentralClient), with the emulator's key pair.
  const client = emulator.client({ retryMode: 'adaptive', maxAttempts: 5 });
  const book = new TaskBook();
  const fetchers = counting(createTaskFetchers(client));
  const seenDelaysMs = new Map<string, number>();
  let polls = 0;
  let pollErrors = 0;
  let changes = 0;
  let resolveAllFinished: () => void = () => undefined;
  const allFinished = new Promise<void>((resolve) => (resolveAllFinished = resolve));

  const poller = new Poller({
    clock: systemClock,
    hasActiveWork: () => book.active(CATALOG).length > 0,
    onError: (error) => {
      pollErrors++;
      console.log(`  poll failed: ${(error as Error).name}: ${(error as Error).message}`);
    },
    poll: async () => {
      polls++;
      const found = await pollCatalog(book, CATALOG, fetchers);
      const seenAt = Date.now();
      changes += found.length;
      for (const change of found) {
        if (change.finished && change.task.endTime) seenDelaysMs.set(change.task.taskId, seenAt - Date.parse(change.task.endTime));
      }
      if (seenDelaysMs.size === TASKS) resolveAllFinished();
      return { changed: found.length > 0 };
    },
  });

  try {
    const ids = await emulator.engagements(CATALOG, { limit: TASKS * ENGAGEMENTS_PER_TASK });
    if (ids.length < TASKS * ENGAGEMENTS_PER_TASK) throw new Error(`only ${ids.length} engagements`);
    console.log(`Following ${TASKS} tasks × ${ENGAGEMENTS_PER_TASK} engagements, ${TASK_SECONDS} s each (quotas on)`);
    const began = Date.now();
    for (let i = 0; i < TASKS; i++) {
      if (i > 0) await sleep(START_SPACING_MS);
      const output = await startProspectingTask(client, {
        catalog: CATALOG,
        clientToken: randomUUID(),
        identifiers: ids.slice(i * ENGAGEMENTS_PER_TASK, (i + 1) * ENGAGEMENTS_PER_TASK),
        taskName: `Bench ${i + 1}`,
      });
      book.upsert([recordFromStart(output, CATALOG)]);
      poller.kick();
    }
    console.log(`  started in ${((Date.now() - began) / 1000).toFixed(1)} s`);

    const deadlineMs = (TASK_SECONDS + 120) * 1000;
    const timedOut = await Promise.race([allFinished.then(() => false), sleep(deadlineMs).then(() => true)]);
    if (timedOut) throw new Error(`not all tasks finished within ${deadlineMs / 1000} s: ${seenDelaysMs.size}/${TASKS}`);
    const elapsedS = (Date.now() - began) / 1000;
    // The poller stops by itself once nothing is active.
    await sleep(50);
    const stillPolling = poller.polling;

    const incomplete = book.list(CATALOG).filter((task) => task.engagements?.length !== ENGAGEMENTS_PER_TASK);
    const counts = await emulator.counts();
    const delays = [...seenDelaysMs.values()];
    const mean = delays.reduce((sum, delay) => sum + delay, 0) / delays.length;
    const emulatorList = counts.requestsPerOperation.ListProspectingFromEngagementTasks;
    const emulatorGet = counts.requestsPerOperation.GetProspectingFromEngagementTask;

    console.log(`  all finished and seen after ${elapsedS.toFixed(1)} s`);
    console.log(`  polls:                         ${polls} (${pollErrors} failed, ${changes} task changes)`);
    console.log(`  List calls (fetchers):         ${fetchers.listCalls}   emulator requests: ${emulatorList}`);
    console.log(`  Get calls (fetchers):          ${fetchers.getCalls}   emulator requests: ${emulatorGet}`);
    console.log(`  EndTime → seen finished, max:  ${Math.max(...delays)} ms`);
    console.log(`  EndTime → seen finished, mean: ${Math.round(mean)} ms`);
    console.log(`  poller still polling after:    ${stillPolling}`);

    const problems: string[] = [];
    if (fetchers.getCalls !== TASKS) problems.push(`expected ${TASKS} Get calls, made ${fetchers.getCalls}`);
    // The emulator counts SDK retries of throttled calls as requests too: never fewer than the fetchers made.
    if (emulatorList < fetchers.listCalls || emulatorGet < fetchers.getCalls) problems.push('the emulator saw fewer requests than the fetchers made');
    if (incomplete.length > 0) problems.push(`${incomplete.length} tasks without their ${ENGAGEMENTS_PER_TASK} engagements`);
    if (stillPolling) problems.push('the poller kept polling after every task finished');
    for (const problem of problems) console.error(`  PROBLEM: ${problem}`);
    return problems.length === 0 ? 0 : 1;
  } finally {
    poller.dispose();
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

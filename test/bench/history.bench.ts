// The cost of a long task history, in the layout kept until now (one globalState value with every task whole)
// and in the new one (a bounded index and the active tasks in globalState, a results file per finished task).
//   npm run bench:history               100, 1,000 and 5,000 tasks started here, 100 engagements each
//   npm run bench:history -- --quick    50 and 200 tasks (CI: checks it still runs)
// A poll here is the worst one that changes two tasks: both finish, so both get their results file. The new
// layout's bytes written are the two files plus every globalState value of the account (each is written whole).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { outcomesFromTasks } from '../../src/core/editor/engagementOutcomes';
import { OutcomeIndex } from '../../src/core/editor/outcomeIndex';
import { parseStoredTaskRecords } from '../../src/core/tasks/storedRecords';
import type { TaskRecord } from '../../src/core/tasks/taskRecord';
import { MemoryState } from '../../src/ui/session/accountState';
import { AccountHistoryStore, historyKeys } from '../../src/ui/session/storage/accountHistoryStore';
import { TaskResultFiles } from '../../src/ui/session/storage/taskResultFiles';
import { historyOf } from '../support/historyFixture';

const quick = process.argv.includes('--quick');
const SIZES = quick ? [50, 200] : [100, 1000, 5000];
const ENGAGEMENTS = 100;
const ACTIVE = 2;
/** Result files read per step when the outcome index is built at session open: one step must stay short. */
const FILES_PER_STEP = 25;

interface Row { label: string; values: string[] }

function timed<T>(run: () => T): { value: T; ms: number } {
  const began = performance.now();
  const value = run();
  return { value, ms: performance.now() - began };
}

async function timedAsync<T>(run: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const began = performance.now();
  const value = await run();
  return { value, ms: performance.now() - began };
}

function finish(task: TaskRecord): TaskRecord {
  return { ...task, endTime: new Date(Date.parse(task.startTime) + 600_000).toISOString(), engagements: task.engagements?.map((e, i) => (i % 10 === 0 ? { engagementId: e.engagementId, status: 'FAILED' as const, reasonCode: 'ENGAGEMENT_NOT_ELIGIBLE' } : { engagementId: e.engagementId, status: 'COMPLETED' as const, engagementContextId: `ctx-${i}` })) };
}

function hoverMicros(lookup: (id: string) => unknown, ids: readonly string[]): number {
  const rounds = 20_000;
  const began = performance.now();
  for (let i = 0; i < rounds; i++) lookup(ids[(i * 7919) % ids.length]);
  return ((performance.now() - began) * 1000) / rounds;
}

const kb = (bytes: number): string => (bytes >= 1_000_000 ? `${(bytes / 1_000_000).toFixed(1)} MB` : `${(bytes / 1000).toFixed(1)} KB`);
const ms = (value: number): string => `${value.toFixed(value < 10 ? 2 : 0)} ms`;

async function measure(size: number, rows: Row[]): Promise<void> {
  const tasks = historyOf(size, ENGAGEMENTS, ACTIVE);
  const ids = tasks.flatMap((task) => task.identifiers ?? []);
  const polled = tasks.map((task, i) => (i < ACTIVE ? finish(task) : task));

  // Old layout: TaskHistory.save stringifies every task on each change; a session open parses them all.
  const oldWrite = timed(() => JSON.stringify(polled));
  const oldOpen = timed(() => parseStoredTaskRecords(JSON.parse(oldWrite.value)));
  const oldOutcomes = timed(() => outcomesFromTasks(oldOpen.value));

  // New layout: upgraded once; then a poll writes the two results files, the index and the active tasks.
  const folder = mkdtempSync(path.join(tmpdir(), 'pc-history-bench-'));
  try {
    const files = new TaskResultFiles(folder);
    const state = new MemoryState();
    await state.update(historyKeys('bench').legacy, JSON.parse(JSON.stringify(tasks)));
    const upgrade = await timedAsync(() => new AccountHistoryStore(state, 'bench', files).open());
    const store = new AccountHistoryStore(state, 'bench', files);
    await store.open();
    const globalStateBytes = (): number => state.keys().reduce((sum, key) => sum + Buffer.byteLength(JSON.stringify(state.get(key))), 0);
    const newPoll = await timedAsync(async () => (await store.save(polled.slice(0, ACTIVE))) + globalStateBytes());
    const stored = JSON.stringify(Object.fromEntries(state.keys().map((key) => [key, state.get(key)])));
    const newOpen = await timedAsync(() => new AccountHistoryStore(state, 'bench', files).open());
    // The outcome index is built after the tree paints, a few files per step: the longest step is what blocks.
    const outcomeIndex = new OutcomeIndex();
    let longestStep = 0;
    const built = await timedAsync(async () => {
      const finished = polled.filter((task) => task.endTime !== undefined);
      for (let at = 0; at < finished.length; at += FILES_PER_STEP) {
        const step = finished.slice(at, at + FILES_PER_STEP);
        const read = await Promise.all(step.map((task) => files.read(task.catalog, task.taskId)));
        const began = performance.now();
        for (const results of read) if (results) outcomeIndex.add(results);
        longestStep = Math.max(longestStep, performance.now() - began);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });

    rows.push(
      { label: `${size} tasks: globalState bytes`, values: [kb(Buffer.byteLength(oldWrite.value)), kb(Buffer.byteLength(stored))] },
      { label: `${size} tasks: poll changing 2 tasks, bytes written`, values: [kb(Buffer.byteLength(oldWrite.value)), kb(newPoll.value)] },
      { label: `${size} tasks: poll changing 2 tasks, time`, values: [ms(oldWrite.ms), ms(newPoll.ms)] },
      { label: `${size} tasks: open (parse the history / read the index)`, values: [ms(oldOpen.ms), ms(newOpen.ms)] },
      { label: `${size} tasks: upgrade to the new layout, once`, values: ['', ms(upgrade.ms)] },
      { label: `${size} tasks: outcomes built (old: one scan; new: files, longest step)`, values: [ms(oldOutcomes.ms), `${ms(built.ms)} (${ms(longestStep)})`] },
      { label: `${size} tasks: hover look-up`, values: [`${hoverMicros((id) => oldOutcomes.value.get(id), ids).toFixed(2)} µs`, `${hoverMicros((id) => outcomeIndex.outcomeOf(id), ids).toFixed(2)} µs`] },
    );
    const problems = [
      outcomeIndex.size !== oldOutcomes.value.size ? `outcome index holds ${outcomeIndex.size} engagements, the scan ${oldOutcomes.value.size}` : '',
      newOpen.value.length === 0 ? 'the index read back empty' : '',
    ].filter(Boolean);
    if (problems.length > 0) throw new Error(problems.join('; '));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`History of tasks started here, ${ENGAGEMENTS} engagements a task (a tenth failed with a reason)${quick ? ' — quick mode' : ''}`);
  const rows: Row[] = [];
  for (const size of SIZES) await measure(size, rows);
  const width = Math.max(...rows.map((row) => row.label.length));
  console.log(`${''.padEnd(width)} | ${'old layout'.padEnd(14)} | new layout`);
  for (const row of rows) console.log(`${row.label.padEnd(width)} | ${row.values[0].padEnd(14)} | ${row.values[1]}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

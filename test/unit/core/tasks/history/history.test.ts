import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { OutcomeIndex } from '../../../../../src/core/editor/outcomeIndex';
import { outcomesFromTasks } from '../../../../../src/core/editor/engagementOutcomes';
import { decodeIndex, encodeIndex, mergeIndexes, summaryOf } from '../../../../../src/core/tasks/history/recentIndex';
import { joinResults, splitHistory } from '../../../../../src/core/tasks/history/upgrade';
import { parseStoredTaskRecords } from '../../../../../src/core/tasks/storedRecords';
import type { EngagementStatus, TaskRecord } from '../../../../../src/core/tasks/taskRecord';
import { historyOf } from '../../../../support/historyFixture';
import { propertyRuns } from '../../../../support/propertyRuns';

describe('history index', () => {
  it('keeps 5,000 tasks in under 1 MB of JSON, and reads every field back', () => {
    const summaries = historyOf(5000, 1, 3).map(summaryOf);
    const index = encodeIndex(summaries, 5000);
    const bytes = Buffer.byteLength(JSON.stringify(index));
    assert.ok(bytes < 1_000_000, `${bytes} bytes`);
    assert.deepEqual(decodeIndex(JSON.parse(JSON.stringify(index))), summaries);
  });

  it('keeps an ARN of another shape as it is', () => {
    const [usual, other] = historyOf(2, 1, 0).map(summaryOf);
    const odd = { ...other, taskArn: 'arn:aws:partnercentral:eu-west-1:999999999999:catalog/AWS/engagement-task/elsewhere' };
    assert.deepEqual(decodeIndex(encodeIndex([usual, odd])), [usual, odd]);
  });

  it('is bounded to the newest, and always keeps the tasks still running', () => {
    const tasks = historyOf(50, 1, 0);
    const oldRunning = { ...tasks[49], endTime: undefined };
    delete oldRunning.endTime;
    const index = decodeIndex(encodeIndex([...tasks.slice(0, 49), oldRunning].map(summaryOf), 10));
    assert.deepEqual(index.map((s) => s.taskId), [...tasks.slice(0, 10), oldRunning].map((t) => t.taskId));
  });

  it('merges two windows\' indexes as a union by task, in either order, the further-along copy of a task winning', () => {
    const all = historyOf(40, 1, 4).map(summaryOf);
    fc.assert(fc.property(fc.subarray(all), fc.subarray(all), (a, b) => {
      const runningInA = a.map((s) => (s.endTime ? { ...s, endTime: undefined, completedCount: 0, failedCount: 0 } : s)).map((s) => JSON.parse(JSON.stringify(s)) as typeof s);
      const ab = mergeIndexes(runningInA, b, 100);
      assert.deepEqual(ab, mergeIndexes(b, runningInA, 100));
      const keys = new Set([...a, ...b].map((s) => s.taskId));
      assert.deepEqual(new Set(ab.map((s) => s.taskId)), keys);
      for (const s of b) assert.deepEqual(ab.find((m) => m.taskId === s.taskId), s, 'the ended copy wins');
    }), propertyRuns(100));
  });

  it('drops malformed rows rather than failing', () => {
    assert.deepEqual(decodeIndex({ rows: [[1], 'x', ['t', 'Nope', 'n', 's', 0, 0, 0, 0, 0, 0, 0], null] }), []);
    assert.deepEqual(decodeIndex([]), []);
    assert.deepEqual(decodeIndex({}), []);
  });
});

describe('OutcomeIndex', () => {
  const status = fc.constantFrom<EngagementStatus>('PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED');
  const task = fc.record({
    n: fc.integer({ min: 0, max: 1_000_000 }),
    ended: fc.boolean(),
    fetched: fc.boolean(),
    ids: fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { maxLength: 5 }),
    statuses: fc.array(status, { minLength: 5, maxLength: 5 }),
  });
  const toRecord = (t: { n: number; ended: boolean; fetched: boolean; ids: number[]; statuses: EngagementStatus[] }, i: number): TaskRecord => ({
    taskId: `task-${i}`, catalog: 'Sandbox', taskName: `T${i}`,
    startTime: new Date(Date.UTC(2026, 0, 1) + t.n * 1000 + i).toISOString(),
    ...(t.ended ? { endTime: '2027-01-01T00:00:00.000Z' } : {}),
    totalCount: t.ids.length, completedCount: 0, failedCount: 0,
    identifiers: t.ids.map((id) => `eng-${id}`),
    ...(t.fetched ? { engagements: t.ids.map((id, k) => ({ engagementId: `eng-${id}`, status: t.statuses[k], ...(t.statuses[k] === 'FAILED' ? { reasonCode: 'R' } : {}) })) } : {}),
  });

  it('agrees with a scan of every task, whatever order the tasks are added in and however often', () => {
    fc.assert(fc.property(fc.array(task, { maxLength: 12 }), fc.integer(), (raw, seed) => {
      const tasks = raw.map(toRecord);
      const index = new OutcomeIndex();
      const order = [...tasks, ...tasks.slice(0, Math.abs(seed) % (tasks.length + 1))].sort((a, b) => ((a.taskId.length * 31 + seed) % 7) - ((b.taskId.length * 31 + seed) % 7));
      for (const record of order) index.add(record);
      const scanned = outcomesFromTasks(tasks);
      for (let id = 0; id <= 6; id++) assert.deepEqual(index.outcomeOf(`eng-${id}`), scanned.get(`eng-${id}`), `eng-${id}`);
    }), propertyRuns());
  });

  it('a task that moved on replaces what it said before', () => {
    const index = new OutcomeIndex();
    const running = toRecord({ n: 1, ended: false, fetched: false, ids: [1], statuses: [] }, 0);
    index.add(running);
    assert.equal(index.outcomeOf('eng-1')?.state, 'running');
    index.add({ ...running, endTime: '2026-02-01T00:00:00.000Z', engagements: [{ engagementId: 'eng-1', status: 'FAILED', reasonCode: 'X' }] });
    assert.deepEqual([index.outcomeOf('eng-1')?.state, index.outcomeOf('eng-1')?.otherTasks], ['failed', 0]);
  });
});

describe('upgrade of the stored history to index + result files', () => {
  it('at 1,000 tasks loses nothing: every task is indexed, every result is in a file, and the two join back whole', () => {
    const old = historyOf(1000, 100, 5);
    const stored = JSON.parse(JSON.stringify(old)) as unknown;
    const split = splitHistory(stored);
    const index = decodeIndex(JSON.parse(JSON.stringify(split.index)));
    assert.equal(index.length, 200, "the newest, bounded");
    assert.deepEqual(split.active.map((t) => t.taskId), old.slice(0, 5).map((t) => t.taskId));
    assert.equal(split.results.length, 995);
    const results = new Map(split.results.map((r) => [`${r.catalog}/${r.taskId}`, r]));
    const activeById = new Map(split.active.map((t) => [t.taskId, t]));
    const top = index.map((summary) => activeById.get(summary.taskId) ?? joinResults(summary, results.get(`${summary.catalog}/${summary.taskId}`)));
    const parsed = parseStoredTaskRecords(stored);
    assert.deepEqual(top, parsed.slice(0, 200), 'the top of the list reads back at once, whole');
    const everyTask = parsed.map((record) => activeById.get(record.taskId) ?? results.get(`${record.catalog}/${record.taskId}`));
    assert.deepEqual(everyTask, parsed, 'every task, beyond the index too, is kept whole');
    assert.ok(Buffer.byteLength(JSON.stringify({ index: split.index, active: split.active })) < 1_000_000);
  });

  it('keeps the results of tasks beyond the index bound in files, so no result is dropped', () => {
    const split = splitHistory(historyOf(30, 3, 0), 10);
    assert.equal(decodeIndex(split.index).length, 10);
    assert.equal(split.results.length, 30);
  });

  it('upgrades nothing from a value that is not a history', () => {
    assert.deepEqual(splitHistory(undefined), { index: { rows: [] }, active: [], results: [] });
    assert.deepEqual(splitHistory({ not: 'a list' }), { index: { rows: [] }, active: [], results: [] });
  });
});

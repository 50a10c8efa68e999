import * as assert from 'node:assert/strict';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { startProspectingTask } from '../../../src/aws/prospectingTasks';
import { createTaskFetchers, fetchTaskDetails, listRecentTasks } from '../../../src/aws/taskFollowing';
import { pollCatalog } from '../../../src/core/tasks/polling/pollCatalog';
import { recordFromStart } from '../../../src/core/tasks/recordConversion';
import { TaskBook, type TaskChange } from '../../../src/core/tasks/taskBook';
import { type TaskRecord } from '../../../src/core/tasks/taskRecord';
import { deriveTaskState } from '../../../src/core/tasks/taskState';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';

const LIST = 'ListProspectingFromEngagementTasks';
const GET = 'GetProspectingFromEngagementTask';
const TASK_SECONDS = 10;

describe('task following against the emulator', function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  /** The emulator's task clock, moved by the tests. */
  let nowMs = Date.parse('2026-11-26T10:00:00.000Z');
  let succeeding: string[];
  let failing: string[];
  let tokens = 0;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, taskDurationSeconds: TASK_SECONDS, now: () => nowMs });
    client = emulator.client();
    succeeding = await emulator.engagements('Sandbox', { limit: 40, failing: false });
    failing = await emulator.engagements('Sandbox', { limit: 5, failing: true });
    assert.equal(failing.length, 5, 'the emulator data set has failing engagements');
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  async function start(taskName: string, identifiers: string[]): Promise<TaskRecord> {
    const output = await startProspectingTask(client, { catalog: 'Sandbox', clientToken: `token-${++tokens}`, identifiers, taskName });
    return recordFromStart(output, 'Sandbox');
  }

  it('fetches summaries of up to 10 tasks in one List call, and details with Get', async () => {
    const tasks = [];
    for (let i = 0; i < 10; i++) tasks.push(await start(`Batch ${i}`, succeeding.slice(i * 4, i * 4 + 4)));
    const fetchers = createTaskFetchers(client);

    nowMs += (TASK_SECONDS * 1000) / 2;
    const summaries = await fetchers.summaries('Sandbox', tasks.map((task) => task.taskId));
    assert.deepEqual(summaries.map((s) => s.taskId).sort(), tasks.map((t) => t.taskId).sort());
    for (const summary of summaries) {
      assert.equal(summary.totalCount, 4);
      assert.equal(summary.endTime, undefined);
      assert.ok(summary.completedCount > 0 && summary.completedCount < 4, `half-way: ${summary.completedCount}/4`);
    }
    assert.equal((await emulator.counts()).requestsPerOperation[LIST], 1);

    const details = await fetchers.details('Sandbox', tasks[0].taskId);
    assert.deepEqual(details.engagements?.map((e) => e.engagementId), tasks[0].identifiers);
    assert.equal(deriveTaskState(details), 'running');
    await assert.rejects(fetchers.summaries('Sandbox', [...tasks.map((t) => t.taskId), 'task-00000000000000']), RangeError);
    assert.deepEqual(await fetchers.summaries('Sandbox', []), []);
  });

  it('follows a task to completion with pollCatalog: one finished change matching Get', async () => {
    const identifiers = [...succeeding.slice(0, 7), ...failing.slice(0, 3)];
    const book = new TaskBook();
    book.upsert([await start('Followed', identifiers)]);
    const fetchers = createTaskFetchers(client);

    const seen: TaskChange[] = [];
    for (let step = 0; step < 20 && book.active('Sandbox').length > 0; step++) {
      nowMs += 1000;
      seen.push(...(await pollCatalog(book, 'Sandbox', fetchers)));
    }
    const finished = seen.filter((change) => change.finished);
    assert.equal(finished.length, 1);
    const task = finished[0].task;
    assert.ok(seen.length > 2, 'progress was observed on the way');

    const truth = await fetchTaskDetails(client, 'Sandbox', task.taskId);
    assert.deepEqual(task.engagements, truth.engagements);
    assert.deepEqual([task.totalCount, task.completedCount, task.failedCount], [10, 7, 3]);
    assert.equal(task.endTime, truth.endTime);
    assert.equal(task.startedHere, true);
    assert.equal(deriveTaskState(task), 'completedWithFailures');
    assert.equal(task.engagements?.filter((e) => e.status === 'FAILED' && e.reasonCode).length, 3);
    assert.equal((await emulator.counts()).requestsPerOperation[GET], 2, 'one Get at the finish, one for the cross-check');
  });

  it('lists recent tasks newest first, page by page, and filters by exact name', async () => {
    const started: TaskRecord[] = [];
    for (let i = 1; i <= 5; i++) {
      nowMs += 60_000;
      started.push(await start(i === 3 ? 'Special' : `Task ${i}`, succeeding.slice(i, i + 1)));
    }
    const pages: string[][] = [];
    let nextToken: string | undefined;
    do {
      const page = await listRecentTasks(client, 'Sandbox', { maxResults: 2, nextToken });
      pages.push(page.tasks.map((task) => task.taskId));
      nextToken = page.nextToken;
    } while (nextToken);
    const newestFirst = started.map((task) => task.taskId).reverse();
    assert.deepEqual(pages, [newestFirst.slice(0, 2), newestFirst.slice(2, 4), newestFirst.slice(4)]);

  });
});

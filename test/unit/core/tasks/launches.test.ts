import * as assert from 'node:assert/strict';
import { describeLaunchProgress, groupTasks, isLaunchOver, LaunchBook, launchName, launchState, type LaunchRecord } from '../../../../src/core/tasks/launches';
import { type TaskRecord } from '../../../../src/core/tasks/taskRecord';
import { record } from './records';

const ended = '2026-11-26T10:05:00.000Z';

function running(total: number, completed = 0, failed = 0, fields: Partial<TaskRecord> = {}): TaskRecord {
  return record({ totalCount: total, completedCount: completed, failedCount: failed, ...fields });
}

function begin(book: LaunchBook, launchId = 'launch-1', engagementCount = 250): LaunchRecord {
  return book.begin({ launchId, catalog: 'Sandbox', name: 'Leads', engagementCount, createdAt: '2026-11-26T10:00:00.000Z' });
}

describe('launches', () => {
  it('names a launch after its batches without their (i/k) suffix', () => {
    assert.equal(launchName(['Leads (1/3)', 'Leads (2/3)', 'Leads (3/3)']), 'Leads');
    assert.equal(launchName(['Leads (1/3)']), 'Leads (1/3)', 'one batch keeps its name, whatever it ends with');
    assert.equal(launchName(['Q3 (EMEA) (2/2)', 'Q3 (EMEA) (2/2)']), 'Q3 (EMEA)');
  });

  it('adds progress across its tasks: 232/250 done · 18 failed', () => {
    const tasks = [running(100, 95, 5, { endTime: ended }), running(100, 80, 10), running(50, 39, 3)];
    assert.equal(describeLaunchProgress(tasks), '232/250 done · 18 failed');
    assert.equal(describeLaunchProgress([running(2, 2, 0, { endTime: ended })]), '2/2 done');
  });

  it('derives one state from its tasks, and is not over while tasks run, start, or await an answer', () => {
    const book = new LaunchBook();
    const launch = begin(book);
    const first = running(100, 100, 0, { endTime: ended });
    const second = running(100, 0, 0);
    assert.equal(launchState(launch, [first, second]), 'running', 'one task ended, another runs');
    assert.equal(launchState(launch, [running(100), running(100)]), 'pending', 'nothing moved yet');
    const bothEnded = [first, { ...second, completedCount: 90, failedCount: 10, endTime: ended }];
    assert.equal(launchState(launch, bothEnded), 'running', 'still starting its tasks');
    book.addTask(launch.launchId, first.taskId);
    book.close(launch.launchId);
    assert.equal(launchState(book.get('launch-1')!, bothEnded), 'completedWithFailures');
    assert.equal(launchState(book.get('launch-1')!, [first]), 'completed');
    assert.equal(launchState(book.get('launch-1')!, [running(3, 0, 3, { endTime: ended }), running(2, 0, 2, { endTime: ended })]), 'failed', 'every engagement failed');

    book.await('launch-1', 'token-2');
    assert.equal(isLaunchOver(book.get('launch-1')!, bothEnded), false, 'a task whose start got no answer may still come');
  });

  it('announces the end of a launch once, when its last task ends', () => {
    const book = new LaunchBook();
    const launch = begin(book);
    const tasks = new Map<string, TaskRecord>();
    for (const n of [1, 2, 3]) {
      const task = running(n === 3 ? 50 : 100);
      tasks.set(task.taskId, task);
      book.addTask(launch.launchId, task.taskId);
    }
    book.close(launch.launchId);
    const tasksOf = (l: LaunchRecord): TaskRecord[] => l.taskIds.map((id) => tasks.get(id)!);
    const ids = [...tasks.keys()];
    tasks.set(ids[0], { ...tasks.get(ids[0])!, completedCount: 100, endTime: ended });
    tasks.set(ids[2], { ...tasks.get(ids[2])!, completedCount: 50, endTime: ended });
    assert.deepEqual(book.takeFinished(tasksOf, ended), [], 'one task still runs');
    tasks.set(ids[1], { ...tasks.get(ids[1])!, completedCount: 89, failedCount: 11, endTime: ended });
    const [finished, ...more] = book.takeFinished(tasksOf, ended);
    assert.equal(more.length, 0);
    assert.equal(finished.launch.launchId, 'launch-1');
    assert.equal(describeLaunchProgress(finished.tasks), '250/250 done · 11 failed');
    assert.deepEqual(book.takeFinished(tasksOf, ended), [], 'told once');
    assert.equal(new LaunchBook(book.toJSON()).takeFinished(tasksOf, ended).length, 0, 'told once, also after a reload');
  });

  it('a task re-sent with the token of an unanswered start joins the launch that awaited it, and a follow-up reopens it', () => {
    const book = new LaunchBook();
    begin(book, 'a');
    book.addTask('a', 'task-1', 'token-1');
    book.await('a', 'token-2');
    book.close('a');
    begin(book, 'resent', 100);
    assert.equal(book.addTask('resent', 'task-2', 'token-2')?.launchId, 'a');
    book.close('resent');
    assert.equal(book.get('resent'), undefined, 'a launch that got no task of its own is dropped');
    assert.deepEqual(book.get('a')?.taskIds, ['task-1', 'task-2']);
    assert.deepEqual(book.get('a')?.awaitingTokens, []);
    assert.equal(book.launchOf('Sandbox', 'task-2')?.launchId, 'a');

    const done = (id: string): TaskRecord => running(1, 1, 0, { taskId: id, endTime: ended });
    assert.equal(book.takeFinished((l) => l.taskIds.map(done), ended).length, 1);
    book.reopen('a');
    book.addTask('a', 'task-3');
    assert.equal(book.get('a')?.announcedAt, undefined, 'new work of the launch: its new end is told');
    book.close('a');
    assert.equal(book.takeFinished((l) => l.taskIds.map(done), ended).length, 1);
  });

  it('a discarded pending start no longer holds its launch open', () => {
    const book = new LaunchBook();
    begin(book, 'a');
    book.addTask('a', 'task-1', 'token-1');
    book.await('a', 'token-2');
    book.close('a');
    book.settleTokens(new Set(['token-other']));
    assert.deepEqual(book.get('a')?.awaitingTokens, []);
    begin(book, 'b');
    book.await('b', 'token-3');
    book.close('b');
    book.settleTokens(new Set());
    assert.equal(book.get('b'), undefined, 'a launch with no task and nothing awaited is gone');
  });

  it('groups the tasks of one launch into one entry at its newest task, leaves others alone', () => {
    const book = new LaunchBook();
    begin(book, 'a');
    const [one, two, three] = [running(100, 0, 0, { startTime: '2026-11-26T10:00:01.000Z' }), running(100, 0, 0, { startTime: '2026-11-26T10:00:02.000Z' }), running(50, 0, 0, { startTime: '2026-11-26T10:00:03.000Z' })];
    for (const task of [one, two, three]) book.addTask('a', task.taskId);
    begin(book, 'single', 1);
    const alone = running(1, 0, 0, { startTime: '2026-11-26T11:00:00.000Z' });
    book.addTask('single', alone.taskId);
    const listed = running(5, 0, 0, { taskName: 'Leads (1/2)', startTime: '2026-11-26T09:00:00.000Z' });
    const listedSibling = running(5, 0, 0, { taskName: 'Leads (2/2)', startTime: '2026-11-26T09:00:01.000Z' });
    const newestFirst = [alone, three, two, one, listedSibling, listed];
    const groups = groupTasks(newestFirst, (task) => book.launchOf(task.catalog, task.taskId));
    assert.deepEqual(groups.map((group) => (group.kind === 'launch' ? `launch ${group.launch.launchId}: ${group.tasks.map((t) => t.taskId).join(',')}` : group.task.taskId)), [
      alone.taskId,
      `launch a: ${one.taskId},${two.taskId},${three.taskId}`,
      listedSibling.taskId,
      listed.taskId,
    ], 'a one-task launch stays a task; listed tasks not started here stay single even with (i/k) names');
  });
});

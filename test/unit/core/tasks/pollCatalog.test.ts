import * as assert from 'node:assert/strict';
import { pollCatalog, type TaskFetchers } from '../../../../src/core/tasks/polling/pollCatalog';
import { TaskBook } from '../../../../src/core/tasks/taskBook';
import { type Catalog, type TaskRecord } from '../../../../src/core/tasks/taskRecord';
import { engagements, record } from './records';

/** A fake service: summaries from `server`, with call logs. */
function fakeFetchers(server: Map<string, TaskRecord>): TaskFetchers & { listCalls: string[][]; getCalls: string[]; failGet?: boolean } {
  const fetchers = {
    listCalls: [] as string[][],
    getCalls: [] as string[],
    failGet: false,
    async summaries(_catalog: Catalog, taskIds: string[]): Promise<TaskRecord[]> {
      assert.ok(taskIds.length <= 10, `List with ${taskIds.length} ids`);
      fetchers.listCalls.push(taskIds);
      return taskIds.flatMap((id) => {
        const task = server.get(id);
        if (!task) return [];
        const { engagements: _engagements, identifiers: _identifiers, ...summary } = task;
        return [summary];
      });
    },
    async details(_catalog: Catalog, taskId: string): Promise<TaskRecord> {
      fetchers.getCalls.push(taskId);
      if (fetchers.failGet) throw new Error('Get failed');
      const task = server.get(taskId);
      if (!task) throw Object.assign(new Error(`Task ${taskId} not found`), { name: 'ResourceNotFoundException' });
      return task;
    },
  };
  return fetchers;
}

function finish(task: TaskRecord): TaskRecord {
  const list = engagements('COMPLETED', 'COMPLETED', 'FAILED');
  return { ...task, endTime: '2026-11-26T10:05:00.000Z', totalCount: 3, completedCount: 2, failedCount: 1, engagements: list };
}

describe('pollCatalog', () => {
  it('summarises 25 active tasks in 3 List calls and Gets only the ones that finished', async () => {
    const tasks = Array.from({ length: 25 }, () => record({ totalCount: 3, startedHere: true }));
    const book = new TaskBook(tasks);
    const server = new Map(tasks.map((task) => [task.taskId, { ...task, completedCount: 1 }]));
    const finishing = [tasks[3], tasks[17]];
    for (const task of finishing) server.set(task.taskId, finish(task));
    const fetchers = fakeFetchers(server);

    const changes = await pollCatalog(book, 'Sandbox', fetchers);

    assert.deepEqual(fetchers.listCalls.map((ids) => ids.length), [10, 10, 5]);
    assert.deepEqual(new Set(fetchers.listCalls.flat()), new Set(tasks.map((t) => t.taskId)));
    assert.deepEqual(fetchers.getCalls.sort(), finishing.map((t) => t.taskId).sort());
    assert.equal(changes.length, 25);
    const finished = changes.filter((change) => change.finished);
    assert.deepEqual(finished.map((c) => c.task.taskId).sort(), finishing.map((t) => t.taskId).sort());
    for (const change of finished) {
      assert.equal(change.task.engagements?.length, 3);
      assert.deepEqual([change.task.completedCount, change.task.failedCount], [2, 1]);
      assert.equal(change.task.startedHere, true);
    }
    assert.equal(book.active('Sandbox').length, 23);

    // Next poll: only the 23 still active are listed, nothing changed, no Get.
    fetchers.listCalls.length = 0;
    fetchers.getCalls.length = 0;
    assert.deepEqual(await pollCatalog(book, 'Sandbox', fetchers), []);
    assert.deepEqual(fetchers.listCalls.map((ids) => ids.length), [10, 10, 3]);
    assert.deepEqual(fetchers.getCalls, []);
  });

  it('makes no call when nothing is active', async () => {
    const fetchers = fakeFetchers(new Map());
    const book = new TaskBook([record({ endTime: '2026-11-26T10:05:00.000Z' })]);
    assert.deepEqual(await pollCatalog(book, 'Sandbox', fetchers), []);
    assert.equal(fetchers.listCalls.length + fetchers.getCalls.length, 0);
  });

  it('leaves the book untouched when a Get fails, so the finish is seen again next poll', async () => {
    const task = record({ totalCount: 3 });
    const book = new TaskBook([task]);
    const fetchers = fakeFetchers(new Map([[task.taskId, finish(task)]]));
    fetchers.failGet = true;
    await assert.rejects(pollCatalog(book, 'Sandbox', fetchers), /Get failed/);
    assert.equal(book.active('Sandbox').length, 1);
    fetchers.failGet = false;
    const changes = await pollCatalog(book, 'Sandbox', fetchers);
    assert.equal(changes.length, 1);
    assert.equal(changes[0].finished, true);
  });

  it('keeps the summary EndTime and counts when Get lags behind', async () => {
    const task = record({ totalCount: 3 });
    const book = new TaskBook([task]);
    const done = finish(task);
    const fetchers = fakeFetchers(new Map([[task.taskId, done]]));
    fetchers.details = async () => ({ ...task, engagements: engagements('COMPLETED', 'IN_PROGRESS', 'PENDING'), completedCount: 1 });
    const [change] = await pollCatalog(book, 'Sandbox', fetchers);
    assert.equal(change.finished, true);
    assert.equal(change.task.endTime, done.endTime);
    assert.deepEqual([change.task.completedCount, change.task.failedCount], [2, 1]);
  });

  it('ignores summaries of tasks it did not ask about', async () => {
    const task = record({ totalCount: 3 });
    const stranger = record({ totalCount: 1 });
    const book = new TaskBook([task]);
    const fetchers = fakeFetchers(new Map([[task.taskId, task]]));
    fetchers.summaries = async () => [stranger, { ...task, completedCount: 1 }];
    const changes = await pollCatalog(book, 'Sandbox', fetchers);
    assert.deepEqual(changes.map((c) => c.task.taskId), [task.taskId]);
    assert.equal(book.get('Sandbox', stranger.taskId), undefined);
  });

  it('asks Get about an active task List leaves out: found, it is updated; not found, it leaves the book', async () => {
    const lagging = record({ totalCount: 3, startedHere: true });
    const vanished = record({ totalCount: 3, startedHere: true });
    const book = new TaskBook([lagging, vanished]);
    const server = new Map([[lagging.taskId, finish(lagging)]]);
    const fetchers = fakeFetchers(server);
    const listOmitting = { ...fetchers, summaries: async () => [] as TaskRecord[] };

    const changes = await pollCatalog(book, 'Sandbox', listOmitting);

    assert.deepEqual(fetchers.getCalls.sort(), [lagging.taskId, vanished.taskId].sort());
    const updated = changes.find((change) => change.task.taskId === lagging.taskId);
    assert.ok(updated?.finished, 'the lagging task is seen finished through Get');
    const removed = changes.find((change) => change.task.taskId === vanished.taskId);
    assert.equal(removed?.removed, true);
    assert.equal(book.get('Sandbox', vanished.taskId), undefined);
    assert.equal(book.active('Sandbox').length, 0, 'nothing left to poll');
  });

  it('throws, changing nothing, when Get fails for another reason than not found', async () => {
    const unlisted = record({ totalCount: 3, startedHere: true });
    const book = new TaskBook([unlisted]);
    const fetchers = fakeFetchers(new Map());
    fetchers.failGet = true;
    await assert.rejects(pollCatalog(book, 'Sandbox', { ...fetchers, summaries: async () => [] }), /Get failed/);
    assert.ok(book.get('Sandbox', unlisted.taskId), 'still in the book');
  });

  describe('a call that hangs holds back only its own tasks', () => {
    /** Fails like a call at its deadline, after `ms`. */
    const hangUntilDeadline = (ms: number): Promise<never> =>
      new Promise((_resolve, reject) => setTimeout(() => reject(Object.assign(new Error(`no answer within ${ms} ms`), { name: 'CallTimeoutError' })), ms));

    it('updates the other tasks while Gets hang, within one deadline, leaving the hung ones to the next poll', async () => {
      const hung = record({ totalCount: 3 });
      const hungUnlisted = record({ totalCount: 3 });
      const others = Array.from({ length: 12 }, () => record({ totalCount: 3 }));
      const book = new TaskBook([hung, hungUnlisted, ...others]);
      const server = new Map([hung, hungUnlisted, ...others].map((task) => [task.taskId, finish(task)]));
      const fetchers = fakeFetchers(server);
      const list = fetchers.summaries.bind(fetchers);
      const answer = fetchers.details.bind(fetchers);
      // List lags for one task (so it is asked for with Get); Get hangs for it and for a finished one.
      fetchers.summaries = async (catalog, ids) => (await list(catalog, ids)).filter((task) => task.taskId !== hungUnlisted.taskId);
      const hungIds = [hung.taskId, hungUnlisted.taskId];
      fetchers.details = (catalog, taskId) => (hungIds.includes(taskId) ? hangUntilDeadline(300) : answer(catalog, taskId));
      const failed: unknown[] = [];

      const started = performance.now();
      const changes = await pollCatalog(book, 'Sandbox', fetchers, { onCallFailed: (error) => failed.push(error) });
      const elapsed = performance.now() - started;

      assert.ok(elapsed < 2 * 300, `the poll took ${Math.round(elapsed)} ms: the hung calls were waited for one after the other`);
      assert.deepEqual(changes.filter((change) => change.finished).map((change) => change.task.taskId).sort(), others.map((task) => task.taskId).sort());
      assert.deepEqual(book.active('Sandbox').map((task) => task.taskId).sort(), [...hungIds].sort(), 'the hung tasks are untouched, still active');
      assert.equal(failed.length, 2);
      assert.match(String(failed[0]), /no answer within 300 ms/);

      fetchers.details = answer;
      fetchers.summaries = list;
      const next = await pollCatalog(book, 'Sandbox', fetchers);
      assert.deepEqual(next.filter((change) => change.finished).map((change) => change.task.taskId).sort(), [...hungIds].sort(), 'their finish is seen by the next poll');
    });

    it('updates the other groups while one List hangs', async () => {
      const tasks = Array.from({ length: 15 }, () => record({ totalCount: 3 }));
      const book = new TaskBook(tasks);
      const server = new Map(tasks.map((task) => [task.taskId, { ...task, completedCount: 2 }]));
      const fetchers = fakeFetchers(server);
      const list = fetchers.summaries.bind(fetchers);
      let hungIds: string[] = [];
      fetchers.summaries = (catalog, ids) => {
        if (hungIds.length > 0) return list(catalog, ids);
        hungIds = ids;
        return hangUntilDeadline(200);
      };

      const changes = await pollCatalog(book, 'Sandbox', fetchers);

      assert.equal(hungIds.length, 10);
      const others = tasks.filter((task) => !hungIds.includes(task.taskId));
      assert.deepEqual(changes.map((change) => change.task.taskId).sort(), others.map((task) => task.taskId).sort());
      for (const id of hungIds) assert.equal(book.get('Sandbox', id)?.completedCount, tasks.find((task) => task.taskId === id)?.completedCount, 'the hung group is untouched');
    });

    it('throws the first error, changing nothing, when every call fails', async () => {
      const tasks = Array.from({ length: 12 }, () => record({ totalCount: 3 }));
      const book = new TaskBook(tasks);
      const fetchers = fakeFetchers(new Map());
      fetchers.summaries = () => hangUntilDeadline(20);
      await assert.rejects(pollCatalog(book, 'Sandbox', fetchers), { name: 'CallTimeoutError' });
      assert.equal(book.active('Sandbox').length, 12);
    });
  });
});

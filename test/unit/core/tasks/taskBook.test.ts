import * as assert from 'node:assert/strict';
import { TaskBook } from '../../../../src/core/tasks/taskBook';
import { record, withEngagements } from './records';

describe('TaskBook', () => {
  let now = 1000;
  const clock = (): number => now;

  it('reports new tasks, then only real changes', () => {
    const book = new TaskBook([], clock);
    const task = record({ totalCount: 10 });
    const [added] = book.upsert([task]);
    assert.equal(added.previous, undefined);
    assert.equal(added.stateChanged, true);
    assert.equal(added.finished, false);
    assert.equal(added.task.lastChangedAt, 1000);

    now = 2000;
    assert.deepEqual(book.upsert([{ ...task }]), [], 'the same record is no change');
    assert.deepEqual(book.upsert([{ ...task, completedCount: 0, lastChangedAt: 1 }]), [], 'lastChangedAt alone is no change');

    const [progress] = book.upsert([{ ...task, completedCount: 3 }]);
    assert.equal(progress.stateChanged, true, 'pending → running');
    assert.equal(progress.finished, false);
    assert.equal(progress.previous?.completedCount, 0);
    assert.equal(book.get('Sandbox', task.taskId)?.lastChangedAt, 2000);

    const [more] = book.upsert([{ ...task, completedCount: 5 }]);
    assert.equal(more.stateChanged, false, 'still running');

    const [finished] = book.upsert([{ ...task, completedCount: 9, failedCount: 1, endTime: '2026-11-26T10:05:00.000Z' }]);
    assert.equal(finished.finished, true);
    assert.equal(finished.stateChanged, true);
    assert.deepEqual(book.upsert([{ ...task, completedCount: 9, failedCount: 1, endTime: '2026-11-26T10:05:00.000Z' }]), []);
  });

  it('a task first seen finished is a change but not "finished"', () => {
    const book = new TaskBook();
    const [change] = book.upsert([record({ endTime: '2026-11-26T10:05:00.000Z' })]);
    assert.equal(change.finished, false);
    assert.equal(change.stateChanged, true);
  });

  it('notices new engagement details and keeps startedHere across updates', () => {
    const started = record({ totalCount: 2, startedHere: true });
    const book = new TaskBook([started]);
    const [change] = book.upsert([withEngagements(['COMPLETED', 'IN_PROGRESS'], { taskId: started.taskId })]);
    assert.equal(change.task.engagements?.length, 2);
    assert.equal(change.task.startedHere, true);
  });

  it('lists per catalog, newest first, and the active ones', () => {
    const old = record({ startTime: '2026-01-01T00:00:00.000Z' });
    const recent = record({ startTime: '2026-03-01T00:00:00.000Z', endTime: '2026-03-01T00:01:00.000Z' });
    const middle = record({ startTime: '2026-02-01T00:00:00.000Z' });
    const production = record({ catalog: 'AWS' });
    const book = new TaskBook([old, recent, middle, production]);
    assert.deepEqual(book.list('Sandbox').map((t) => t.taskId), [recent.taskId, middle.taskId, old.taskId]);
    assert.deepEqual(book.active('Sandbox').map((t) => t.taskId), [middle.taskId, old.taskId]);
    assert.deepEqual(book.list('AWS').map((t) => t.taskId), [production.taskId]);
    assert.equal(book.get('AWS', old.taskId), undefined, 'the same id in another catalog is another task');
    assert.equal(book.toJSON().length, 4);
    assert.equal(book.remove('Sandbox', old.taskId), true);
    assert.equal(book.remove('Sandbox', old.taskId), false);
    assert.equal(book.list('Sandbox').length, 2);
  });

  it('round-trips through JSON', () => {
    const book = new TaskBook([withEngagements(['FAILED'], { startedHere: true })]);
    const copy = new TaskBook(JSON.parse(JSON.stringify(book)));
    assert.deepEqual(copy.toJSON(), book.toJSON());
  });
});

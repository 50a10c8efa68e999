import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { TaskResults } from '../../../../../src/core/tasks/history/upgrade';
import { parseStoredTaskRecords } from '../../../../../src/core/tasks/storedRecords';
import { MemoryState } from '../../../../../src/ui/session/accountState';
import { AccountHistoryStore, historyKeys } from '../../../../../src/ui/session/storage/accountHistoryStore';
import { TaskResultFiles } from '../../../../../src/ui/session/storage/taskResultFiles';
import { historyOf } from '../../../../support/historyFixture';

const ACCOUNT = 'acct-123456789012';

/** Counts the files written; fails the write after `failAfter` of them, as a window closed mid-upgrade would. */
class CountingFiles extends TaskResultFiles {
  written: string[] = [];
  failAfter = Infinity;

  override async write(results: TaskResults): Promise<number> {
    if (this.written.length >= this.failAfter) throw new Error('window closed');
    this.written.push(results.taskId);
    return super.write(results);
  }
}

describe('AccountHistoryStore: index and running tasks in globalState, a results file per finished task', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(path.join(tmpdir(), 'pc-history-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('upgrades a 1,000-task history in place: the top of the list at once, every task whole from its file, the old value gone', async function () {
    this.timeout(60_000);
    const state = new MemoryState();
    const old = historyOf(1000, 100, 3);
    await state.update(historyKeys(ACCOUNT).legacy, old);
    const store = new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder));
    const shown = await store.open();
    const parsed = parseStoredTaskRecords(JSON.parse(JSON.stringify(old)));
    assert.equal(shown.length, 200);
    assert.deepEqual(shown.slice(0, 3), parsed.slice(0, 3), 'running tasks whole');
    for (const task of parsed.slice(3)) assert.deepEqual(await store.task(task.catalog, task.taskId), task, task.taskId);
    assert.equal(state.get(historyKeys(ACCOUNT).legacy), undefined);
    const globalBytes = state.keys().reduce((sum, key) => sum + Buffer.byteLength(JSON.stringify(state.get(key))), 0);
    assert.ok(globalBytes < 1_000_000, `${globalBytes} bytes in globalState`);
  });

  it('an upgrade cut short keeps the old value, and the next start finishes it with nothing lost', async () => {
    const state = new MemoryState();
    const old = historyOf(40, 10, 0);
    await state.update(historyKeys(ACCOUNT).legacy, old);
    const files = new CountingFiles(folder);
    files.failAfter = 15;
    await assert.rejects(new AccountHistoryStore(state, ACCOUNT, files).open(), /window closed/);
    assert.ok(state.get(historyKeys(ACCOUNT).legacy), 'old history still there');
    files.failAfter = Infinity;
    const store = new AccountHistoryStore(state, ACCOUNT, files);
    assert.equal((await store.open()).length, 40);
    for (const task of parseStoredTaskRecords(old)) assert.deepEqual(await store.task(task.catalog, task.taskId), task);
  });

  it('a poll that changes two tasks writes those two files and a small index, whatever the history\'s size', async function () {
    this.timeout(60_000);
    const state = new MemoryState();
    const old = historyOf(500, 100, 2);
    await state.update(historyKeys(ACCOUNT).legacy, old);
    const files = new CountingFiles(folder);
    const store = new AccountHistoryStore(state, ACCOUNT, files);
    await store.open();
    files.written = [];
    const finished = old.slice(0, 2).map((task) => ({ ...task, endTime: '2027-01-01T00:00:00.000Z', engagements: task.engagements?.map((e) => ({ engagementId: e.engagementId, status: 'COMPLETED' as const })) }));
    const written = await store.save(finished);
    assert.deepEqual(files.written, finished.map((task) => task.taskId));
    const indexBytes = Buffer.byteLength(JSON.stringify(state.get(historyKeys(ACCOUNT).index)));
    assert.ok(written + indexBytes < 50_000, `${written} bytes of files + ${indexBytes} of index`);
    const reopened = await new AccountHistoryStore(state, ACCOUNT, files).open();
    assert.equal(reopened[0].endTime, '2027-01-01T00:00:00.000Z');
    assert.deepEqual(await store.task('AWS', finished[0].taskId), finished[0]);
  });

  it('two windows of one account each follow a running task: a reload shows both', async () => {
    const state = new MemoryState();
    const [a, b] = historyOf(2, 5, 2);
    const windowA = new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder));
    const windowB = new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder));
    await windowA.open();
    await windowB.open();
    await windowA.save([a]);
    await windowB.save([b]);
    const reloaded = await new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder)).open();
    assert.deepEqual(reloaded.map((task) => task.taskId).sort(), [a.taskId, b.taskId].sort());
    assert.deepEqual(reloaded.find((task) => task.taskId === a.taskId), a);
    const { engagements: _notFetched, ...endedWithoutResults } = { ...b, endTime: '2027-01-01T00:00:00.000Z' };
    await windowB.save([endedWithoutResults]);
    const afterEnd = await new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder)).open();
    assert.equal(afterEnd.find((task) => task.taskId === b.taskId)?.endTime, '2027-01-01T00:00:00.000Z', 'an ended task is no longer shown running, results fetched or not');
  });

  it('Clear Local History removes the files and the index', async () => {
    const state = new MemoryState();
    await state.update(historyKeys(ACCOUNT).legacy, historyOf(5, 3, 0));
    const store = new AccountHistoryStore(state, ACCOUNT, new TaskResultFiles(folder));
    await store.open();
    await store.clear();
    assert.deepEqual(await store.open(), []);
    const [first] = historyOf(5, 3, 0);
    assert.equal(await store.task(first.catalog, first.taskId), undefined);
  });
});

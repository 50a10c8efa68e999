import { randomBytes } from 'node:crypto';
import { StampClock } from '../../../core/sync/entryMap';
import { decodeIndex, encodeIndex, mergeIndexes, summaryOf, type TaskSummary } from '../../../core/tasks/history/recentIndex';
import { joinResults, resultsOf, splitHistory, type TaskResults } from '../../../core/tasks/history/upgrade';
import { parseStoredTaskRecords } from '../../../core/tasks/storedRecords';
import type { Catalog, TaskRecord } from '../../../core/tasks/taskRecord';
import type { KeyValueState } from '../accountState';
import { SharedEntries } from './sharedEntries';
import type { TaskResultFiles } from './taskResultFiles';

const PREFIX = 'partnerCentral.account/';

/** The keys of one account's history: the old whole-history value, and the new index and active tasks. */
export function historyKeys(identityKey: string): { legacy: string; index: string; active: string } {
  return { legacy: `${PREFIX}${identityKey}/taskHistory`, index: `${PREFIX}${identityKey}/taskIndex`, active: `${PREFIX}${identityKey}/activeTasks` };
}

const isTaskRecord = (value: unknown): value is TaskRecord => parseStoredTaskRecords([value]).length === 1;

/**
 * One account's task history, sized by what is active: globalState holds the bounded index of recent tasks and
 * the tasks still running (merged per task with other windows of the account); the results of each finished
 * task are a file in the account's storage folder, written once when it finishes and read when needed.
 */
export class AccountHistoryStore {
  private readonly keys: ReturnType<typeof historyKeys>;
  private readonly active: SharedEntries<TaskRecord>;

  constructor(private readonly state: KeyValueState, identityKey: string, readonly files: TaskResultFiles, writer: StampClock = new StampClock(randomWriter())) {
    this.keys = historyKeys(identityKey);
    this.active = new SharedEntries(state, this.keys.active, writer, isTaskRecord);
  }

  /**
   * The tasks to show at once: the index's (newest first) with the running ones whole. A history in the old
   * layout is moved first: every finished task's file is written before the old value is removed, so a window
   * closed half-way upgrades again on its next start and loses nothing.
   */
  async open(): Promise<TaskRecord[]> {
    await this.upgrade();
    await this.files.removeStaleTemporaries();
    const running = this.active.list();
    return this.index().map((summary) => running.get(keyOf(summary)) ?? { ...summary });
  }

  /** A poll's changed tasks: a finished task's results go to its file, once; the index and the running tasks are updated. */
  async save(changed: readonly TaskRecord[]): Promise<number> {
    let written = 0;
    for (const task of changed) {
      if (task.endTime === undefined) {
        await this.active.put(keyOf(task), task);
        continue;
      }
      // Ended: its results (when fetched) go to its file; the index row alone says it ended.
      if (task.engagements !== undefined) written += await this.files.write(resultsOf(task));
      if (this.active.get(keyOf(task))) await this.active.remove(keyOf(task));
    }
    const index = encodeIndex(mergeIndexes(this.index(), changed.map(summaryOf)));
    await this.state.update(this.keys.index, index);
    return written;
  }

  /** A finished task whole (expanded, hovered, exported, retried), or undefined: then ask the service (Get). */
  async task(catalog: Catalog, taskId: string): Promise<TaskRecord | undefined> {
    const results = await this.files.read(catalog, taskId);
    const summary = this.index().find((s) => s.catalog === catalog && s.taskId === taskId);
    return summary ? joinResults(summary, results) : results;
  }

  /** Results of a finished task, read from its file (for the outcome index at session open). */
  results(catalog: Catalog, taskId: string): Promise<TaskResults | undefined> {
    return this.files.read(catalog, taskId);
  }

  /** Writes back what another window's whole-value write dropped (call on a globalState change). */
  sync(): Promise<boolean> {
    return this.active.sync();
  }

  /** The Clear Local History command: the files and the index go; running tasks stay followed. */
  async clear(): Promise<void> {
    await this.files.clear();
    await this.state.update(this.keys.index, undefined);
  }

  private index(): TaskSummary[] {
    return decodeIndex(this.state.get<unknown>(this.keys.index));
  }

  private async upgrade(): Promise<void> {
    const legacy = this.state.get<unknown>(this.keys.legacy);
    if (legacy === undefined) return;
    const split = splitHistory(legacy);
    for (const results of split.results) await this.files.write(results);
    for (const task of split.active) await this.active.put(keyOf(task), task);
    await this.state.update(this.keys.index, encodeIndex(mergeIndexes(this.index(), decodeIndex(split.index))));
    await this.state.update(this.keys.legacy, undefined);
  }
}

function keyOf(task: Pick<TaskRecord, 'catalog' | 'taskId'>): string {
  return `${task.catalog}/${task.taskId}`;
}

function randomWriter(): string {
  return randomBytes(6).toString('hex');
}

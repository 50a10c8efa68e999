import { mergeRecords } from './mergeRecords';
import { type Catalog, type TaskRecord } from './taskRecord';
import { deriveTaskState, isActive } from './taskState';

export interface TaskChange {
  task: TaskRecord;
  /** Absent when the task is new to the book. */
  previous?: TaskRecord;
  /** deriveTaskState differs (always true for a new task). */
  stateChanged: boolean;
  /** EndTime appeared now on a task the book knew as active. A task first seen already finished is not 'finished'. */
  finished: boolean;
  /** The service no longer knows the task: it left the book. */
  removed?: boolean;
}

/** The TaskRecords of both catalogs, with change detection. */
export class TaskBook {
  private readonly records = new Map<string, TaskRecord>();

  constructor(initial: readonly TaskRecord[] = [], private readonly now: () => number = Date.now) {
    for (const record of initial) this.records.set(key(record.catalog, record.taskId), record);
  }

  /** Merges each record into what is known; returns only the real changes (lastChangedAt set to now on those). */
  upsert(records: readonly TaskRecord[]): TaskChange[] {
    const changes: TaskChange[] = [];
    for (const incoming of records) {
      const recordKey = key(incoming.catalog, incoming.taskId);
      const previous = this.records.get(recordKey);
      const merged = previous ? mergeRecords(previous, incoming) : incoming;
      if (previous && fingerprint(previous) === fingerprint(merged)) continue;
      const task: TaskRecord = { ...merged, lastChangedAt: this.now() };
      this.records.set(recordKey, task);
      changes.push({
        task,
        ...(previous ? { previous } : {}),
        stateChanged: !previous || deriveTaskState(previous) !== deriveTaskState(task),
        finished: previous !== undefined && isActive(previous) && !isActive(task),
      });
    }
    return changes;
  }

  get(catalog: Catalog, taskId: string): TaskRecord | undefined {
    return this.records.get(key(catalog, taskId));
  }

  /** Newest StartTime first. */
  list(catalog: Catalog): TaskRecord[] {
    return [...this.records.values()].filter((record) => record.catalog === catalog).sort(newestFirst);
  }

  /** Tasks without EndTime, newest first. */
  active(catalog: Catalog): TaskRecord[] {
    return this.list(catalog).filter(isActive);
  }

  remove(catalog: Catalog, taskId: string): boolean {
    return this.records.delete(key(catalog, taskId));
  }

  /** Every record, both catalogs, newest first: what the UI keeps in globalState. */
  toJSON(): TaskRecord[] {
    return [...this.records.values()].sort(newestFirst);
  }
}

function key(catalog: Catalog, taskId: string): string {
  return `${catalog}/${taskId}`;
}

function newestFirst(a: TaskRecord, b: TaskRecord): number {
  const byStart = startMs(b) - startMs(a);
  if (byStart !== 0 && !Number.isNaN(byStart)) return byStart;
  return a.taskId < b.taskId ? 1 : a.taskId > b.taskId ? -1 : 0;
}

function startMs(record: TaskRecord): number {
  const ms = Date.parse(record.startTime);
  return Number.isNaN(ms) ? Number.MIN_SAFE_INTEGER : ms;
}

/** Everything but lastChangedAt, in a fixed order whatever the order the fields were set in. */
function fingerprint(record: TaskRecord): string {
  return JSON.stringify([
    record.taskName,
    record.taskArn ?? null,
    record.startTime,
    record.endTime ?? null,
    record.totalCount,
    record.completedCount,
    record.failedCount,
    record.identifiers ?? null,
    record.engagements?.map((e) => [e.engagementId, e.status, e.engagementContextId ?? null, e.reasonCode ?? null, e.message ?? null]) ?? null,
    record.startedHere === true,
  ]);
}

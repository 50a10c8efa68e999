import { mergeRecords } from '../mergeRecords';
import { type TaskBook, type TaskChange } from '../taskBook';
import { type Catalog, type TaskRecord } from '../taskRecord';

/** ListProspectingFromEngagementTasks accepts at most 10 TaskIdentifier values. */
export const MAX_TASK_IDS_PER_LIST = 10;

export interface TaskFetchers {
  /** List summaries for up to 10 task ids (one ListProspectingFromEngagementTasks call with TaskIdentifier). */
  summaries(catalog: Catalog, taskIds: string[]): Promise<TaskRecord[]>;
  /** Get details of one task. */
  details(catalog: Catalog, taskId: string): Promise<TaskRecord>;
}

export interface PollCatalogOptions {
  /** Told of each failed call of a poll that still brought news of other tasks (and so did not throw). */
  onCallFailed?(error: unknown): void;
}

/**
 * One poll of a catalog: the active tasks summarised by List (10 per call), Get for each task that just
 * finished, then one upsert. An active task List does not return is asked for with Get: List can lag just
 * after Start, and a task can vanish (the Sandbox catalog is refreshed about once a year); one that Get does
 * not find either leaves the book, so it is not polled for ever.
 *
 * Each group of 10 and each Get go their own way, in parallel, so a call that hangs (until its deadline) holds
 * back only its own tasks: the others are updated when their calls answer. A task whose call fails is left
 * untouched, so the next poll sees the same finish again and no change is lost. When no task could be
 * brought up to date, the book is untouched and the first error thrown.
 */
export async function pollCatalog(book: TaskBook, catalog: Catalog, fetchers: TaskFetchers, options: PollCatalogOptions = {}): Promise<TaskChange[]> {
  const active = book.active(catalog);
  if (active.length === 0) return [];

  const failures: unknown[] = [];
  const outcomes = await Promise.all(chunks(active, MAX_TASK_IDS_PER_LIST).map((group) => pollGroup(catalog, group, fetchers, failures)));
  const updates = outcomes.flatMap((outcome) => outcome.updates);
  const gone = outcomes.flatMap((outcome) => outcome.gone);
  if (failures.length > 0 && updates.length === 0 && gone.length === 0) throw failures[0];

  const changes = book.upsert(updates);
  for (const task of gone) {
    book.remove(catalog, task.taskId);
    changes.push({ task, previous: task, stateChanged: false, finished: false, removed: true });
  }
  for (const failure of failures) options.onCallFailed?.(failure);
  return changes;
}

/** List for up to 10 tasks, then Get where needed; failed calls go to `failures`, their tasks are left out. */
async function pollGroup(catalog: Catalog, group: readonly TaskRecord[], fetchers: TaskFetchers, failures: unknown[]): Promise<{ updates: TaskRecord[]; gone: TaskRecord[] }> {
  let summaries: TaskRecord[];
  try {
    summaries = await fetchers.summaries(catalog, group.map((task) => task.taskId));
  } catch (error) {
    failures.push(error);
    return { updates: [], gone: [] };
  }
  const groupIds = new Set(group.map((task) => task.taskId));
  const relevant = summaries.filter((summary) => summary.catalog === catalog && groupIds.has(summary.taskId));
  const listed = new Set(relevant.map((summary) => summary.taskId));
  const gone: TaskRecord[] = [];

  const fromList = relevant.map(async (summary): Promise<TaskRecord | undefined> => {
    if (!summary.endTime) return summary;
    try {
      // Merged, so the summary's EndTime and counts stand even if Get lags behind List.
      return mergeRecords(summary, await fetchers.details(catalog, summary.taskId));
    } catch (error) {
      failures.push(error);
      return undefined;
    }
  });
  const fromGet = group
    .filter((task) => !listed.has(task.taskId))
    .map(async (task): Promise<TaskRecord | undefined> => {
      try {
        return await fetchers.details(catalog, task.taskId);
      } catch (error) {
        if (isNotFound(error)) gone.push(task);
        else failures.push(error);
        return undefined;
      }
    });
  const updates = (await Promise.all([...fromList, ...fromGet])).filter((record): record is TaskRecord => record !== undefined);
  return { updates, gone };
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ResourceNotFoundException';
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

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

/**
 * One poll of a catalog: the active tasks summarised by List (10 per call), Get for each task that just
 * finished, then one upsert. An active task List does not return is asked for with Get: List can lag just
 * after Start, and a task can vanish (the Sandbox catalog is refreshed about once a year); one that Get does
 * not find either leaves the book, so it is not polled for ever. All or nothing: when a call fails, the book
 * is untouched and the error thrown, so the next poll sees the same finishes again and no change is lost.
 */
export async function pollCatalog(book: TaskBook, catalog: Catalog, fetchers: TaskFetchers): Promise<TaskChange[]> {
  const active = book.active(catalog);
  if (active.length === 0) return [];

  const summaries: TaskRecord[] = [];
  for (const ids of chunks(active.map((task) => task.taskId), MAX_TASK_IDS_PER_LIST)) {
    summaries.push(...(await fetchers.summaries(catalog, ids)));
  }

  const activeIds = new Set(active.map((task) => task.taskId));
  const relevant = summaries.filter((summary) => summary.catalog === catalog && activeIds.has(summary.taskId));
  const updates = await Promise.all(
    relevant.map(async (summary) => {
      if (!summary.endTime) return summary;
      // Merged, so the summary's EndTime and counts stand even if Get lags behind List.
      return mergeRecords(summary, await fetchers.details(catalog, summary.taskId));
    }),
  );

  const listed = new Set(relevant.map((summary) => summary.taskId));
  const unlisted: TaskRecord[] = [];
  const gone: TaskRecord[] = [];
  for (const task of active.filter((candidate) => !listed.has(candidate.taskId))) {
    try {
      unlisted.push(await fetchers.details(catalog, task.taskId));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      gone.push(task);
    }
  }

  const changes = book.upsert([...updates, ...unlisted]);
  for (const task of gone) {
    book.remove(catalog, task.taskId);
    changes.push({ task, previous: task, stateChanged: false, finished: false, removed: true });
  }
  return changes;
}

function isNotFound(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'ResourceNotFoundException';
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}

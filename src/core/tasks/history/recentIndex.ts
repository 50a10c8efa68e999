import type { Catalog, TaskRecord } from '../taskRecord';

/** What the tree and the list need of a task without its per-engagement results. */
export interface TaskSummary {
  taskId: string;
  catalog: Catalog;
  taskName: string;
  taskArn?: string;
  /** ISO 8601. */
  startTime: string;
  /** ISO 8601; absent while the task runs. */
  endTime?: string;
  totalCount: number;
  completedCount: number;
  failedCount: number;
  startedHere?: boolean;
  lastChangedAt?: number;
}

/** Tasks the index keeps, newest first (active ones always): a reload shows the top of the list at once. */
export const MAX_INDEXED = 1000;

/** One row of the stored index: a tuple, so 5,000 rows stay well under 1 MB of JSON. */
type IndexRow = [taskId: string, catalog: Catalog, name: string, start: string, end: string | 0, total: number, completed: number, failed: number, flags: number, lastChangedAt: number | 0, arn: string | 0];

const STARTED_HERE = 1;

export function summaryOf(record: TaskRecord): TaskSummary {
  const { engagements: _engagements, identifiers: _identifiers, ...summary } = record;
  return summary;
}

/** The stored index: newest first, at most `max` rows beside the active tasks, which are always kept. */
export function encodeIndex(summaries: readonly TaskSummary[], max = MAX_INDEXED): IndexRow[] {
  const newestFirst = [...summaries].sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0));
  return newestFirst.filter((summary, index) => index < max || summary.endTime === undefined).map((s) => [
    s.taskId, s.catalog, s.taskName, s.startTime, s.endTime ?? 0, s.totalCount, s.completedCount, s.failedCount,
    s.startedHere ? STARTED_HERE : 0, s.lastChangedAt ?? 0, s.taskArn ?? 0,
  ]);
}

/** The valid rows of a stored index; anything malformed is dropped rather than failing activation. */
export function decodeIndex(value: unknown): TaskSummary[] {
  if (!Array.isArray(value)) return [];
  const summaries: TaskSummary[] = [];
  for (const row of value as unknown[]) {
    if (!Array.isArray(row) || row.length < 11) continue;
    const [taskId, catalog, taskName, startTime, endTime, total, completed, failed, flags, lastChangedAt, taskArn] = row as unknown[];
    if (typeof taskId !== 'string' || !taskId || (catalog !== 'AWS' && catalog !== 'Sandbox')) continue;
    if (typeof taskName !== 'string' || typeof startTime !== 'string') continue;
    summaries.push({
      taskId, catalog, taskName, startTime,
      ...(typeof endTime === 'string' ? { endTime } : {}),
      ...(typeof taskArn === 'string' ? { taskArn } : {}),
      totalCount: countOf(total), completedCount: countOf(completed), failedCount: countOf(failed),
      ...(flags === STARTED_HERE ? { startedHere: true } : {}),
      ...(typeof lastChangedAt === 'number' && lastChangedAt > 0 ? { lastChangedAt } : {}),
    });
  }
  return summaries;
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

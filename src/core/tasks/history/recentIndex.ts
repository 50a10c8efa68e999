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
export const MAX_INDEXED = 200;

/** One row of the stored index: a tuple, so 5,000 rows stay well under 1 MB of JSON. */
type IndexRow = [taskId: string, catalog: Catalog, name: string, start: string, end: string | 0, total: number, completed: number, failed: number, flags: number, lastChangedAt: number | 0, arn: string | 0 | 1];

/** The stored index. Task ARNs of one account differ only by catalog and ID: a row says 1 for "the usual ARN". */
export interface StoredIndex {
  arnPrefix?: string;
  rows: IndexRow[];
}

const ARN_SHAPE = /^(arn:[^:]+:partnercentral:[^:]*:\d*:catalog\/)([^/]+)\/engagement-task\/(.+)$/;

function usualArn(prefix: string | undefined, catalog: Catalog, taskId: string): string | undefined {
  return prefix === undefined ? undefined : `${prefix}${catalog}/engagement-task/${taskId}`;
}

const STARTED_HERE = 1;

export function summaryOf(record: TaskRecord): TaskSummary {
  const { engagements: _engagements, identifiers: _identifiers, ...summary } = record;
  return summary;
}

/** The stored index: newest first, at most `max` rows beside the active tasks, which are always kept. */
export function encodeIndex(summaries: readonly TaskSummary[], max = MAX_INDEXED): StoredIndex {
  const newestFirst = [...summaries].sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0));
  const arnPrefix = summaries.map((s) => s.taskArn && ARN_SHAPE.exec(s.taskArn)?.[1]).find((prefix) => prefix !== undefined);
  const rows = newestFirst.filter((summary, index) => index < max || summary.endTime === undefined).map((s): IndexRow => [
    s.taskId, s.catalog, s.taskName, s.startTime, s.endTime ?? 0, s.totalCount, s.completedCount, s.failedCount,
    s.startedHere ? STARTED_HERE : 0, s.lastChangedAt ?? 0,
    s.taskArn === undefined ? 0 : s.taskArn === usualArn(arnPrefix, s.catalog, s.taskId) ? 1 : s.taskArn,
  ]);
  return arnPrefix === undefined ? { rows } : { arnPrefix, rows };
}

/** The valid rows of a stored index; anything malformed is dropped rather than failing activation. */
export function decodeIndex(value: unknown): TaskSummary[] {
  if (typeof value !== 'object' || value === null) return [];
  const { arnPrefix: storedPrefix, rows } = value as { arnPrefix?: unknown; rows?: unknown };
  if (!Array.isArray(rows)) return [];
  const arnPrefix = typeof storedPrefix === 'string' ? storedPrefix : undefined;
  const summaries: TaskSummary[] = [];
  for (const row of rows as unknown[]) {
    if (!Array.isArray(row) || row.length < 11) continue;
    const [taskId, catalog, taskName, startTime, endTime, total, completed, failed, flags, lastChangedAt, taskArn] = row as unknown[];
    if (typeof taskId !== 'string' || !taskId || (catalog !== 'AWS' && catalog !== 'Sandbox')) continue;
    if (typeof taskName !== 'string' || typeof startTime !== 'string') continue;
    const arn = taskArn === 1 ? usualArn(arnPrefix, catalog, taskId) : taskArn;
    summaries.push({
      taskId, catalog, taskName, startTime,
      ...(typeof endTime === 'string' ? { endTime } : {}),
      ...(typeof arn === 'string' ? { taskArn: arn } : {}),
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

/**
 * Two windows' indexes as one: a union by task, each task as the window that saw it change last knows it (an
 * ended task over a running one), bounded again. Nothing is removed but by the bound, so neither window loses
 * a task the other wrote.
 */
export function mergeIndexes(a: readonly TaskSummary[], b: readonly TaskSummary[], max = MAX_INDEXED): TaskSummary[] {
  const byTask = new Map<string, TaskSummary>();
  for (const summary of [...a, ...b]) {
    const key = `${summary.catalog}/${summary.taskId}`;
    const known = byTask.get(key);
    if (!known || isNewer(summary, known)) byTask.set(key, summary);
  }
  return decodeIndex(encodeIndex([...byTask.values()], max));
}

function isNewer(candidate: TaskSummary, known: TaskSummary): boolean {
  if ((candidate.endTime !== undefined) !== (known.endTime !== undefined)) return candidate.endTime !== undefined;
  const progress = (s: TaskSummary): number => s.completedCount + s.failedCount;
  if (progress(candidate) !== progress(known)) return progress(candidate) > progress(known);
  return (candidate.lastChangedAt ?? 0) > (known.lastChangedAt ?? 0);
}

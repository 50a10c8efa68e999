import { type TaskRecord } from './taskRecord';

export type TaskState = 'pending' | 'running' | 'completed' | 'completedWithFailures' | 'failed';

export interface TaskCounts {
  total: number;
  /** completed + failed. */
  done: number;
  completed: number;
  failed: number;
  pending: number;
  inProgress: number;
}

/** The task has no EndTime yet: the service is still working on it. */
export function isActive(task: TaskRecord): boolean {
  return !task.endTime;
}

/**
 * Counts of a task. Totals come from the record's counts, which merging keeps current; the split of the
 * unfinished ones into pending and in progress is only known from engagements fetched at the same progress
 * (stale engagements would under-report): otherwise every unfinished engagement counts as pending.
 */
export function taskCounts(task: TaskRecord): TaskCounts {
  const { totalCount: total, completedCount: completed, failedCount: failed } = task;
  const done = completed + failed;
  let inProgress = 0;
  if (task.engagements && engagementsMatchCounts(task)) {
    inProgress = task.engagements.filter((engagement) => engagement.status === 'IN_PROGRESS').length;
  }
  const unfinished = Math.max(0, total - done);
  inProgress = Math.min(inProgress, unfinished);
  return { total, done, completed, failed, pending: unfinished - inProgress, inProgress };
}

function engagementsMatchCounts(task: TaskRecord): boolean {
  const engagements = task.engagements ?? [];
  let completed = 0;
  let failed = 0;
  for (const engagement of engagements) {
    if (engagement.status === 'COMPLETED') completed++;
    else if (engagement.status === 'FAILED') failed++;
  }
  return engagements.length === task.totalCount && completed === task.completedCount && failed === task.failedCount;
}

/**
 * Get reports no task-level status: it is derived from the engagements (or List's counts) and EndTime.
 * Without EndTime the task is pending until something moved, then running; with EndTime it failed when every
 * engagement failed, completed with failures when some did, completed otherwise (also with no engagements).
 */
export function deriveTaskState(task: TaskRecord): TaskState {
  const counts = taskCounts(task);
  if (isActive(task)) return counts.done > 0 || counts.inProgress > 0 ? 'running' : 'pending';
  if (counts.failed === 0) return 'completed';
  return counts.total > 0 && counts.failed >= counts.total ? 'failed' : 'completedWithFailures';
}

/** '7/10 done · 1 failed' ('done' counts completed and failed engagements). */
export function describeProgress(task: TaskRecord): string {
  const counts = taskCounts(task);
  const failed = counts.failed > 0 ? ` · ${counts.failed} failed` : '';
  return `${counts.done}/${counts.total} done${failed}`;
}

export interface AggregateProgress {
  tasks: number;
  done: number;
  total: number;
  failed: number;
}

/** Sums for the status bar ('Prospecting 34/200'): pass the tasks to summarise, usually the active ones. */
export function aggregateProgress(tasks: readonly TaskRecord[]): AggregateProgress {
  const sum: AggregateProgress = { tasks: tasks.length, done: 0, total: 0, failed: 0 };
  for (const task of tasks) {
    const counts = taskCounts(task);
    sum.done += counts.done;
    sum.total += counts.total;
    sum.failed += counts.failed;
  }
  return sum;
}

/** The engagements to start again in a retry task (known once details were fetched). */
export function failedEngagementIds(task: TaskRecord): string[] {
  return (task.engagements ?? []).filter((engagement) => engagement.status === 'FAILED').map((engagement) => engagement.engagementId);
}

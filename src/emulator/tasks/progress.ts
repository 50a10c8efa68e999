import { type EngagementStatus } from '../model';
import { type Task, type TaskEngagement } from './store';

/**
 * When each engagement of a task starts and finishes. The first tenth of the duration every engagement
 * waits (PENDING); the rest is split into equal consecutive slots, one per engagement. The last slot ends
 * exactly at start + duration. Everything is derived from the clock, so Get and List always agree.
 */
export function schedule(startMs: number, durationMs: number, count: number): { inProgressAtMs: number; doneAtMs: number }[] {
  const queuedMs = Math.floor(durationMs / 10);
  const workMs = durationMs - queuedMs;
  return Array.from({ length: count }, (_, i) => ({
    inProgressAtMs: startMs + queuedMs + Math.floor((workMs * i) / count),
    doneAtMs: startMs + queuedMs + Math.floor((workMs * (i + 1)) / count),
  }));
}

export function engagementStatus(engagement: TaskEngagement, nowMs: number): EngagementStatus {
  if (nowMs >= engagement.doneAtMs) return engagement.failure ? 'FAILED' : 'COMPLETED';
  if (nowMs >= engagement.inProgressAtMs) return 'IN_PROGRESS';
  return 'PENDING';
}

export interface TaskProgress {
  total: number;
  pending: number;
  inProgress: number;
  completed: number;
  failed: number;
  /** Set once every engagement is COMPLETED or FAILED. */
  endTimeMs?: number;
  status: EngagementStatus;
}

export function taskProgress(task: Task, nowMs: number): TaskProgress {
  const progress: TaskProgress = { total: task.engagements.length, pending: 0, inProgress: 0, completed: 0, failed: 0, status: 'PENDING' };
  for (const engagement of task.engagements) {
    switch (engagementStatus(engagement, nowMs)) {
      case 'PENDING': progress.pending++; break;
      case 'IN_PROGRESS': progress.inProgress++; break;
      case 'COMPLETED': progress.completed++; break;
      case 'FAILED': progress.failed++; break;
    }
  }
  const done = progress.completed + progress.failed === progress.total;
  if (done) {
    progress.endTimeMs = task.endMs;
    // A task fails as a whole only when not one engagement could be prospected.
    progress.status = progress.total > 0 && progress.failed === progress.total ? 'FAILED' : 'COMPLETED';
  } else {
    progress.status = progress.pending === progress.total ? 'PENDING' : 'IN_PROGRESS';
  }
  return progress;
}

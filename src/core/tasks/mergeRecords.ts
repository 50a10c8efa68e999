import { withoutUndefined } from './recordConversion';
import { type EngagementResult, type TaskRecord } from './taskRecord';

/**
 * Two views of the same task merged. Newer information wins, but nothing learnt is lost: engagements,
 * identifiers, startedHere and EndTime survive an incoming record without them, and counts never go backwards
 * (a List answered before a Get may arrive after it).
 */
export function mergeRecords(known: TaskRecord, incoming: TaskRecord): TaskRecord {
  return withoutUndefined({
    taskId: known.taskId,
    catalog: known.catalog,
    taskName: incoming.taskName || known.taskName,
    taskArn: incoming.taskArn ?? known.taskArn,
    startTime: incoming.startTime || known.startTime,
    endTime: incoming.endTime ?? known.endTime,
    totalCount: Math.max(known.totalCount, incoming.totalCount),
    completedCount: Math.max(known.completedCount, incoming.completedCount),
    failedCount: Math.max(known.failedCount, incoming.failedCount),
    identifiers: incoming.identifiers ?? known.identifiers,
    engagements: fresherEngagements(known.engagements, incoming.engagements),
    startedHere: known.startedHere || incoming.startedHere ? true : undefined,
    lastChangedAt: latest(known.lastChangedAt, incoming.lastChangedAt),
  });
}

function fresherEngagements(known: EngagementResult[] | undefined, incoming: EngagementResult[] | undefined): EngagementResult[] | undefined {
  if (!incoming) return known;
  if (!known) return incoming;
  return progressOf(incoming) >= progressOf(known) ? incoming : known;
}

/** Engagements only move forward: PENDING, IN_PROGRESS, then COMPLETED or FAILED. */
function progressOf(engagements: readonly EngagementResult[]): number {
  let progress = 0;
  for (const engagement of engagements) {
    if (engagement.status === 'IN_PROGRESS') progress += 1;
    else if (engagement.status === 'COMPLETED' || engagement.status === 'FAILED') progress += 2;
  }
  return progress;
}

function latest(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.max(a, b);
}

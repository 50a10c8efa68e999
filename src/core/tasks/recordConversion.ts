import { type Catalog, type EngagementResult, isEngagementStatus, type TaskRecord } from './taskRecord';

/** The SDK turns timestamps into Dates; stored records and tests may hold ISO strings. */
type Timestamp = Date | string;

/** The parts of StartProspectingFromEngagementTask's response a record is made of. */
export interface StartOutputLike {
  TaskId?: string;
  TaskArn?: string;
  TaskName?: string;
  StartTime?: Timestamp;
  Identifiers?: string[];
}

/** A ProspectingTaskSummary of ListProspectingFromEngagementTasks. */
export interface TaskSummaryLike {
  TaskId?: string;
  TaskArn?: string;
  TaskName?: string;
  StartTime?: Timestamp;
  EndTime?: Timestamp;
  TotalEngagementCount?: number;
  CompletedEngagementCount?: number;
  FailedEngagementCount?: number;
}

interface EngagementDetailsLike {
  EngagementIdentifier?: string;
  Status?: string;
  EngagementContextId?: string;
  ReasonCode?: string;
  Message?: string;
}

/** GetProspectingFromEngagementTask's response. */
export interface TaskDetailsLike {
  TaskId?: string;
  TaskArn?: string;
  TaskName?: string;
  StartTime?: Timestamp;
  EndTime?: Timestamp;
  Engagements?: EngagementDetailsLike[];
}

/**
 * The record of a task this machine just started. Start's TaskStatus is not kept: a task that ended at once
 * gets its EndTime and counts from the first poll.
 */
export function recordFromStart(output: StartOutputLike, catalog: Catalog, now: number = Date.now()): TaskRecord {
  if (!output.TaskId) throw new Error('StartProspectingFromEngagementTask answered without a TaskId');
  const identifiers = output.Identifiers ? [...output.Identifiers] : [];
  return withoutUndefined({
    taskId: output.TaskId,
    catalog,
    taskName: output.TaskName ?? '',
    taskArn: output.TaskArn,
    startTime: toIso(output.StartTime) ?? new Date(now).toISOString(),
    totalCount: identifiers.length,
    completedCount: 0,
    failedCount: 0,
    identifiers,
    startedHere: true,
  });
}

/** A record from a List summary; undefined for a summary without TaskId. */
export function recordFromSummary(summary: TaskSummaryLike, catalog: Catalog): TaskRecord | undefined {
  if (!summary.TaskId) return undefined;
  return withoutUndefined({
    taskId: summary.TaskId,
    catalog,
    taskName: summary.TaskName ?? '',
    taskArn: summary.TaskArn,
    startTime: toIso(summary.StartTime) ?? '',
    endTime: toIso(summary.EndTime),
    totalCount: count(summary.TotalEngagementCount),
    completedCount: count(summary.CompletedEngagementCount),
    failedCount: count(summary.FailedEngagementCount),
  });
}

/** A record from Get alone (the task was not known before). */
export function recordFromDetails(details: TaskDetailsLike, catalog: Catalog, taskId?: string): TaskRecord {
  const id = details.TaskId ?? taskId;
  if (!id) throw new Error('GetProspectingFromEngagementTask answered without a TaskId');
  return applyDetails({ taskId: id, catalog, taskName: '', startTime: '', totalCount: 0, completedCount: 0, failedCount: 0 }, details);
}

/**
 * `record` updated with Get's response: engagements replaced, counts recomputed from them, identifiers kept
 * (or taken from the engagements when unknown). Fields Get left out keep their value.
 */
export function applyDetails(record: TaskRecord, details: TaskDetailsLike): TaskRecord {
  const updated: TaskRecord = {
    ...record,
    taskArn: details.TaskArn ?? record.taskArn,
    taskName: details.TaskName || record.taskName,
    startTime: toIso(details.StartTime) ?? record.startTime,
    endTime: toIso(details.EndTime) ?? record.endTime,
  };
  if (details.Engagements) {
    const engagements = details.Engagements.map(toEngagementResult).filter((engagement) => engagement !== undefined);
    updated.engagements = engagements;
    updated.identifiers = record.identifiers ?? engagements.map((engagement) => engagement.engagementId);
    updated.totalCount = engagements.length;
    updated.completedCount = engagements.filter((engagement) => engagement.status === 'COMPLETED').length;
    updated.failedCount = engagements.filter((engagement) => engagement.status === 'FAILED').length;
  }
  return withoutUndefined(updated);
}

function toEngagementResult(engagement: EngagementDetailsLike): EngagementResult | undefined {
  if (!engagement.EngagementIdentifier) return undefined;
  // A status this version does not know is shown as not started rather than dropped.
  const status = isEngagementStatus(engagement.Status) ? engagement.Status : 'PENDING';
  return withoutUndefined({
    engagementId: engagement.EngagementIdentifier,
    status,
    engagementContextId: engagement.EngagementContextId,
    reasonCode: engagement.ReasonCode,
    message: engagement.Message,
  });
}

function toIso(value: Timestamp | undefined): string | undefined {
  if (value === undefined) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.floor(value) : 0;
}

/** Records are kept as JSON: absent fields stay absent rather than `undefined`. */
export function withoutUndefined<T extends object>(value: T): T {
  const copy = { ...value };
  for (const key of Object.keys(copy) as Array<keyof T>) {
    if (copy[key] === undefined) delete copy[key];
  }
  return copy;
}

import { withoutUndefined } from './recordConversion';
import { type EngagementResult, isEngagementStatus, type TaskRecord } from './taskRecord';

/**
 * The valid TaskRecords of a value read back from storage (globalState written by this or an older version).
 * Anything malformed is dropped rather than failing activation.
 */
export function parseStoredTaskRecords(value: unknown): TaskRecord[] {
  if (!Array.isArray(value)) return [];
  return value.map(parseRecord).filter((record) => record !== undefined);
}

function parseRecord(value: unknown): TaskRecord | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.taskId !== 'string' || !v.taskId) return undefined;
  const catalog = v.catalog;
  if (catalog !== 'AWS' && catalog !== 'Sandbox') return undefined;
  return withoutUndefined<TaskRecord>({
    taskId: v.taskId,
    catalog,
    taskName: stringOr(v.taskName, ''),
    taskArn: optionalString(v.taskArn),
    startTime: stringOr(v.startTime, ''),
    endTime: optionalString(v.endTime),
    totalCount: countOf(v.totalCount),
    completedCount: countOf(v.completedCount),
    failedCount: countOf(v.failedCount),
    identifiers: Array.isArray(v.identifiers) ? v.identifiers.filter((id): id is string => typeof id === 'string') : undefined,
    engagements: Array.isArray(v.engagements) ? v.engagements.map(parseEngagement).filter((e) => e !== undefined) : undefined,
    startedHere: v.startedHere === true ? true : undefined,
    lastChangedAt: typeof v.lastChangedAt === 'number' && Number.isFinite(v.lastChangedAt) ? v.lastChangedAt : undefined,
  });
}

function parseEngagement(value: unknown): EngagementResult | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.engagementId !== 'string' || !isEngagementStatus(v.status)) return undefined;
  return withoutUndefined({
    engagementId: v.engagementId,
    status: v.status,
    engagementContextId: optionalString(v.engagementContextId),
    reasonCode: optionalString(v.reasonCode),
    message: optionalString(v.message),
  });
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function countOf(value: unknown): number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

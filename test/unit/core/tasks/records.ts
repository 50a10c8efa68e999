import { type EngagementResult, type EngagementStatus, type TaskRecord } from '../../../../src/core/tasks/taskRecord';

let sequence = 0;

/** A task id of the API's shape: task- and 14 base-36 characters. */
export function taskId(n = ++sequence): string {
  return `task-${n.toString(36).padStart(14, '0')}`;
}

export function engagementId(n: number): string {
  return `eng-${n.toString(36).padStart(14, '0')}`;
}

export function engagements(...statuses: EngagementStatus[]): EngagementResult[] {
  return statuses.map((status, i) => ({
    engagementId: engagementId(i + 1),
    status,
    ...(status === 'COMPLETED' ? { engagementContextId: `ctx-${(i + 1).toString(36).padStart(14, '0')}` } : {}),
    ...(status === 'FAILED' ? { reasonCode: 'ENGAGEMENT_NOT_ELIGIBLE', message: 'Not eligible' } : {}),
  }));
}

export function record(fields: Partial<TaskRecord> = {}): TaskRecord {
  return {
    taskId: taskId(),
    catalog: 'Sandbox',
    taskName: 'Leads',
    startTime: '2026-11-26T10:00:00.000Z',
    totalCount: 0,
    completedCount: 0,
    failedCount: 0,
    ...fields,
  };
}

/** A record whose counts agree with its engagements, as applyDetails makes them. */
export function withEngagements(statuses: EngagementStatus[], fields: Partial<TaskRecord> = {}): TaskRecord {
  const list = engagements(...statuses);
  return record({
    totalCount: list.length,
    completedCount: list.filter((e) => e.status === 'COMPLETED').length,
    failedCount: list.filter((e) => e.status === 'FAILED').length,
    engagements: list,
    ...fields,
  });
}

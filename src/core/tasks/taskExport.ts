import { type TaskRecord } from './taskRecord';
import { deriveTaskState } from './taskState';

const CSV_COLUMNS = [
  'TaskId', 'TaskName', 'Catalog', 'TaskArn', 'StartTime', 'EndTime',
  'EngagementIdentifier', 'Status', 'EngagementContextId', 'ReasonCode', 'Message',
] as const;

/**
 * One row per engagement (RFC 4180, CRLF). A task whose details were never fetched gets one row per known
 * identifier with an empty Status, or a single row without engagement columns, so no task goes missing.
 */
export function tasksToCsv(tasks: readonly TaskRecord[]): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const task of tasks) {
    const taskCells = [task.taskId, task.taskName, task.catalog, task.taskArn ?? '', task.startTime, task.endTime ?? ''];
    if (task.engagements && task.engagements.length > 0) {
      for (const e of task.engagements) rows.push([...taskCells, e.engagementId, e.status, e.engagementContextId ?? '', e.reasonCode ?? '', e.message ?? '']);
    } else if (task.identifiers && task.identifiers.length > 0) {
      for (const id of task.identifiers) rows.push([...taskCells, id, '', '', '', '']);
    } else {
      rows.push([...taskCells, '', '', '', '', '']);
    }
  }
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** A cell quoted when needed, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Pretty JSON with a fixed field order, the derived state included; local bookkeeping (startedHere…) left out. */
export function tasksToJson(tasks: readonly TaskRecord[]): string {
  const exported = tasks.map((task) => ({
    taskId: task.taskId,
    taskName: task.taskName,
    catalog: task.catalog,
    taskArn: task.taskArn,
    state: deriveTaskState(task),
    startTime: task.startTime,
    endTime: task.endTime,
    totalCount: task.totalCount,
    completedCount: task.completedCount,
    failedCount: task.failedCount,
    identifiers: task.identifiers,
    engagements: task.engagements?.map((e) => ({
      engagementId: e.engagementId,
      status: e.status,
      engagementContextId: e.engagementContextId,
      reasonCode: e.reasonCode,
      message: e.message,
    })),
  }));
  return `${JSON.stringify(exported, null, 2)}\n`;
}

import type { Catalog, TaskRecord } from '../tasks';

/** The task an outcome comes from. */
interface OutcomeTask {
  readonly catalog: Catalog;
  readonly taskId: string;
  readonly taskName: string;
  /** ISO 8601. */
  readonly startTime: string;
  /** ISO 8601; absent while the task runs. */
  readonly endTime?: string;
}

/** What prospecting made of one engagement, in the newest task that holds it. */
export type EngagementOutcome =
  | { readonly state: 'completed'; readonly task: OutcomeTask; readonly contextId?: string; readonly otherTasks: number }
  | { readonly state: 'failed'; readonly task: OutcomeTask; readonly reasonCode?: string; readonly message?: string; readonly otherTasks: number }
  | { readonly state: 'running'; readonly task: OutcomeTask; readonly otherTasks: number };

/** Where the editor learns outcomes: a narrow view of the tasks the current account knows. */
export interface EngagementOutcomeSource {
  outcomeOf(engagementId: string): EngagementOutcome | undefined;
  /** Outcomes changed (a task started, moved on or finished; another account or catalog). */
  onDidChange(listener: () => void): { dispose(): void };
}

/**
 * Each engagement's outcome in the newest task (by StartTime) that says something about it. A task that ended
 * but whose per-engagement results are not fetched yet says nothing, so an older known result shows meanwhile.
 */
export function outcomesFromTasks(tasks: readonly TaskRecord[]): Map<string, EngagementOutcome> {
  const newestFirst = [...tasks].sort((a, b) => (a.startTime < b.startTime ? 1 : a.startTime > b.startTime ? -1 : 0));
  const outcomes = new Map<string, EngagementOutcome>();
  const seen = new Map<string, number>();
  for (const record of newestFirst) {
    const task: OutcomeTask = {
      catalog: record.catalog,
      taskId: record.taskId,
      taskName: record.taskName,
      startTime: record.startTime,
      ...(record.endTime ? { endTime: record.endTime } : {}),
    };
    for (const outcome of outcomesOfTask(record, task)) {
      const id = outcome.id;
      seen.set(id, (seen.get(id) ?? 0) + 1);
      if (!outcomes.has(id)) outcomes.set(id, outcome.outcome);
    }
  }
  for (const [id, outcome] of outcomes) outcomes.set(id, { ...outcome, otherTasks: (seen.get(id) ?? 1) - 1 });
  return outcomes;
}

function* outcomesOfTask(record: TaskRecord, task: OutcomeTask): Generator<{ id: string; outcome: EngagementOutcome }> {
  if (record.engagements) {
    for (const engagement of record.engagements) {
      const id = engagement.engagementId;
      if (engagement.status === 'COMPLETED') {
        yield { id, outcome: { state: 'completed', task, otherTasks: 0, ...(engagement.engagementContextId ? { contextId: engagement.engagementContextId } : {}) } };
      } else if (engagement.status === 'FAILED') {
        yield { id, outcome: { state: 'failed', task, otherTasks: 0, ...(engagement.reasonCode ? { reasonCode: engagement.reasonCode } : {}), ...(engagement.message ? { message: engagement.message } : {}) } };
      } else {
        yield { id, outcome: { state: 'running', task, otherTasks: 0 } };
      }
    }
    return;
  }
  if (!record.endTime) {
    for (const id of record.identifiers ?? []) yield { id, outcome: { state: 'running', task, otherTasks: 0 } };
  }
}

/** A string that changes whenever any outcome does: lets a source tell real changes from noise. */
export function outcomesFingerprint(outcomes: ReadonlyMap<string, EngagementOutcome>): string {
  const parts: string[] = [];
  for (const [id, outcome] of outcomes) parts.push(`${id}:${outcome.state}:${outcome.task.taskId}:${outcomeDecorationText(outcome)}:${outcome.otherTasks}`);
  return parts.sort().join('|');
}

/** The quiet text after an ID in the editor: `✓ ctx-…`, `✗ REASON`, `… running`. */
export function outcomeDecorationText(outcome: EngagementOutcome): string {
  switch (outcome.state) {
    case 'completed': return `✓ ${outcome.contextId ?? 'completed'}`;
    case 'failed': return `✗ ${outcome.reasonCode ?? 'failed'}`;
    case 'running': return '… running';
  }
}

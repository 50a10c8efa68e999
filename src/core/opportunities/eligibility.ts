import { type EngagementResult, type TaskRecord } from '../tasks/taskRecord';

/** An engagement whose prospecting succeeded: its context can become an opportunity. */
export interface OpportunityCandidate {
  catalog: string;
  engagementId: string;
  contextId: string;
  /** The prospecting task the context came from. */
  taskId: string;
  taskName: string;
}

export type IneligibleReason = 'notProspected' | 'prospectingRunning' | 'prospectingFailed' | 'noContext' | 'notFetched';

export interface LeftOutEngagement {
  engagementId: string;
  reason: IneligibleReason | 'hasPendingStart' | 'hasOpportunityTask';
  /** One sentence for the user: why it is left out and what to do. */
  why: string;
  /** The opportunity task that already exists for its context, when `hasOpportunityTask`. */
  taskId?: string;
}

export interface Eligibility {
  eligible: OpportunityCandidate[];
  leftOut: LeftOutEngagement[];
}

/**
 * Which engagements of `tasks` can become opportunities: those whose prospecting COMPLETED with an
 * EngagementContextId. Every other engagement is named with why. With `selection`, only those engagements
 * count, and a selected engagement that none of the tasks prospected is named too. An engagement prospected
 * by several tasks uses its newest completed context.
 */
export function opportunityEligibility(tasks: readonly TaskRecord[], selection?: readonly string[]): Eligibility {
  const newestFirst = [...tasks].sort((a, b) => (Date.parse(b.startTime) || 0) - (Date.parse(a.startTime) || 0));
  const wanted = selection ? [...new Set(selection)] : undefined;
  const best = new Map<string, { task: TaskRecord; result?: EngagementResult }>();
  for (const task of newestFirst) {
    const results = new Map((task.engagements ?? []).map((result) => [result.engagementId, result]));
    const ids = task.engagements ? [...results.keys()] : (task.identifiers ?? []);
    for (const id of ids) {
      const result = results.get(id);
      const known = best.get(id);
      const usable = (entry?: EngagementResult): boolean => entry?.status === 'COMPLETED' && Boolean(entry.engagementContextId);
      if (!known || (!usable(known.result) && usable(result))) best.set(id, { task, result });
    }
  }

  const eligible: OpportunityCandidate[] = [];
  const leftOut: LeftOutEngagement[] = [];
  for (const engagementId of wanted ?? [...best.keys()]) {
    const found = best.get(engagementId);
    if (!found) {
      leftOut.push({ engagementId, reason: 'notProspected', why: 'No prospecting task of this account and catalog includes it: start a prospecting task for it first.' });
      continue;
    }
    const { task, result } = found;
    if (!result) {
      leftOut.push({ engagementId, reason: 'notFetched', why: `The results of task ${task.taskName} are not loaded yet: refresh the task, then try again.` });
    } else if (result.status === 'FAILED') {
      const cause = [result.reasonCode, result.message].filter(Boolean).join(': ');
      leftOut.push({ engagementId, reason: 'prospectingFailed', why: `Prospecting failed in task ${task.taskName}${cause ? ` (${cause})` : ''}: fix that and prospect it again.` });
    } else if (result.status !== 'COMPLETED') {
      leftOut.push({ engagementId, reason: 'prospectingRunning', why: `Prospecting is still running in task ${task.taskName}: wait for it to finish.` });
    } else if (!result.engagementContextId) {
      leftOut.push({ engagementId, reason: 'noContext', why: `Task ${task.taskName} completed it without an EngagementContextId: refresh the task; if it stays missing, prospect it again.` });
    } else {
      eligible.push({ catalog: task.catalog, engagementId, contextId: result.engagementContextId, taskId: task.taskId, taskName: task.taskName });
    }
  }
  return { eligible, leftOut };
}

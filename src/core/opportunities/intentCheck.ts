import { type LeftOutEngagement, type OpportunityCandidate } from './eligibility';
import { type OpportunityTaskRow } from './opportunityTaskRow';
import { type PendingOpportunity, findPendingOpportunity, sameContext } from './pendingOpportunities';

export interface IntentCheck {
  /** Contexts without any opportunity task: a run starts one each. */
  start: OpportunityCandidate[];
  /** Named and left out: a start for the context awaits its answer, or a task runs or made its opportunity. */
  leftOut: LeftOutEngagement[];
}

/**
 * The intent check of Create Opportunities: a context that already has an opportunity task is named and left
 * out, whether the task is only a saved ClientToken whose answer was lost (resuming re-sends it with that
 * token), runs, or made its opportunity. A FAILED task does not block: a new task may succeed once its cause
 * is fixed (Partner Central allows it too).
 */
export function checkOpportunityIntent(
  candidates: readonly OpportunityCandidate[],
  knownTasks: readonly OpportunityTaskRow[],
  pending: readonly PendingOpportunity[],
): IntentCheck {
  const check: IntentCheck = { start: [], leftOut: [] };
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const key = `${candidate.catalog}/${candidate.engagementId}/${candidate.contextId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const waiting = findPendingOpportunity(pending, candidate);
    const blocking = knownTasks.find((task) => sameContext(task, candidate) && task.status !== 'FAILED');
    if (waiting) {
      check.leftOut.push({
        engagementId: candidate.engagementId,
        reason: 'hasPendingStart',
        why: 'An earlier request for this context has not been answered yet: it is re-sent with the same ClientToken, so it cannot make a second opportunity.',
      });
    } else if (blocking) {
      check.leftOut.push({
        engagementId: candidate.engagementId,
        reason: 'hasOpportunityTask',
        taskId: blocking.taskId,
        why:
          blocking.status === 'COMPLETE'
            ? `Its context already became opportunity ${blocking.opportunityId ?? '(ID pending)'} (task ${blocking.taskId}).`
            : `Task ${blocking.taskId} is already creating its opportunity: follow it instead.`,
      });
    } else {
      check.start.push(candidate);
    }
  }
  return check;
}

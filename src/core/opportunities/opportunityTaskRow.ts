import { type ErrorExplanation } from '../errorExplanation';
import { explainOpportunityFailure } from './reasonExplanations';

export type OpportunityTaskStatus = 'IN_PROGRESS' | 'COMPLETE' | 'FAILED';

/** One opportunity task as Start or ListOpportunityFromEngagementTasks describe it. Plain JSON. */
export interface OpportunityTaskRow {
  taskId: string;
  catalog: string;
  engagementId: string;
  contextId: string;
  /** ISO 8601. */
  startTime?: string;
  status: OpportunityTaskStatus;
  opportunityId?: string;
  resourceSnapshotJobId?: string;
  reasonCode?: string;
  message?: string;
  taskArn?: string;
}

export type OpportunityTaskState =
  | { kind: 'running'; label: string }
  | { kind: 'created'; label: string; opportunityId: string }
  | { kind: 'failed'; label: string; explanation: ErrorExplanation };

/** What a row of the tree says of one opportunity task: the opportunity it made, that it runs, or why it failed and the fix. */
export function deriveOpportunityTaskState(row: OpportunityTaskRow): OpportunityTaskState {
  if (row.status === 'COMPLETE' && row.opportunityId) return { kind: 'created', label: `Opportunity ${row.opportunityId}`, opportunityId: row.opportunityId };
  if (row.status === 'FAILED') {
    const explanation = explainOpportunityFailure(row.reasonCode, row.message);
    return { kind: 'failed', label: `Failed: ${explanation.title}`, explanation };
  }
  if (row.status === 'COMPLETE') {
    // Complete without an OpportunityId: the API broke its own contract; say so rather than show an empty ID.
    return {
      kind: 'failed',
      label: 'Finished without an opportunity ID',
      explanation: {
        kind: 'unknown',
        title: 'The task finished without naming its opportunity',
        detail: `Task ${row.taskId} is COMPLETE but ListOpportunityFromEngagementTasks gave no OpportunityId.${row.message ? ` ${row.message}` : ''}`,
        fixes: ['Refresh in a minute; if the ID is still missing, look for the opportunity of this engagement in the Partner Central console.'],
        retryable: true,
      },
    };
  }
  return { kind: 'running', label: 'Creating the opportunity…' };
}

/** Newest first by StartTime, then by task ID, so a context's latest task comes first. */
export function compareRowsNewestFirst(a: OpportunityTaskRow, b: OpportunityTaskRow): number {
  const time = (row: OpportunityTaskRow): number => (row.startTime ? Date.parse(row.startTime) : 0) || 0;
  return time(b) - time(a) || (a.taskId < b.taskId ? -1 : a.taskId > b.taskId ? 1 : 0);
}

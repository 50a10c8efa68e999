import { type ErrorExplanation } from '../errorExplanation';
import { redactSecrets } from '../redactSecrets';

interface ReasonAdvice {
  title: string;
  fix: string;
  /** Whether a new task for the same context may succeed without changes first. */
  retryable: boolean;
}

// The SDK's ReasonCode values a StartOpportunityFromEngagementTask task can fail with, each with the step that fixes it.
const ADVICE: Record<string, ReasonAdvice> = {
  ContextNotFound: { title: 'The engagement context no longer exists', fix: 'Run prospecting on the engagement again and create the opportunity from its new context.', retryable: false },
  CustomerProjectContextNotPermitted: {
    title: 'A CustomerProject context cannot become an opportunity',
    fix: "Use the engagement's ProspectingResult (or Lead) context: create the opportunity from the prospecting task's result.",
    retryable: false,
  },
  DisqualifiedLeadNotPermitted: { title: 'The lead is disqualified', fix: 'Requalify the lead in Partner Central before creating an opportunity from it.', retryable: false },
  EngagementAccessDenied: { title: 'No access to the engagement', fix: 'Ask the engagement owner to invite your account again, then create the opportunity.', retryable: false },
  EngagementConflict: { title: 'The engagement changed meanwhile', fix: 'Refresh, then create the opportunity again.', retryable: true },
  EngagementValidationFailed: { title: 'The engagement is incomplete', fix: 'Complete the engagement in Partner Central, then create the opportunity again.', retryable: false },
  InternalError: { title: 'Partner Central had an internal error', fix: 'Create the opportunity again later; if it keeps failing, contact AWS Support with the task ID.', retryable: true },
  OpportunityAccessDenied: { title: 'No permission to create opportunities', fix: 'Ask your Partner Central administrator for permission to create opportunities.', retryable: false },
  OpportunityConflict: { title: 'An opportunity for this customer already exists', fix: 'Update the existing opportunity in Partner Central instead of creating another.', retryable: false },
  OpportunitySubmissionFailed: { title: 'The opportunity could not be submitted', fix: 'Open the opportunity in the Partner Central console, correct what it names, and submit it.', retryable: false },
  OpportunityValidationFailed: { title: 'The opportunity would be invalid', fix: 'Add the missing customer details (postal code, website) to the engagement in Partner Central, then create the opportunity again.', retryable: false },
  RequestThrottled: { title: 'Partner Central was throttling', fix: 'Create the opportunity again in a minute.', retryable: true },
  ResourceSnapshotAccessDenied: { title: 'No access to the resource snapshot', fix: 'Check your permissions on resource snapshots (partnercentral:CreateResourceSnapshot and related actions).', retryable: false },
  ResourceSnapshotConflict: { title: 'The resource snapshot conflicts', fix: 'Refresh, then create the opportunity again.', retryable: true },
  ResourceSnapshotJobAccessDenied: { title: 'No access to the resource snapshot job', fix: 'Check your permissions on resource snapshot jobs.', retryable: false },
  ResourceSnapshotJobConflict: { title: 'The resource snapshot job conflicts', fix: 'Refresh, then create the opportunity again.', retryable: true },
  ResourceSnapshotJobValidationFailed: { title: 'The resource snapshot job is invalid', fix: 'Complete the engagement context in Partner Central, then create the opportunity again.', retryable: false },
  ResourceSnapshotValidationFailed: {
    title: "The engagement's snapshot is incomplete",
    fix: 'Complete the engagement context (project title, expected customer spend) in Partner Central, then create the opportunity again.',
    retryable: false,
  },
  ServiceQuotaExceeded: { title: 'A Partner Central quota is used up', fix: 'Wait for the quota to reset (rolling 24 hours), or ask AWS for a higher quota.', retryable: true },
};

/** A failed opportunity task's ReasonCode and Message, as what happened and the fix. */
export function explainOpportunityFailure(reasonCode: string | undefined, message: string | undefined): ErrorExplanation {
  const advice = reasonCode ? ADVICE[reasonCode] : undefined;
  const detail = redactSecrets([reasonCode ? `ReasonCode ${reasonCode}.` : 'No ReasonCode given.', message ?? ''].filter(Boolean).join(' '));
  return {
    kind: advice?.retryable ? 'serverError' : 'validation',
    title: advice?.title ?? (reasonCode ? `Failed: ${reasonCode}` : 'The task failed'),
    detail,
    // The service's own message usually names the fix too; it comes first in `detail`, ours is the general step.
    fixes: [advice?.fix ?? 'Read the message above; correct the engagement in Partner Central, then create the opportunity again.'],
    retryable: advice?.retryable ?? false,
  };
}

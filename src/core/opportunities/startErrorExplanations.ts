import { type ErrorContext, type ErrorExplanation, explainError } from '../errorExplanations';
import { redactSecrets } from '../redactSecrets';
import { viewSdkError } from '../sdkErrorView';

export interface OpportunityStartContext extends ErrorContext {
  engagementId?: string;
  contextId?: string;
}

export interface OpportunityStartExplanation extends ErrorExplanation {
  /** ConflictException: the opportunity task that already exists for the context, when the message names it. */
  existingTaskId?: string;
  /** ConflictException: the opportunity that context already became, when the message names it. */
  existingOpportunityId?: string;
}

const TASK_ID = /\boit-[0-9a-z]{13}\b/;
const OPPORTUNITY_ID = /\bO[0-9]{1,19}\b/;

/**
 * Explains an error of StartOpportunityFromEngagementTask or ListOpportunityFromEngagementTasks: the general
 * explanation (transport, credentials, throttling...), with what these calls' errors mean for an opportunity.
 */
export function explainOpportunityCallError(error: unknown, context: OpportunityStartContext = {}): OpportunityStartExplanation {
  const base: OpportunityStartExplanation = explainError(error, context);
  const view = viewSdkError(error);
  const message = redactSecrets(view.message || view.name);
  const subject = context.engagementId ? `engagement ${context.engagementId}` : 'the engagement';
  const catalog = context.catalog ? `the ${context.catalog} catalog` : 'the catalog';
  switch (base.kind) {
    case 'conflict': {
      const existingTaskId = message.match(TASK_ID)?.[0];
      const existingOpportunityId = /already became opportunity/i.test(message) ? message.match(OPPORTUNITY_ID)?.[0] : undefined;
      const tokenReused = /ClientToken/i.test(message);
      return {
        ...base,
        title: tokenReused
          ? 'This ClientToken was already used for another request'
          : existingOpportunityId
            ? `${capitalize(subject)} already has opportunity ${existingOpportunityId}`
            : `An opportunity task already exists for ${subject}`,
        detail: message,
        fixes: tokenReused
          ? ['Start it again: a new Create Opportunities run uses a new ClientToken. Refresh first: the task you meant may already exist.']
          : [
              existingTaskId
                ? `Follow task ${existingTaskId} (Refresh in the Opportunities section) instead of creating another opportunity.`
                : 'Refresh the Opportunities section: the task for this context is listed there.',
            ],
        ...(existingTaskId ? { existingTaskId } : {}),
        ...(existingOpportunityId ? { existingOpportunityId } : {}),
      };
    }
    case 'notFound':
      return {
        ...base,
        title: `Engagement or context not found in ${catalog}`,
        detail: message,
        fixes: [
          `Check that ${subject} belongs to ${catalog} and that your account can see it.`,
          'The context must be the EngagementContextId a completed prospecting task gave this engagement: refresh that task, or prospect the engagement again.',
        ],
      };
    case 'validation':
      return {
        ...base,
        fixes: [
          'Each task takes one engagement ID (eng- and 14 of 0-9, a-z), its context ID, a ClientToken of 1 to 255 characters and at most 200 tags: correct the fields listed.',
        ],
      };
    case 'accessDenied':
      return {
        ...base,
        fixes: [
          'Review the IAM policies of these credentials (they need partnercentral:StartOpportunityFromEngagementTask and partnercentral:ListOpportunityFromEngagementTasks), or contact your AWS administrator.',
        ],
      };
    case 'throttled':
      return {
        ...base,
        fixes: [
          'Try again later: Partner Central allows 1 StartOpportunityFromEngagementTask per second per partner account (the "other writes" quota), shared with everyone using that account. Retrying re-sends the same ClientToken, so it creates no second task.',
        ],
      };
    default:
      return base;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export const CATALOGS = ['AWS', 'Sandbox'] as const;
export type Catalog = (typeof CATALOGS)[number];

export function isCatalog(value: string): value is Catalog {
  return (CATALOGS as readonly string[]).includes(value);
}

export const OPERATIONS = [
  'StartProspectingFromEngagementTask',
  'GetProspectingFromEngagementTask',
  'ListProspectingFromEngagementTasks',
  'GetEngagement',
  'ListEngagements',
  'StartOpportunityFromEngagementTask',
  'ListOpportunityFromEngagementTasks',
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export function isOperation(value: string): value is OperationName {
  return (OPERATIONS as readonly string[]).includes(value);
}

export type EngagementStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export const ENGAGEMENT_ID_PATTERN = /^eng-[0-9a-z]{14}$/;
export const TASK_ID_PATTERN = /^task-[0-9a-z]{14}$/;

export const OPPORTUNITY_TASK_STATUSES = ['IN_PROGRESS', 'COMPLETE', 'FAILED'] as const;
export type OpportunityTaskStatus = (typeof OPPORTUNITY_TASK_STATUSES)[number];

/** Opportunity task ids: the reference documents none for this operation; `oit-` is its sibling task family's. */
export const OPPORTUNITY_TASK_ID_PATTERN = /^oit-[0-9a-z]{13}$/;
export const OPPORTUNITY_ID_PATTERN = /^O[0-9]{1,19}$/;
/** The reference's context id pattern `[1-9][0-9]*`, or the `ctx-` ids this emulator's prospecting issues. */
export const CONTEXT_ID_PATTERN = /^([1-9][0-9]*|ctx-[0-9a-z]{14})$/;
export const CONTEXT_ID_PATTERN_TEXT = '[1-9][0-9]* or ctx-[0-9a-z]{14}';

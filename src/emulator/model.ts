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
] as const;
export type OperationName = (typeof OPERATIONS)[number];

export function isOperation(value: string): value is OperationName {
  return (OPERATIONS as readonly string[]).includes(value);
}

export type EngagementStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export const ENGAGEMENT_ID_PATTERN = /^eng-[0-9a-z]{14}$/;
export const TASK_ID_PATTERN = /^task-[0-9a-z]{14}$/;

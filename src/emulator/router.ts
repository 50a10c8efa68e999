import { type OperationName, isOperation } from './model';
import { type Operation } from './operations/context';
import { getEngagement } from './operations/getEngagement';
import { getProspectingFromEngagementTask } from './operations/getTask';
import { listEngagements } from './operations/listEngagements';
import { listOpportunityFromEngagementTasks } from './operations/listOpportunityTasks';
import { listProspectingFromEngagementTasks } from './operations/listTasks';
import { startOpportunityFromEngagementTask } from './operations/startOpportunityTask';
import { startProspectingFromEngagementTask } from './operations/startTask';
import { type QUOTA_RATES } from './quotas';

export const TARGET_PREFIX = 'AWSPartnerCentralSelling.';

export interface Route {
  handler: Operation;
  quota: keyof typeof QUOTA_RATES;
}

export const ROUTES: Record<OperationName, Route> = {
  StartProspectingFromEngagementTask: { handler: startProspectingFromEngagementTask, quota: 'StartProspectingFromEngagementTask' },
  GetProspectingFromEngagementTask: { handler: getProspectingFromEngagementTask, quota: 'GetProspectingFromEngagementTask' },
  ListProspectingFromEngagementTasks: { handler: listProspectingFromEngagementTasks, quota: 'ListProspectingFromEngagementTasks' },
  GetEngagement: { handler: getEngagement, quota: 'otherReads' },
  ListEngagements: { handler: listEngagements, quota: 'otherReads' },
  StartOpportunityFromEngagementTask: { handler: startOpportunityFromEngagementTask, quota: 'otherWrites' },
  ListOpportunityFromEngagementTasks: { handler: listOpportunityFromEngagementTasks, quota: 'otherReads' },
};

/** The operation named by an `X-Amz-Target` header, if the emulator serves it. */
export function operationFromTarget(target: string | undefined): OperationName | undefined {
  if (!target?.startsWith(TARGET_PREFIX)) return undefined;
  const name = target.slice(TARGET_PREFIX.length);
  return isOperation(name) ? name : undefined;
}

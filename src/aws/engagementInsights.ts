import { type EngagementContextDetails, GetEngagementCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { type CallOptions } from './prospectingTasks';

/** What a ProspectingResult context tells of an engagement, flattened for hovers, tree rows and Export. Plain JSON. */
export interface EngagementInsights {
  engagementId: string;
  contextId: string;
  marketplaceEngagementScore?: string;
  solutionScore?: string;
  solutionCategory?: string;
  solutionSubCategory?: string;
  /** ProspectingResult's Customer.AccountName, else the CustomerProject or Lead context's CompanyName. */
  customerName?: string;
  /** ProspectingResultCustomer has no website: from the engagement's CustomerProject or Lead context. */
  customerWebsite?: string;
  industry?: string;
  country?: string;
  /** The prospecting task that made the context. */
  taskId?: string;
  taskName?: string;
  /** ISO 8601. */
  taskStartTime?: string;
  taskEndTime?: string;
}

/**
 * GetEngagement, read for its ProspectingResult context: the newest one (by its task's EndTime), or the one
 * `contextId` names. Undefined when the engagement has none (not prospected, or prospecting not finished).
 */
export async function getEngagementInsights(
  client: PartnerCentralSellingClient,
  input: { catalog: string; engagementId: string; contextId?: string },
  options: CallOptions = {},
): Promise<EngagementInsights | undefined> {
  const engagement = await client.send(new GetEngagementCommand({ Catalog: input.catalog, Identifier: input.engagementId }), options);
  return insightsOf(engagement.Id ?? input.engagementId, engagement.Contexts ?? [], input.contextId);
}

export function insightsOf(engagementId: string, contexts: readonly EngagementContextDetails[], contextId?: string): EngagementInsights | undefined {
  const results = contexts
    .filter((context) => context.Type === 'ProspectingResult' && context.Id && context.Payload?.ProspectingResult?.Aws)
    .filter((context) => contextId === undefined || context.Id === contextId)
    .sort((a, b) => endTimeOf(b) - endTimeOf(a));
  const chosen = results[0];
  const result = chosen?.Payload?.ProspectingResult?.Aws;
  if (!chosen?.Id || !result) return undefined;
  const customer = customerDetails(contexts);
  const insights: EngagementInsights = { engagementId, contextId: chosen.Id };
  assign(insights, 'marketplaceEngagementScore', result.Insights?.MarketplaceEngagementScore);
  assign(insights, 'solutionScore', result.Insights?.SolutionScore);
  assign(insights, 'solutionCategory', result.Insights?.SolutionCategory);
  assign(insights, 'solutionSubCategory', result.Insights?.SolutionSubCategory);
  assign(insights, 'customerName', result.Customer?.AccountName ?? customer.name);
  assign(insights, 'customerWebsite', customer.website);
  assign(insights, 'industry', result.Customer?.Industry ?? customer.industry);
  assign(insights, 'country', result.Customer?.Country);
  assign(insights, 'taskId', result.TaskId);
  assign(insights, 'taskName', result.TaskName);
  assign(insights, 'taskStartTime', result.StartTime?.toISOString());
  assign(insights, 'taskEndTime', result.EndTime?.toISOString());
  return insights;
}

function endTimeOf(context: EngagementContextDetails): number {
  return context.Payload?.ProspectingResult?.Aws?.EndTime?.getTime() ?? 0;
}

function customerDetails(contexts: readonly EngagementContextDetails[]): { name?: string; website?: string; industry?: string } {
  for (const context of contexts) {
    const customer = context.Payload?.CustomerProject?.Customer ?? context.Payload?.Lead?.Customer;
    if (customer) return { name: customer.CompanyName, website: customer.WebsiteUrl, industry: customer.Industry };
  }
  return {};
}

function assign<K extends keyof EngagementInsights>(target: EngagementInsights, key: K, value: EngagementInsights[K] | undefined): void {
  if (value !== undefined && value !== '') target[key] = value;
}

import { GetEngagementCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { type CallOptions } from './prospectingTasks';

/**
 * The customer's company of one engagement, from its CustomerProject or Lead context (GetEngagement: one
 * "other read" per call, so callers ask for one engagement a user points at, not for lists). Undefined when
 * no context names a company or the catalog doesn't know the engagement.
 */
export async function lookUpEngagementCompany(
  client: PartnerCentralSellingClient,
  catalog: string,
  id: string,
  options: CallOptions = {},
): Promise<string | undefined> {
  try {
    const engagement = await client.send(new GetEngagementCommand({ Catalog: catalog, Identifier: id }), options);
    for (const context of engagement.Contexts ?? []) {
      const company = context.Payload?.CustomerProject?.Customer?.CompanyName ?? context.Payload?.Lead?.Customer?.CompanyName;
      if (company) return company;
    }
    return undefined;
  } catch (error) {
    if ((error as { name?: unknown } | null)?.name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

import { type PartnerCentralSellingClient, paginateListEngagements } from '@aws-sdk/client-partnercentral-selling';
import { type CallOptions } from './prospectingTasks';

/** ListEngagements takes at most 10 EngagementIdentifier values per call. */
const IDS_PER_CALL = 10;

/**
 * Titles of the given engagements, by ID, with one ListEngagements call per 10 IDs (GetEngagement would need
 * one call each, against a quota of 10 reads per second). IDs the catalog doesn't know are absent from the map.
 */
export async function lookUpEngagementTitles(
  client: PartnerCentralSellingClient,
  catalog: string,
  ids: readonly string[],
  options: CallOptions = {},
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const distinct = [...new Set(ids)];
  for (let start = 0; start < distinct.length; start += IDS_PER_CALL) {
    const group = distinct.slice(start, start + IDS_PER_CALL);
    // One page holds the ≤ 10 matches; the paginator only follows a NextToken the service sends anyway.
    const pages = paginateListEngagements({ client, pageSize: IDS_PER_CALL, stopOnSameToken: true }, { Catalog: catalog, EngagementIdentifier: group }, options);
    for await (const page of pages) {
      for (const summary of page.EngagementSummaryList ?? []) {
        if (summary.Id && summary.Title !== undefined) titles.set(summary.Id, summary.Title);
      }
    }
  }
  return titles;
}

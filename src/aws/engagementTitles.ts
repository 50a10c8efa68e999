import { ListEngagementsCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';

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
  options: { abortSignal?: AbortSignal } = {},
): Promise<Map<string, string>> {
  const titles = new Map<string, string>();
  const distinct = [...new Set(ids)];
  for (let start = 0; start < distinct.length; start += IDS_PER_CALL) {
    const group = distinct.slice(start, start + IDS_PER_CALL);
    let nextToken: string | undefined;
    do {
      const page = await client.send(
        new ListEngagementsCommand({ Catalog: catalog, EngagementIdentifier: group, MaxResults: IDS_PER_CALL, NextToken: nextToken }),
        options,
      );
      for (const summary of page.EngagementSummaryList ?? []) {
        if (summary.Id && summary.Title !== undefined) titles.set(summary.Id, summary.Title);
      }
      nextToken = page.NextToken;
    } while (nextToken);
  }
  return titles;
}

import * as assert from 'node:assert/strict';
import {
  GetProspectingFromEngagementTaskCommand,
  type PartnerCentralSellingClient,
  StartOpportunityFromEngagementTaskCommand,
  type StartOpportunityFromEngagementTaskCommandOutput,
  StartProspectingFromEngagementTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type EngagementListing, listKnownEngagements } from '../../support/emulator';

export async function knownEngagements(endpoint: string, catalog: 'AWS' | 'Sandbox'): Promise<EngagementListing['engagements']> {
  return (await listKnownEngagements(endpoint, catalog, { limit: 100_000 })).engagements;
}

export const OPPORTUNITY_TASK_ID = /^oit-[0-9a-z]{13}$/;
export const OPPORTUNITY_ID = /^O[0-9]{1,19}$/;
export const SNAPSHOT_JOB_ID = /^job-[0-9a-z]{13}$/;

/** Engagements that prospecting completes, split by whether an opportunity can be made from them. */
export async function opportunityCandidates(endpoint: string, catalog: 'AWS' | 'Sandbox'): Promise<{ succeeding: string[]; failing: string[] }> {
  const { engagements } = await listKnownEngagements(endpoint, catalog, { limit: 1000, failing: false });
  return {
    succeeding: engagements.filter((e) => !e.opportunityFailing).map((e) => e.id),
    failing: engagements.filter((e) => e.opportunityFailing).map((e) => e.id),
  };
}

/**
 * Prospects the engagements (at most 100) and returns each one's ProspectingResult context id. The emulator's
 * prospecting must be finished by the time Get asks (taskDurationSeconds 0, or a clock moved on by `advance`).
 */
export async function prospect(
  client: PartnerCentralSellingClient,
  catalog: 'AWS' | 'Sandbox',
  engagementIds: string[],
  advance: () => void = () => undefined,
): Promise<Map<string, string>> {
  const started = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: catalog, Identifiers: engagementIds, TaskName: 'prospect' }));
  advance();
  const task = await client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: catalog, TaskIdentifier: started.TaskId }));
  const contexts = new Map<string, string>();
  for (const engagement of task.Engagements ?? []) {
    if (engagement.EngagementContextId) contexts.set(engagement.EngagementIdentifier ?? '', engagement.EngagementContextId);
  }
  assert.equal(contexts.size, engagementIds.length, 'every engagement was prospected');
  return contexts;
}

export function startOpportunity(client: PartnerCentralSellingClient, input: Record<string, unknown>): Promise<StartOpportunityFromEngagementTaskCommandOutput> {
  return client.send(new StartOpportunityFromEngagementTaskCommand(input as never));
}

import {
  type ListOpportunityFromEngagementTaskSummary,
  ListOpportunityFromEngagementTasksCommand,
  type ListOpportunityFromEngagementTasksCommandInput,
  type ListOpportunityFromEngagementTasksCommandOutput,
  type PartnerCentralSellingClient,
  StartOpportunityFromEngagementTaskCommand,
  type StartOpportunityFromEngagementTaskCommandOutput,
  type TaskStatus,
  paginateListOpportunityFromEngagementTasks,
} from '@aws-sdk/client-partnercentral-selling';
import { type OpportunityTaskRow, type OpportunityTaskStatus } from '../core/opportunities/opportunityTaskRow';
import { type CallOptions } from './prospectingTasks';

/** ListOpportunityFromEngagementTasks takes at most 10 values per filter (TaskIdentifier, EngagementIdentifier...). */
export const OPPORTUNITY_TASK_IDS_PER_LIST = 10;

export interface StartOpportunityTaskInput {
  catalog: string;
  /** Always the caller's, saved before the first attempt: the SDK retries with it, so retries create no second task. */
  clientToken: string;
  engagementId: string;
  contextId: string;
  tags?: ReadonlyArray<{ key: string; value: string }>;
}

export function startOpportunityTask(
  client: PartnerCentralSellingClient,
  input: StartOpportunityTaskInput,
  options: CallOptions = {},
): Promise<StartOpportunityFromEngagementTaskCommandOutput> {
  return client.send(
    new StartOpportunityFromEngagementTaskCommand({
      Catalog: input.catalog,
      ClientToken: input.clientToken,
      Identifier: input.engagementId,
      ContextIdentifier: input.contextId,
      ...(input.tags && input.tags.length > 0 ? { Tags: input.tags.map(({ key, value }) => ({ Key: key, Value: value })) } : {}),
    }),
    options,
  );
}

export interface OpportunityTaskFilters {
  catalog: string;
  /** At most 10 per call; {@link listOpportunityTasksByIds} batches any number. */
  taskIds?: string[];
  engagementIds?: string[];
  contextIds?: string[];
  statuses?: TaskStatus[];
}

export function listOpportunityTasks(
  client: PartnerCentralSellingClient,
  filters: OpportunityTaskFilters & { maxResults?: number; nextToken?: string },
  options: CallOptions = {},
): Promise<ListOpportunityFromEngagementTasksCommandOutput> {
  return client.send(new ListOpportunityFromEngagementTasksCommand({ ...listInput(filters), MaxResults: filters.maxResults, NextToken: filters.nextToken }), options);
}

/** Every task matching `filters`, page after page (the SDK paginator stops when NextToken is absent or repeated). */
export async function* iterateOpportunityTasks(
  client: PartnerCentralSellingClient,
  filters: OpportunityTaskFilters,
  pageSize = 100,
  options: CallOptions = {},
): AsyncGenerator<ListOpportunityFromEngagementTaskSummary, void, undefined> {
  for await (const page of paginateListOpportunityFromEngagementTasks({ client, pageSize, stopOnSameToken: true }, listInput(filters), options)) {
    yield* page.TaskSummaries ?? [];
  }
}

/**
 * The given opportunity tasks, as rows: one List call (and its pages) per 10 task IDs, sequentially, so a
 * refresh of N tasks costs ceil(N/10) reads of the 10-per-second read quota. Tasks the catalog doesn't know are
 * absent; cancellation reaches the call in flight.
 */
export async function listOpportunityTasksByIds(
  client: PartnerCentralSellingClient,
  catalog: string,
  taskIds: readonly string[],
  options: CallOptions = {},
): Promise<OpportunityTaskRow[]> {
  const distinct = [...new Set(taskIds)];
  const rows: OpportunityTaskRow[] = [];
  for (let start = 0; start < distinct.length; start += OPPORTUNITY_TASK_IDS_PER_LIST) {
    const group = distinct.slice(start, start + OPPORTUNITY_TASK_IDS_PER_LIST);
    for await (const summary of iterateOpportunityTasks(client, { catalog, taskIds: group }, OPPORTUNITY_TASK_IDS_PER_LIST, options)) {
      const row = opportunityTaskRowOf(summary, catalog);
      if (row) rows.push(row);
    }
  }
  return rows;
}

/** A Start answer or List summary as a plain row; undefined without a TaskId (nothing to follow). */
export function opportunityTaskRowOf(
  summary: ListOpportunityFromEngagementTaskSummary | StartOpportunityFromEngagementTaskCommandOutput,
  catalog: string,
  fallback: { engagementId?: string; contextId?: string } = {},
): OpportunityTaskRow | undefined {
  if (!summary.TaskId) return undefined;
  const row: OpportunityTaskRow = {
    taskId: summary.TaskId,
    catalog,
    engagementId: summary.EngagementId ?? fallback.engagementId ?? '',
    contextId: summary.ContextId ?? fallback.contextId ?? '',
    status: statusOf(summary.TaskStatus),
  };
  if (summary.StartTime) row.startTime = summary.StartTime.toISOString();
  if (summary.OpportunityId) row.opportunityId = summary.OpportunityId;
  if (summary.ResourceSnapshotJobId) row.resourceSnapshotJobId = summary.ResourceSnapshotJobId;
  if (summary.ReasonCode) row.reasonCode = summary.ReasonCode;
  if (summary.Message) row.message = summary.Message;
  if (summary.TaskArn) row.taskArn = summary.TaskArn;
  return row;
}

function statusOf(status: string | undefined): OpportunityTaskStatus {
  return status === 'COMPLETE' || status === 'FAILED' ? status : 'IN_PROGRESS';
}

function listInput(filters: OpportunityTaskFilters): ListOpportunityFromEngagementTasksCommandInput {
  return {
    Catalog: filters.catalog,
    TaskIdentifier: filters.taskIds,
    EngagementIdentifier: filters.engagementIds,
    ContextIdentifier: filters.contextIds,
    TaskStatus: filters.statuses,
  };
}

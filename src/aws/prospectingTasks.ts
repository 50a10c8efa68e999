import {
  GetProspectingFromEngagementTaskCommand,
  type GetProspectingFromEngagementTaskCommandOutput,
  ListProspectingFromEngagementTasksCommand,
  type ListProspectingFromEngagementTasksCommandInput,
  type ListProspectingFromEngagementTasksCommandOutput,
  type PartnerCentralSellingClient,
  type ProspectingFromEngagementTaskSort,
  type ProspectingTaskSummary,
  StartProspectingFromEngagementTaskCommand,
  type StartProspectingFromEngagementTaskCommandOutput,
  paginateListProspectingFromEngagementTasks,
} from '@aws-sdk/client-partnercentral-selling';
import { type Catalog } from '../core/catalog';

export interface StartProspectingTaskInput {
  catalog: Catalog;
  clientToken: string;
  identifiers: readonly string[];
  taskName: string;
}

export interface CallOptions {
  /** Ends the call (the attempt in flight is aborted); combined with the client's per-call deadline. */
  abortSignal?: AbortSignal;
}

/** StartProspectingFromEngagementTask. The SDK retries with the same ClientToken, so retries create no second task. */
export function startProspectingTask(
  client: PartnerCentralSellingClient,
  input: StartProspectingTaskInput,
  options: CallOptions = {},
): Promise<StartProspectingFromEngagementTaskCommandOutput> {
  return client.send(
    new StartProspectingFromEngagementTaskCommand({
      Catalog: input.catalog,
      ClientToken: input.clientToken,
      Identifiers: input.identifiers.slice(),
      TaskName: input.taskName,
    }),
    options,
  );
}

export function getProspectingTask(
  client: PartnerCentralSellingClient,
  input: { catalog: string; taskId: string },
  options: CallOptions = {},
): Promise<GetProspectingFromEngagementTaskCommandOutput> {
  return client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: input.catalog, TaskIdentifier: input.taskId }), options);
}

export interface ProspectingTaskFilters {
  catalog: string;
  /** At most 10. */
  taskIds?: string[];
  /** At most 10. */
  taskNames?: string[];
  startAfter?: Date;
  startBefore?: Date;
  sort?: ProspectingFromEngagementTaskSort;
}

export function listProspectingTasks(
  client: PartnerCentralSellingClient,
  filters: ProspectingTaskFilters & { maxResults?: number; nextToken?: string },
  options: CallOptions = {},
): Promise<ListProspectingFromEngagementTasksCommandOutput> {
  return client.send(new ListProspectingFromEngagementTasksCommand({ ...listInput(filters), MaxResults: filters.maxResults, NextToken: filters.nextToken }), options);
}

/** Every task matching `filters`, page after page (the SDK paginator stops when NextToken is absent or repeated). */
export async function* iterateProspectingTasks(
  client: PartnerCentralSellingClient,
  filters: ProspectingTaskFilters,
  pageSize = 100,
  options: CallOptions = {},
): AsyncGenerator<ProspectingTaskSummary, void, undefined> {
  for await (const page of paginateListProspectingFromEngagementTasks({ client, pageSize, stopOnSameToken: true }, listInput(filters), options)) {
    yield* page.TaskSummaries ?? [];
  }
}

function listInput(filters: ProspectingTaskFilters): ListProspectingFromEngagementTasksCommandInput {
  return {
    Catalog: filters.catalog,
    TaskIdentifier: filters.taskIds,
    TaskName: filters.taskNames,
    StartAfter: filters.startAfter,
    StartBefore: filters.startBefore,
    Sort: filters.sort,
  };
}

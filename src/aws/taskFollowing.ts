import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { recordFromDetails, recordFromSummary, type TaskSummaryLike } from '../core/tasks/recordConversion';
import { MAX_TASK_IDS_PER_LIST, type TaskFetchers } from '../core/tasks/polling/pollCatalog';
import { type Catalog, type TaskRecord } from '../core/tasks/taskRecord';
import { type CallOptions, getProspectingTask, iterateProspectingTasks, listProspectingTasks } from './prospectingTasks';

/** The fetchers pollCatalog polls with: List filtered by TaskIdentifier (≤ 10 ids), Get per finished task. */
export function createTaskFetchers(client: PartnerCentralSellingClient, options: CallOptions = {}): TaskFetchers {
  return {
    async summaries(catalog, taskIds) {
      if (taskIds.length > MAX_TASK_IDS_PER_LIST) throw new RangeError(`At most ${MAX_TASK_IDS_PER_LIST} task ids per List call, got ${taskIds.length}`);
      if (taskIds.length === 0) return [];
      const tasks: TaskRecord[] = [];
      // One page holds all ≤ 10 matches; the paginator only follows a NextToken the service sends anyway.
      for await (const summary of iterateProspectingTasks(client, { catalog, taskIds }, MAX_TASK_IDS_PER_LIST, options)) {
        const record = recordFromSummary(summary, catalog);
        if (record) tasks.push(record);
      }
      return tasks;
    },
    details: (catalog, taskId) => fetchTaskDetails(client, catalog, taskId, options),
  };
}

export interface RecentTasksOptions {
  /** 1..100. */
  maxResults: number;
  /** From the previous page. */
  nextToken?: string;
}

/** One page of the catalog's tasks, newest StartTime first, for the tree and its 'Load more…'. */
export async function listRecentTasks(
  client: PartnerCentralSellingClient,
  catalog: Catalog,
  options: RecentTasksOptions,
  callOptions: CallOptions = {},
): Promise<{ tasks: TaskRecord[]; nextToken?: string }> {
  const page = await listProspectingTasks(
    client,
    {
      catalog,
      maxResults: options.maxResults,
      nextToken: options.nextToken,
      sort: { SortBy: 'StartTime', SortOrder: 'DESCENDING' },
    },
    callOptions,
  );
  const tasks = toRecords(page.TaskSummaries, catalog);
  return page.NextToken ? { tasks, nextToken: page.NextToken } : { tasks };
}

/** GetProspectingFromEngagementTask as a record with engagements and counts computed from them. */
export async function fetchTaskDetails(
  client: PartnerCentralSellingClient,
  catalog: Catalog,
  taskId: string,
  options: CallOptions = {},
): Promise<TaskRecord> {
  return recordFromDetails(await getProspectingTask(client, { catalog, taskId }, options), catalog, taskId);
}

function toRecords(summaries: readonly TaskSummaryLike[] | undefined, catalog: Catalog): TaskRecord[] {
  return (summaries ?? []).map((summary) => recordFromSummary(summary, catalog)).filter((record) => record !== undefined);
}

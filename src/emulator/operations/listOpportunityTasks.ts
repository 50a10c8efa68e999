import { CONTEXT_ID_PATTERN, CONTEXT_ID_PATTERN_TEXT, OPPORTUNITY_TASK_STATUSES } from '../model';
import { decodeToken, encodeToken, keysetPage, queryHash } from '../pagination';
import { opportunityTaskStatus } from '../tasks/opportunityStore';
import { Validator } from '../validation';
import { errors } from '../wire';
import { type Operation } from './context';
import { ENGAGEMENT_IDENTIFIER, OPPORTUNITY_IDENTIFIER, OPPORTUNITY_TASK_IDENTIFIER, resourceIdOf } from './identifiers';
import { opportunityTaskView } from './opportunityTaskView';

const SORT_ORDER = ['ASCENDING', 'DESCENDING'] as const;
const DEFAULT_PAGE_SIZE = 20;
const MAX_FILTER_VALUES = 10;

export const listOpportunityFromEngagementTasks: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const maxResults = v.integer(input.MaxResults, 'MaxResults', 1, 1000) ?? DEFAULT_PAGE_SIZE;
  const nextToken = v.string(input.NextToken, 'NextToken', { minLength: 1, maxLength: 2048 });
  const filter = { min: 1, max: MAX_FILTER_VALUES };
  const taskIds = v.stringList(input.TaskIdentifier, 'TaskIdentifier', { ...filter, item: OPPORTUNITY_TASK_IDENTIFIER });
  const opportunityIds = v.stringList(input.OpportunityIdentifier, 'OpportunityIdentifier', { ...filter, item: OPPORTUNITY_IDENTIFIER });
  const engagementIds = v.stringList(input.EngagementIdentifier, 'EngagementIdentifier', { ...filter, item: ENGAGEMENT_IDENTIFIER });
  const contextIds = v.stringList(input.ContextIdentifier, 'ContextIdentifier', {
    ...filter,
    item: { pattern: CONTEXT_ID_PATTERN, patternText: CONTEXT_ID_PATTERN_TEXT },
  });
  const statuses = v.stringList(input.TaskStatus, 'TaskStatus', { min: 1, max: OPPORTUNITY_TASK_STATUSES.length });
  statuses?.forEach((status, index) => v.enumValue(status, `TaskStatus[${index}]`, OPPORTUNITY_TASK_STATUSES, true));
  const sort = v.object(input.Sort, 'Sort');
  if (sort) v.enumValue(sort.SortBy, 'Sort.SortBy', ['StartTime'] as const, true);
  const sortOrder = sort ? v.enumValue(sort.SortOrder, 'Sort.SortOrder', SORT_ORDER, true) : 'DESCENDING';
  v.throwIfAny();
  if (!catalog || !sortOrder) throw errors.internal();

  const asSet = (values: string[] | undefined): Set<string> | undefined => (values ? new Set(values.map(resourceIdOf)) : undefined);
  const query = {
    catalog,
    taskIds: asSet(taskIds),
    opportunityIds: asSet(opportunityIds),
    engagementIds: asSet(engagementIds),
    contextIds: asSet(contextIds),
    statuses: statuses ? new Set(statuses) : undefined,
  };
  const hash = queryHash('ListOpportunityFromEngagementTasks', {
    ...Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value instanceof Set ? [...value].sort() : value])),
    sortOrder,
  });
  const resumed = nextToken === undefined ? undefined : decodeToken(nextToken, hash);
  // Status changes over time: every page filters by the status at the first page's time, so none repeats or is skipped.
  const asOfMs = resumed?.asOfMs ?? nowMs;

  const matching = state.opportunityTasks.inCatalog(catalog).filter((task) => {
    const status = opportunityTaskStatus(task, asOfMs);
    return (
      (!query.taskIds || query.taskIds.has(task.taskId)) &&
      // Only a COMPLETE task has made its opportunity; before that no OpportunityIdentifier names it.
      (!query.opportunityIds || (status === 'COMPLETE' && query.opportunityIds.has(task.opportunityId))) &&
      (!query.engagementIds || query.engagementIds.has(task.engagementId)) &&
      (!query.contextIds || query.contextIds.has(task.contextId)) &&
      (!query.statuses || query.statuses.has(status))
    );
  });
  const { page, next } = keysetPage(
    matching,
    (task) => ({ key: task.startMs, id: task.taskId }),
    sortOrder === 'DESCENDING',
    resumed?.cursor,
    maxResults,
  );
  return {
    TaskSummaries: page.map((task) => opportunityTaskView(task, nowMs)),
    ...(next ? { NextToken: encodeToken(hash, next, asOfMs) } : {}),
  };
};

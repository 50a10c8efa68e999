import { TASK_ID_PATTERN } from '../model';
import { type Cursor, decodeToken, encodeToken, keysetPage, queryHash } from '../pagination';
import { taskProgress } from '../tasks/progress';
import { type Task } from '../tasks/store';
import { Validator } from '../validation';
import { errors } from '../wire';
import { type Operation } from './context';
import { taskHeader } from './taskHeader';

const SORT_BY = ['StartTime', 'TaskName', 'FailedEngagementCount'] as const;
const SORT_ORDER = ['ASCENDING', 'DESCENDING'] as const;
const DEFAULT_TASK_PAGE_SIZE = 20;

export const listProspectingFromEngagementTasks: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const maxResults = v.integer(input.MaxResults, 'MaxResults', 1, 100) ?? DEFAULT_TASK_PAGE_SIZE;
  const nextToken = v.string(input.NextToken, 'NextToken', { minLength: 1, maxLength: 2048 });
  const taskIds = v.stringList(input.TaskIdentifier, 'TaskIdentifier', {
    max: 10,
    item: { pattern: TASK_ID_PATTERN, patternText: 'task-[0-9a-z]{14}' },
  });
  const taskNames = v.stringList(input.TaskName, 'TaskName', { max: 10, item: { minLength: 1, maxLength: 128 } });
  const startAfter = v.timestamp(input.StartAfter, 'StartAfter');
  const startBefore = v.timestamp(input.StartBefore, 'StartBefore');
  const sort = v.object(input.Sort, 'Sort');
  const sortBy = sort ? v.enumValue(sort.SortBy, 'Sort.SortBy', SORT_BY, true) : 'StartTime';
  const sortOrder = sort ? v.enumValue(sort.SortOrder, 'Sort.SortOrder', SORT_ORDER, true) : 'DESCENDING';
  v.throwIfAny();
  if (!catalog || !sortBy || !sortOrder) throw errors.internal();

  const hash = queryHash('ListProspectingFromEngagementTasks', {
    catalog, taskIds, taskNames, startAfter, startBefore, sortBy, sortOrder,
  });
  const resumed = nextToken === undefined ? undefined : decodeToken(nextToken, hash);
  const asOfMs = resumed?.asOfMs ?? nowMs;

  const ids = taskIds && taskIds.length > 0 ? new Set(taskIds) : undefined;
  const names = taskNames && taskNames.length > 0 ? new Set(taskNames) : undefined;
  // StartAfter is inclusive and StartBefore exclusive, so adjacent windows split tasks without overlap.
  const matching = state.tasks.inCatalog(catalog).filter((task) =>
    (!ids || ids.has(task.taskId)) &&
    (!names || names.has(task.taskName)) &&
    (startAfter === undefined || task.startMs >= startAfter) &&
    (startBefore === undefined || task.startMs < startBefore),
  );

  // FailedEngagementCount grows while tasks run: every page sorts by its value at the first page's time.
  const cursorOf = (task: Task): Cursor => ({
    key: sortBy === 'StartTime' ? task.startMs : sortBy === 'TaskName' ? task.taskName : taskProgress(task, asOfMs).failed,
    id: task.taskId,
  });
  const { page, next } = keysetPage(matching, cursorOf, sortOrder === 'DESCENDING', resumed?.cursor, maxResults);

  return {
    TaskSummaries: page.map((task) => {
      const progress = taskProgress(task, nowMs);
      return {
        ...taskHeader(task, progress),
        TotalEngagementCount: progress.total,
        CompletedEngagementCount: progress.completed,
        FailedEngagementCount: progress.failed,
      };
    }),
    ...(next ? { NextToken: encodeToken(hash, next, asOfMs) } : {}),
  };
};

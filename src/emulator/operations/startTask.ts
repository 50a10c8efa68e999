import { ENGAGEMENT_ID_PATTERN } from '../model';
import { REGION } from '../options';
import { canonicalJson } from '../pagination';
import { hashedSuffix, randomSuffix } from '../random';
import { schedule, taskProgress } from '../tasks/progress';
import { type Task } from '../tasks/store';
import { Validator } from '../validation';
import { errors, wireTime } from '../wire';
import { type Operation } from './context';

export const startProspectingFromEngagementTask: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const clientToken = v.string(input.ClientToken, 'ClientToken', { required: true, pattern: /^.{1,255}$/u, patternText: '.{1,255}' });
  const identifiers = v.stringList(input.Identifiers, 'Identifiers', {
    required: true,
    max: 100,
    item: { pattern: ENGAGEMENT_ID_PATTERN, patternText: 'eng-[0-9a-z]{14}' },
    unique: true,
  });
  const taskName = v.string(input.TaskName, 'TaskName', { required: true, minLength: 1, maxLength: 128 });
  v.throwIfAny();
  if (!catalog || clientToken === undefined || !identifiers || taskName === undefined) throw errors.internal();

  const fingerprint = canonicalJson({ Catalog: catalog, Identifiers: identifiers, TaskName: taskName });
  const previous = state.tasks.findByToken(clientToken);
  if (previous) {
    if (previous.fingerprint === fingerprint) return previous.startResponse;
    throw errors.conflict(
      `ClientToken "${clientToken}" was already used for task ${previous.taskId} with different parameters. Use a new ClientToken for a different request.`,
    );
  }

  const engagements = state.catalogs[catalog].byId;
  const missing = identifiers.filter((id) => !engagements.has(id));
  if (missing.length > 0) throw errors.resourceNotFound(`Engagements not found in catalog ${catalog}: ${missing.join(', ')}`);

  let taskId = `task-${randomSuffix()}`;
  while (state.tasks.has(taskId)) taskId = `task-${randomSuffix()}`;
  const durationMs = identifiers.length === 0 ? 0 : state.config.taskDurationMs;
  const slots = schedule(nowMs, durationMs, identifiers.length);
  const task: Task = {
    taskId,
    taskArn: `arn:aws:partnercentral-selling:${REGION}:${state.config.accountId}:catalog/${catalog}/prospecting-from-engagement-task/${taskId}`,
    catalog,
    taskName,
    clientToken,
    startMs: nowMs,
    endMs: nowMs + durationMs,
    engagements: identifiers.map((id, index) => {
      const failure = engagements.get(id)?.failure;
      return {
        id,
        contextId: `ctx-${hashedSuffix(14, taskId, id)}`,
        ...(failure ? { failure: { ...failure } } : {}),
        ...slots[index],
      };
    }),
    fingerprint,
    startResponse: {},
  };

  const progress = taskProgress(task, nowMs);
  task.startResponse = {
    TaskId: task.taskId,
    TaskArn: task.taskArn,
    TaskName: task.taskName,
    Identifiers: [...identifiers],
    StartTime: wireTime(task.startMs),
    TaskStatus: progress.status,
    ...(progress.status === 'FAILED'
      ? {
          ReasonCode: 'ALL_ENGAGEMENTS_FAILED',
          Message: `None of the ${progress.total} engagements could be prospected. Call GetProspectingFromEngagementTask for each engagement's ReasonCode and Message.`,
        }
      : {}),
  };
  state.tasks.add(task);
  return task.startResponse;
};

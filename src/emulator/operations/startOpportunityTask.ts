import { type ContextType, contextTypeOf } from '../data/contexts';
import { type OpportunityFailure, opportunityTaskFailure } from '../data/opportunityOutcome';
import { CONTEXT_ID_PATTERN, CONTEXT_ID_PATTERN_TEXT, type Catalog } from '../model';
import { REGION } from '../options';
import { canonicalJson } from '../pagination';
import { randomDigits, randomSuffix } from '../random';
import { type EmulatorState } from '../state';
import { type OpportunityTask, opportunityTaskStatus } from '../tasks/opportunityStore';
import { Validator } from '../validation';
import { errors, wireTime } from '../wire';
import { type Operation } from './context';
import { ENGAGEMENT_IDENTIFIER, engagementIdOf } from './identifiers';
import { opportunityTaskView } from './opportunityTaskView';

export const startOpportunityFromEngagementTask: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const clientToken = v.string(input.ClientToken, 'ClientToken', { required: true, pattern: /^.{1,255}$/u, patternText: '.{1,255}' });
  const identifier = v.string(input.Identifier, 'Identifier', { required: true, ...ENGAGEMENT_IDENTIFIER });
  const contextId = v.string(input.ContextIdentifier, 'ContextIdentifier', {
    required: true,
    pattern: CONTEXT_ID_PATTERN,
    patternText: CONTEXT_ID_PATTERN_TEXT,
  });
  const tags = v.tags(input.Tags, 'Tags')?.map(({ Key, Value }) => ({ Key, Value }));
  v.throwIfAny();
  if (!catalog || clientToken === undefined || identifier === undefined || contextId === undefined) throw errors.internal();

  const fingerprint = canonicalJson({
    Catalog: catalog,
    Identifier: identifier,
    ContextIdentifier: contextId,
    Tags: [...(tags ?? [])].sort((a, b) => (a.Key < b.Key ? -1 : a.Key > b.Key ? 1 : 0)),
  });
  const previous = state.opportunityTasks.findByToken(clientToken);
  if (previous) {
    if (previous.fingerprint === fingerprint) return previous.startResponse;
    throw errors.conflict(
      `ClientToken "${clientToken}" was already used for task ${previous.taskId} with different parameters. Use a new ClientToken for a different request.`,
    );
  }

  const engagementId = engagementIdOf(identifier, catalog, state.config.accountId);
  const engagement = engagementId === undefined ? undefined : state.catalogs[catalog].byId.get(engagementId);
  if (!engagement) throw errors.resourceNotFound(`Engagement ${identifier} not found in catalog ${catalog}`);
  const contextType = contextTypeOf(state.tasks, engagement, contextId, nowMs);
  if (!contextType) {
    throw errors.resourceNotFound(
      `Context ${contextId} not found on engagement ${engagement.id} in catalog ${catalog}. ` +
        'Use the EngagementContextId a completed prospecting task gave this engagement, or a context Id from GetEngagement.',
    );
  }
  refuseSecondOpportunity(state, catalog, engagement.id, contextId, nowMs);

  const failure = opportunityTaskFailure(state.config.seed, engagement, contextType);
  const task = createTask(state, {
    catalog, engagementId: engagement.id, contextId, contextType, clientToken, tags: tags ?? [], nowMs, fingerprint, ...(failure ? { failure } : {}),
  });
  task.startResponse = opportunityTaskView(task, nowMs);
  state.opportunityTasks.add(task);
  return task.startResponse;
};

/** One context, one opportunity: a task that is running or made one blocks another; a failed one does not. */
function refuseSecondOpportunity(state: EmulatorState, catalog: Catalog, engagementId: string, contextId: string, nowMs: number): void {
  for (const other of state.opportunityTasks.forContext(catalog, engagementId, contextId)) {
    const status = opportunityTaskStatus(other, nowMs);
    if (status === 'COMPLETE') {
      throw errors.conflict(
        `Context ${contextId} of engagement ${engagementId} already became opportunity ${other.opportunityId} (task ${other.taskId}). ` +
          'Work with that opportunity instead of creating another.',
      );
    }
    if (status === 'IN_PROGRESS') {
      throw errors.conflict(
        `Task ${other.taskId} is already creating an opportunity from context ${contextId} of engagement ${engagementId}. ` +
          'Follow it with ListOpportunityFromEngagementTasks instead of starting another.',
      );
    }
  }
}

interface NewTask {
  catalog: Catalog;
  engagementId: string;
  contextId: string;
  contextType: ContextType;
  clientToken: string;
  tags: OpportunityTask['tags'];
  nowMs: number;
  fingerprint: string;
  failure?: OpportunityFailure;
}

function createTask(state: EmulatorState, fields: NewTask): OpportunityTask {
  const { catalog, nowMs, ...rest } = fields;
  let taskId = `oit-${randomSuffix(13)}`;
  while (state.opportunityTasks.has(taskId)) taskId = `oit-${randomSuffix(13)}`;
  let opportunityId = `O${randomDigits(10)}`;
  while (state.opportunityTasks.hasOpportunity(opportunityId)) opportunityId = `O${randomDigits(10)}`;
  return {
    ...rest,
    taskId,
    taskArn: `arn:aws:partnercentral-selling:${REGION}:${state.config.accountId}:catalog/${catalog}/opportunity-from-engagement-task/${taskId}`,
    catalog,
    startMs: nowMs,
    doneAtMs: nowMs + state.config.opportunityTaskDurationMs,
    opportunityId,
    resourceSnapshotJobId: `job-${randomSuffix(13)}`,
    startResponse: { StartTime: wireTime(nowMs) },
  };
}

import { engagementStatus, taskProgress } from '../tasks/progress';
import { Validator } from '../validation';
import { errors } from '../wire';
import { type Operation } from './context';
import { taskHeader } from './taskHeader';
import { taskIdentifier } from './taskIdentifier';

export const getProspectingFromEngagementTask: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const identifier = taskIdentifier(v, input.TaskIdentifier, 'TaskIdentifier');
  v.throwIfAny();
  if (!catalog || !identifier) throw errors.internal();

  const task = identifier.arnCatalog && identifier.arnCatalog !== catalog ? undefined : state.tasks.get(catalog, identifier.taskId);
  if (!task) throw errors.resourceNotFound(`Task ${identifier.taskId} not found in catalog ${catalog}`);

  const progress = taskProgress(task, nowMs);
  return {
    ...taskHeader(task, progress),
    Engagements: task.engagements.map((engagement) => {
      const status = engagementStatus(engagement, nowMs);
      return {
        EngagementIdentifier: engagement.id,
        Status: status,
        ...(status === 'COMPLETED' ? { EngagementContextId: engagement.contextId } : {}),
        ...(status === 'FAILED' && engagement.failure ? { ...engagement.failure } : {}),
      };
    }),
  };
};

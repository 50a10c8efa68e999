import { type OpportunityTask, opportunityTaskStatus } from '../tasks/opportunityStore';
import { wireTime } from '../wire';

/**
 * A task as Start and List answer it at `nowMs`: OpportunityId and ResourceSnapshotJobId once COMPLETE,
 * ReasonCode and Message once FAILED.
 */
export function opportunityTaskView(task: OpportunityTask, nowMs: number): Record<string, unknown> {
  const status = opportunityTaskStatus(task, nowMs);
  return {
    TaskId: task.taskId,
    TaskArn: task.taskArn,
    StartTime: wireTime(task.startMs),
    TaskStatus: status,
    EngagementId: task.engagementId,
    ContextId: task.contextId,
    ...(status === 'COMPLETE' ? { OpportunityId: task.opportunityId, ResourceSnapshotJobId: task.resourceSnapshotJobId } : {}),
    ...(status === 'FAILED' && task.failure ? { ReasonCode: task.failure.ReasonCode, Message: task.failure.Message } : {}),
  };
}

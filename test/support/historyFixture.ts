import type { EngagementResult, TaskRecord } from '../../src/core/tasks/taskRecord';

/**
 * Tasks as a partner who launches weekly makes them: `engagementsPerTask` engagements each, a tenth failed with a
 * reason, the rest completed with a context ID; the newest `activeCount` still running. Newest first.
 */
export function historyOf(taskCount: number, engagementsPerTask = 100, activeCount = 0): TaskRecord[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from({ length: taskCount }, (_, t) => {
    const index = taskCount - 1 - t;
    const active = t < activeCount;
    const engagements: EngagementResult[] = Array.from({ length: engagementsPerTask }, (_, e) => {
      const engagementId = `eng-${(index * engagementsPerTask + e).toString(36).padStart(14, '0')}`;
      if (active) return { engagementId, status: e % 2 === 0 ? 'IN_PROGRESS' : 'PENDING' };
      return e % 10 === 0
        ? { engagementId, status: 'FAILED', reasonCode: 'ENGAGEMENT_NOT_ELIGIBLE', message: 'The engagement is not eligible for prospecting: it has no opportunity.' }
        : { engagementId, status: 'COMPLETED', engagementContextId: `ctx-${(index * engagementsPerTask + e).toString(36).padStart(14, '0')}` };
    });
    const startTime = new Date(start + index * 3_600_000).toISOString();
    return {
      taskId: `task-${index.toString(36).padStart(14, '0')}`,
      catalog: 'AWS',
      taskName: `Weekly leads ${Math.floor(index / 100) + 1} (${(index % 100) + 1}/100)`,
      taskArn: `arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/engagement-task/task-${index.toString(36).padStart(14, '0')}`,
      startTime,
      ...(active ? {} : { endTime: new Date(start + index * 3_600_000 + 600_000).toISOString() }),
      totalCount: engagementsPerTask,
      completedCount: engagements.filter((engagement) => engagement.status === 'COMPLETED').length,
      failedCount: engagements.filter((engagement) => engagement.status === 'FAILED').length,
      identifiers: engagements.map((engagement) => engagement.engagementId),
      engagements,
      startedHere: true,
      lastChangedAt: start + index * 3_600_000 + 600_000,
    };
  });
}

import type { TaskResults } from '../../../../../src/core/tasks/history/upgrade';

export function payload(taskId: string, label: string, count: number, n: number): TaskResults {
  return {
    taskId,
    catalog: 'Sandbox',
    taskName: 'Leads',
    startTime: '2026-12-01T10:00:00.000Z',
    endTime: '2026-12-01T10:10:00.000Z',
    totalCount: count,
    completedCount: count - Math.ceil(count / 10),
    failedCount: Math.ceil(count / 10),
    engagements: Array.from({ length: count }, (_, i) => ({
      engagementId: `eng-${i.toString(36).padStart(14, '0')}`,
      status: i % 10 === 0 ? 'FAILED' as const : 'COMPLETED' as const,
      message: `${label}-${n}`,
    })),
  };
}

/** The write a file came from, when it is one whole write of one of `labels` (label → engagement count). */
export function wholeWriteOf(results: TaskResults, labels: Record<string, number>): string | undefined {
  const first = results.engagements[0]?.message ?? '';
  const label = first.split('-')[0];
  if (labels[label] !== results.engagements.length) return undefined;
  return results.engagements.every((engagement) => engagement.message === first) ? first : undefined;
}

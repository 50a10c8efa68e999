import { hashedSuffix } from '../random';
import { engagementStatus } from '../tasks/progress';
import { type Task, type TaskStore } from '../tasks/store';
import { type BaseContextType, type Engagement } from './engagements';

export type ContextType = BaseContextType | 'ProspectingResult';

export interface ProspectingOutcome {
  task: Task;
  contextId: string;
  doneAtMs: number;
}

export function baseContextId(engagement: Engagement, type: BaseContextType): string {
  return `ctx-${hashedSuffix(14, engagement.id, type)}`;
}

/** Completed prospecting of this engagement at `nowMs`, newest first: each made one ProspectingResult context. */
export function completedProspecting(tasks: TaskStore, engagement: Engagement, nowMs: number): ProspectingOutcome[] {
  const outcomes: ProspectingOutcome[] = [];
  for (const task of tasks.forEngagement(engagement.catalog, engagement.id)) {
    const entry = task.engagements.find((e) => e.id === engagement.id);
    if (entry && engagementStatus(entry, nowMs) === 'COMPLETED') {
      outcomes.push({ task, contextId: entry.contextId, doneAtMs: entry.doneAtMs });
    }
  }
  return outcomes.sort((a, b) => b.doneAtMs - a.doneAtMs);
}

/** The type of the engagement's context with this id at `nowMs`, or undefined when the engagement has none such. */
export function contextTypeOf(tasks: TaskStore, engagement: Engagement, contextId: string, nowMs: number): ContextType | undefined {
  const base = engagement.baseContextTypes.find((type) => baseContextId(engagement, type) === contextId);
  if (base) return base;
  return completedProspecting(tasks, engagement, nowMs).some((outcome) => outcome.contextId === contextId) ? 'ProspectingResult' : undefined;
}

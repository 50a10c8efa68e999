import type { TaskRecord } from '../tasks';
import { outcomesFromTasks, type EngagementOutcome } from './engagementOutcomes';

interface Slot {
  outcome: EngagementOutcome;
  /** `catalog/taskId` of every task that says something about the engagement. */
  tasks: string[];
}

/**
 * Each engagement's outcome in the newest task that says something about it, kept up to date one task at a time:
 * a finished task's results read from its file, or a poll's change, updates only its own engagements, and a
 * hover is one Map look-up whatever the size of the history. Agrees with outcomesFromTasks over the same tasks.
 */
export class OutcomeIndex {
  private readonly slots = new Map<string, Slot>();

  /** Adds a task, or replaces what an earlier version of the same task said. */
  add(task: TaskRecord): void {
    const taskKey = `${task.catalog}/${task.taskId}`;
    for (const [id, outcome] of outcomesFromTasks([task])) {
      const slot = this.slots.get(id);
      if (!slot) {
        this.slots.set(id, { outcome, tasks: [taskKey] });
        continue;
      }
      if (!slot.tasks.includes(taskKey)) slot.tasks.push(taskKey);
      const shown = slot.outcome.task;
      if (`${shown.catalog}/${shown.taskId}` === taskKey || shown.startTime < outcome.task.startTime) slot.outcome = outcome;
    }
  }

  outcomeOf(engagementId: string): EngagementOutcome | undefined {
    const slot = this.slots.get(engagementId);
    return slot && { ...slot.outcome, otherTasks: slot.tasks.length - 1 };
  }

  get size(): number {
    return this.slots.size;
  }
}

import type { Catalog, Clock, TaskRecord } from '../../core/tasks';
import { explainError, formatExplanation } from '../../core/errorExplanations';
import type { FollowedTasks } from './followedTasks';
import type { SessionLog } from './sessionLog';

/** A task's details are fetched again on expand only after this long. */
const DETAILS_FRESH_MS = 5000;

export interface DetailCalls {
  details(catalog: Catalog, taskId: string): Promise<TaskRecord>;
  titles(catalog: Catalog, engagementIds: string[]): Promise<ReadonlyMap<string, string>>;
}

/** Per-engagement results of tasks, fetched when a task is expanded or shown, and the engagements' titles. */
export class TaskDetails {
  private readonly fetchedAt = new Map<string, number>();
  private readonly titles = new Map<string, string>();
  /** Engagements whose title was asked for (found or not), so a refresh never asks again. */
  private readonly titlesAsked = new Set<string>();

  constructor(private readonly tasks: FollowedTasks, private readonly calls: DetailCalls, private readonly clock: Clock, private readonly log: SessionLog) {}

  title(catalog: Catalog, engagementId: string): string | undefined {
    return this.titles.get(`${catalog}/${engagementId}`);
  }

  /** Per-engagement results for a task being expanded: fetched when unknown or still changing. */
  async ensure(task: TaskRecord, force = false): Promise<TaskRecord> {
    const key = `${task.catalog}/${task.taskId}`;
    const fetchedAt = this.fetchedAt.get(key);
    const fresh = fetchedAt !== undefined && this.clock.now() - fetchedAt < DETAILS_FRESH_MS;
    const settled = task.engagements !== undefined && task.endTime !== undefined;
    if (!force && (settled || fresh)) {
      void this.lookUpTitles(task);
      return task;
    }
    this.fetchedAt.set(key, this.clock.now());
    const details = await this.calls.details(task.catalog, task.taskId);
    if (this.tasks.isStopped) return details;
    this.tasks.upsert([details], task.catalog);
    const updated = this.tasks.book.get(task.catalog, task.taskId) ?? details;
    void this.lookUpTitles(updated);
    return updated;
  }

  private async lookUpTitles(task: TaskRecord): Promise<void> {
    const ids = (task.engagements?.map((engagement) => engagement.engagementId) ?? task.identifiers ?? [])
      .filter((id) => !this.titlesAsked.has(`${task.catalog}/${id}`));
    if (ids.length === 0) return;
    for (const id of ids) this.titlesAsked.add(`${task.catalog}/${id}`);
    try {
      const titles = await this.calls.titles(task.catalog, ids);
      if (this.tasks.isStopped) return;
      for (const [id, title] of titles) this.titles.set(`${task.catalog}/${id}`, title);
      if (titles.size > 0) this.tasks.announce();
    } catch (error) {
      if (this.tasks.isStopped) return;
      for (const id of ids) this.titlesAsked.delete(`${task.catalog}/${id}`);
      this.log.debug(`Engagement titles not available: ${formatExplanation(explainError(error, { catalog: task.catalog }))}`);
    }
  }
}

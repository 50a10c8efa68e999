import type { Catalog, Clock, TaskRecord } from '../../core/tasks';
import { explainOneLine } from '../../core/errorExplanations';
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
      void this.lookUpTaskTitles(task);
      return task;
    }
    this.fetchedAt.set(key, this.clock.now());
    const details = await this.calls.details(task.catalog, task.taskId);
    if (this.tasks.isStopped) return details;
    this.tasks.upsert([details], task.catalog);
    const updated = this.tasks.book.get(task.catalog, task.taskId) ?? details;
    void this.lookUpTaskTitles(updated);
    return updated;
  }

  /**
   * Titles of engagements, for the task tree and the launch picker alike: those asked before come from the
   * cache, the others are asked once (ListEngagements). Never rejects: a failure is logged and they are asked again later.
   */
  async lookUpTitles(catalog: Catalog, engagementIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const ask = [...new Set(engagementIds)].filter((id) => !this.titlesAsked.has(`${catalog}/${id}`));
    for (const id of ask) this.titlesAsked.add(`${catalog}/${id}`);
    let fetched: ReadonlyMap<string, string> = new Map();
    if (ask.length > 0) {
      try {
        fetched = await this.calls.titles(catalog, ask);
      } catch (error) {
        for (const id of ask) this.titlesAsked.delete(`${catalog}/${id}`);
        if (!this.tasks.isStopped) this.log.debug(`Engagement titles not available: ${explainOneLine(error, { catalog })}`);
      }
      if (!this.tasks.isStopped) {
        for (const [id, title] of fetched) this.titles.set(`${catalog}/${id}`, title);
        if (fetched.size > 0) this.tasks.announce();
      }
    }
    const titles = new Map<string, string>();
    for (const id of engagementIds) {
      const title = fetched.get(id) ?? this.title(catalog, id);
      if (title !== undefined) titles.set(id, title);
    }
    return titles;
  }

  private async lookUpTaskTitles(task: TaskRecord): Promise<void> {
    await this.lookUpTitles(task.catalog, task.engagements?.map((engagement) => engagement.engagementId) ?? task.identifiers ?? []);
  }
}

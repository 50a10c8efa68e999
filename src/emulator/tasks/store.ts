import { CATALOGS, type Catalog } from '../model';

export interface TaskEngagement {
  id: string;
  contextId: string;
  failure?: { ReasonCode: string; Message: string };
  inProgressAtMs: number;
  doneAtMs: number;
}

export interface Task {
  taskId: string;
  taskArn: string;
  catalog: Catalog;
  taskName: string;
  clientToken: string;
  startMs: number;
  endMs: number;
  engagements: TaskEngagement[];
  /** Canonical form of the Start request, to tell a replay from a conflicting reuse of its ClientToken. */
  fingerprint: string;
  /** The first Start response, returned again verbatim to a replay. */
  startResponse: Record<string, unknown>;
}

/** All tasks of the emulated account. ClientTokens are account-wide and never expire (until reset). */
export class TaskStore {
  private readonly tasks = new Map<string, Task>();
  private readonly byToken = new Map<string, Task>();
  private readonly createdPerToken = new Map<string, number>();
  private readonly byEngagement = new Map<string, Task[]>();

  add(task: Task): void {
    this.tasks.set(task.taskId, task);
    this.byToken.set(task.clientToken, task);
    this.createdPerToken.set(task.clientToken, (this.createdPerToken.get(task.clientToken) ?? 0) + 1);
    for (const engagement of task.engagements) {
      const key = engagementKey(task.catalog, engagement.id);
      const list = this.byEngagement.get(key) ?? [];
      list.push(task);
      this.byEngagement.set(key, list);
    }
  }

  has(taskId: string): boolean {
    return this.tasks.has(taskId);
  }

  get(catalog: Catalog, taskId: string): Task | undefined {
    const task = this.tasks.get(taskId);
    return task && task.catalog === catalog ? task : undefined;
  }

  findByToken(clientToken: string): Task | undefined {
    return this.byToken.get(clientToken);
  }

  inCatalog(catalog: Catalog): Task[] {
    return [...this.tasks.values()].filter((task) => task.catalog === catalog);
  }

  /** Tasks that include this engagement, oldest first. */
  forEngagement(catalog: Catalog, engagementId: string): readonly Task[] {
    return this.byEngagement.get(engagementKey(catalog, engagementId)) ?? [];
  }

  counts(): { tasksPerCatalog: Record<Catalog, number>; tasksPerClientToken: Record<string, number> } {
    const tasksPerCatalog = Object.fromEntries(CATALOGS.map((catalog) => [catalog, 0])) as Record<Catalog, number>;
    for (const task of this.tasks.values()) tasksPerCatalog[task.catalog]++;
    return { tasksPerCatalog, tasksPerClientToken: Object.fromEntries(this.createdPerToken) };
  }

  clear(): void {
    this.tasks.clear();
    this.byToken.clear();
    this.createdPerToken.clear();
    this.byEngagement.clear();
  }
}

function engagementKey(catalog: Catalog, engagementId: string): string {
  return `${catalog}/${engagementId}`;
}

import { CATALOGS, type Catalog, type OpportunityTaskStatus } from '../model';
import { type ContextType } from '../data/contexts';
import { type OpportunityFailure } from '../data/opportunityOutcome';

export interface OpportunityTask {
  taskId: string;
  taskArn: string;
  catalog: Catalog;
  engagementId: string;
  contextId: string;
  contextType: ContextType;
  clientToken: string;
  tags: { Key: string; Value: string }[];
  startMs: number;
  /** When the task ends: COMPLETE, or FAILED when `failure` is set. */
  doneAtMs: number;
  /** Shown once COMPLETE. */
  opportunityId: string;
  resourceSnapshotJobId: string;
  failure?: OpportunityFailure;
  /** Canonical form of the Start request, to tell a replay from a conflicting reuse of its ClientToken. */
  fingerprint: string;
  /** The first Start response, returned again verbatim to a replay. */
  startResponse: Record<string, unknown>;
}

export function opportunityTaskStatus(task: OpportunityTask, nowMs: number): OpportunityTaskStatus {
  if (nowMs < task.doneAtMs) return 'IN_PROGRESS';
  return task.failure ? 'FAILED' : 'COMPLETE';
}

/**
 * StartOpportunityFromEngagementTask's tasks. Their ClientTokens are a namespace of their own (a token
 * used for a prospecting task is free here), account-wide, kept until reset.
 */
export class OpportunityTaskStore {
  private readonly tasks = new Map<string, OpportunityTask>();
  private readonly byToken = new Map<string, OpportunityTask>();
  private readonly byContext = new Map<string, OpportunityTask[]>();
  private readonly opportunityIds = new Set<string>();

  add(task: OpportunityTask): void {
    this.tasks.set(task.taskId, task);
    this.byToken.set(task.clientToken, task);
    const key = contextKey(task.catalog, task.engagementId, task.contextId);
    this.byContext.set(key, [...(this.byContext.get(key) ?? []), task]);
    this.opportunityIds.add(task.opportunityId);
  }

  has(taskId: string): boolean {
    return this.tasks.has(taskId);
  }

  hasOpportunity(opportunityId: string): boolean {
    return this.opportunityIds.has(opportunityId);
  }

  findByToken(clientToken: string): OpportunityTask | undefined {
    return this.byToken.get(clientToken);
  }

  inCatalog(catalog: Catalog): OpportunityTask[] {
    return [...this.tasks.values()].filter((task) => task.catalog === catalog);
  }

  /** Tasks started from this context of this engagement, oldest first. */
  forContext(catalog: Catalog, engagementId: string, contextId: string): readonly OpportunityTask[] {
    return this.byContext.get(contextKey(catalog, engagementId, contextId)) ?? [];
  }

  counts(): {
    opportunityTasksPerCatalog: Record<Catalog, number>;
    opportunityTasksPerClientToken: Record<string, number>;
    opportunityTasksPerContext: Record<string, number>;
  } {
    const opportunityTasksPerCatalog = Object.fromEntries(CATALOGS.map((catalog) => [catalog, 0])) as Record<Catalog, number>;
    const opportunityTasksPerClientToken: Record<string, number> = {};
    for (const task of this.tasks.values()) {
      opportunityTasksPerCatalog[task.catalog]++;
      opportunityTasksPerClientToken[task.clientToken] = (opportunityTasksPerClientToken[task.clientToken] ?? 0) + 1;
    }
    const opportunityTasksPerContext = Object.fromEntries([...this.byContext].map(([key, tasks]) => [key, tasks.length]));
    return { opportunityTasksPerCatalog, opportunityTasksPerClientToken, opportunityTasksPerContext };
  }

  clear(): void {
    this.tasks.clear();
    this.byToken.clear();
    this.byContext.clear();
    this.opportunityIds.clear();
  }
}

/** `Catalog/engagementId/contextId`: the key of /__emulator/counts' opportunityTasksPerContext. */
export function contextKey(catalog: Catalog, engagementId: string, contextId: string): string {
  return `${catalog}/${engagementId}/${contextId}`;
}

import { type EngagementCatalog, generateCatalog } from './data/engagements';
import { FaultQueue } from './faults';
import { CATALOGS, type Catalog, OPERATIONS, type OperationName } from './model';
import { type EmulatorConfig } from './options';
import { QuotaLimiter } from './quotas';
import { OpportunityTaskStore } from './tasks/opportunityStore';
import { TaskStore } from './tasks/store';

/** Everything one emulator instance knows. Engagements are fixed per seed; the rest is cleared by reset. */
export class EmulatorState {
  readonly catalogs: Record<Catalog, EngagementCatalog>;
  readonly tasks = new TaskStore();
  readonly opportunityTasks = new OpportunityTaskStore();
  readonly faults = new FaultQueue();
  readonly quotas: QuotaLimiter;
  private requests = emptyRequestCounts();

  constructor(readonly config: EmulatorConfig) {
    this.quotas = new QuotaLimiter(config.quotaClock);
    const taken = new Set<string>();
    this.catalogs = Object.fromEntries(
      CATALOGS.map((catalog) => [catalog, generateCatalog(catalog, config.engagementsPerCatalog, config.seed, config.accountId, taken)]),
    ) as Record<Catalog, EngagementCatalog>;
  }

  countRequest(operation: OperationName): void {
    this.requests[operation]++;
  }

  requestsPerOperation(): Record<OperationName, number> {
    return { ...this.requests };
  }

  reset(): void {
    this.tasks.clear();
    this.opportunityTasks.clear();
    this.faults.clear();
    this.quotas.clear();
    this.requests = emptyRequestCounts();
  }
}

function emptyRequestCounts(): Record<OperationName, number> {
  return Object.fromEntries(OPERATIONS.map((operation) => [operation, 0])) as Record<OperationName, number>;
}

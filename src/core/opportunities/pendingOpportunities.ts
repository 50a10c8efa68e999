import { PENDING_LAUNCH_STALE_MS } from '../pendingLaunches';

/**
 * A StartOpportunityFromEngagementTask whose ClientToken was saved before its first attempt and whose outcome is
 * not known yet. Re-sending it with the same token can never create a second task: the API answers a repeated
 * token with the first task.
 */
export interface PendingOpportunity {
  clientToken: string;
  catalog: string;
  engagementId: string;
  contextId: string;
  /** ISO 8601. */
  createdAt: string;
}

/** Where pending opportunity starts survive a window reload (the UI keeps them per account, as pending launches). */
export interface PendingOpportunityStore {
  list(): readonly PendingOpportunity[];
  save(pending: PendingOpportunity): Promise<void> | void;
  remove(clientToken: string): Promise<void> | void;
}

/** The context an opportunity task converts: one engagement, one ContextIdentifier, one catalog. */
export interface OpportunityContextKey {
  catalog: string;
  engagementId: string;
  contextId: string;
}

export function sameContext(a: OpportunityContextKey, b: OpportunityContextKey): boolean {
  return a.catalog === b.catalog && a.engagementId === b.engagementId && a.contextId === b.contextId;
}

/** `Catalog/engagementId/contextId`, as the emulator's counts name a context. */
export function contextKeyOf(context: OpportunityContextKey): string {
  return `${context.catalog}/${context.engagementId}/${context.contextId}`;
}

export function findPendingOpportunity(pending: readonly PendingOpportunity[], context: OpportunityContextKey): PendingOpportunity | undefined {
  return pending.find((entry) => sameContext(entry, context));
}

/** A PendingOpportunityStore in memory, for tests and for callers with nowhere better to keep them. */
export class InMemoryPendingOpportunityStore implements PendingOpportunityStore {
  private readonly entries = new Map<string, PendingOpportunity>();

  constructor(initial: readonly PendingOpportunity[] = []) {
    for (const entry of initial) this.entries.set(entry.clientToken, { ...entry });
  }

  list(): PendingOpportunity[] {
    return [...this.entries.values()].map((entry) => ({ ...entry }));
  }

  save(pending: PendingOpportunity): void {
    this.entries.set(pending.clientToken, { ...pending });
  }

  remove(clientToken: string): void {
    this.entries.delete(clientToken);
  }
}

/** What happens to an account's pending opportunity starts when it becomes current, as for pending launches. */
export interface OpportunityResumePlan {
  /** Re-sent at once, with their tokens: recent Sandbox starts. */
  resend: PendingOpportunity[];
  /** Recent starts in the production (AWS) catalog: re-sent only once the user confirms. */
  confirm: PendingOpportunity[];
  /** Older than a day (or undated): shown as stale, never re-sent by themselves. */
  stale: PendingOpportunity[];
}

export function planOpportunityResume(pending: readonly PendingOpportunity[], now: number): OpportunityResumePlan {
  const plan: OpportunityResumePlan = { resend: [], confirm: [], stale: [] };
  for (const entry of pending) {
    const createdAt = Date.parse(entry.createdAt);
    if (Number.isNaN(createdAt) || now - createdAt > PENDING_LAUNCH_STALE_MS) plan.stale.push(entry);
    else if (entry.catalog === 'Sandbox') plan.resend.push(entry);
    else plan.confirm.push(entry);
  }
  return plan;
}

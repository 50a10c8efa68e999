import { type TaskBatch } from './batchPlanning';

/**
 * A launch whose ClientToken was saved before its first attempt and whose outcome is not known yet. Retrying it
 * with the same token can never create a second task: the API answers a repeated token with the first task.
 */
export interface PendingLaunch {
  clientToken: string;
  catalog: string;
  taskName: string;
  identifiers: string[];
  /** ISO 8601. */
  createdAt: string;
}

/** Where pending launches survive a window reload (the UI keeps them in globalState). */
export interface PendingLaunchStore {
  list(): readonly PendingLaunch[];
  save(launch: PendingLaunch): Promise<void> | void;
  remove(clientToken: string): Promise<void> | void;
}

export interface LaunchRequestKey {
  catalog: string;
  taskName: string;
  identifiers: readonly string[];
}

/** The pending launch for exactly this request (same catalog, name and identifiers in the same order). */
export function findPendingLaunch(pending: readonly PendingLaunch[], request: LaunchRequestKey): PendingLaunch | undefined {
  return pending.find(
    (launch) =>
      launch.catalog === request.catalog &&
      launch.taskName === request.taskName &&
      launch.identifiers.length === request.identifiers.length &&
      launch.identifiers.every((id, index) => id === request.identifiers[index]),
  );
}

/** A PendingLaunchStore in memory, for tests and for callers with nowhere better to keep them. */
export class InMemoryPendingLaunchStore implements PendingLaunchStore {
  private readonly launches = new Map<string, PendingLaunch>();

  constructor(initial: readonly PendingLaunch[] = []) {
    for (const launch of initial) this.launches.set(launch.clientToken, launch);
  }

  list(): PendingLaunch[] {
    return [...this.launches.values()];
  }

  save(launch: PendingLaunch): void {
    this.launches.set(launch.clientToken, { ...launch, identifiers: launch.identifiers.slice() });
  }

  remove(clientToken: string): void {
    this.launches.delete(clientToken);
  }
}

/** Batches that relaunch `pending` launches of `catalog` as they were (launchBatches then reuses their tokens). */
export function batchesForPendingLaunches(pending: readonly PendingLaunch[], catalog: string): TaskBatch[] {
  const ofCatalog = pending.filter((launch) => launch.catalog === catalog);
  return ofCatalog.map((launch, position) => ({
    index: position + 1,
    total: ofCatalog.length,
    name: launch.taskName,
    identifiers: launch.identifiers.slice(),
    clientToken: launch.clientToken,
  }));
}

/** A pending launch older than this is not re-sent by itself: the user re-sends or discards it. */
export const PENDING_LAUNCH_STALE_MS = 24 * 60 * 60 * 1000;

/** Whether `launch` was made more than a day before `now` (or its date cannot be read). */
export function isStalePendingLaunch(launch: PendingLaunch, now: number): boolean {
  const createdAt = Date.parse(launch.createdAt);
  return Number.isNaN(createdAt) || now - createdAt > PENDING_LAUNCH_STALE_MS;
}

/** What happens to an account's pending launches when it becomes current. */
export interface ResumePlan {
  /** Re-sent at once, with their tokens: recent Sandbox launches. */
  resend: PendingLaunch[];
  /** Recent launches in the production (AWS) catalog: re-sent only once the user confirms. */
  confirm: PendingLaunch[];
  /** Older than a day: shown as stale, never re-sent by themselves. */
  stale: PendingLaunch[];
}

export function planResume(pending: readonly PendingLaunch[], now: number): ResumePlan {
  const plan: ResumePlan = { resend: [], confirm: [], stale: [] };
  for (const launch of pending) {
    if (isStalePendingLaunch(launch, now)) plan.stale.push(launch);
    else if (launch.catalog === 'Sandbox') plan.resend.push(launch);
    else plan.confirm.push(launch);
  }
  return plan;
}

import type { Catalog } from './catalog';
import type { PendingLaunch } from './pendingLaunches';
import { isActive, type TaskRecord } from './tasks';

/**
 * One task per intent, not per ClientToken. A token is reused only for exactly the same request, but a user who
 * starts again after a lost answer rarely sends exactly the same request: the name template holds the date and
 * the source, and the IDs come in another order. So before any Start, the IDs are checked against what the
 * account already knows.
 *
 * What counts as "the same":
 * - A pending launch (a Start whose answer was lost, so its task may exist) is the same intent as a new Start
 *   when it belongs to the same account and catalog and holds at least one of the new Start's engagement IDs,
 *   whatever its task name, the order of its IDs, the source they were read from, the day, or its other IDs.
 * - An engagement already has a result when a task of the same account and catalog holds it and either reports
 *   it COMPLETED, or ended with no failure, or is still running; an engagement that FAILED there has no result.
 */

/** A new Start's IDs that are in launches whose answer was lost. */
export interface PendingOverlap {
  /** The pending launches of the catalog holding any of the IDs, oldest first. */
  launches: PendingLaunch[];
  /** The requested IDs in one of them, in the request's order. */
  sharedIds: string[];
  /** The requested IDs in none of them, in the request's order. */
  otherIds: string[];
}

/** The pending launches of `catalog` that share an ID with `ids`; undefined when none does. */
export function findPendingOverlap(pending: readonly PendingLaunch[], catalog: Catalog, ids: readonly string[]): PendingOverlap | undefined {
  const requested = new Set(ids);
  const launches = pending
    .filter((launch) => launch.catalog === catalog && launch.identifiers.some((id) => requested.has(id)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  if (launches.length === 0) return undefined;
  const inPending = new Set(launches.flatMap((launch) => launch.identifiers));
  return {
    launches,
    sharedIds: ids.filter((id) => inPending.has(id)),
    otherIds: ids.filter((id) => !inPending.has(id)),
  };
}

export type EarlierResultState = 'completed' | 'running';

/** A task that already holds some of a new Start's engagements. */
export interface EarlierTask {
  taskId: string;
  taskName: string;
  state: EarlierResultState;
  /** ISO 8601: when it ended, or when it started while it runs. */
  at: string;
  /** The requested IDs it holds (each ID is named under one task only: its latest). */
  ids: string[];
}

export interface EarlierResults {
  /** Newest first. */
  tasks: EarlierTask[];
  /** Every requested ID that has a result, in the request's order. */
  ids: string[];
}

/** The requested IDs that already have a result (or one coming) in `catalog`, by task; undefined when none. */
export function findEarlierResults(tasks: readonly TaskRecord[], catalog: Catalog, ids: readonly string[]): EarlierResults | undefined {
  const requested = new Set(ids);
  const latestFor = new Map<string, { task: TaskRecord; state: EarlierResultState; at: string }>();
  for (const task of tasks) {
    if (task.catalog !== catalog) continue;
    const state: EarlierResultState = isActive(task) ? 'running' : 'completed';
    const at = task.endTime ?? task.startTime;
    for (const id of idsWithResult(task)) {
      if (!requested.has(id)) continue;
      const known = latestFor.get(id);
      if (!known || at > known.at) latestFor.set(id, { task, state, at });
    }
  }
  if (latestFor.size === 0) return undefined;
  const byTask = new Map<string, EarlierTask>();
  const found = ids.filter((id) => latestFor.has(id));
  for (const id of found) {
    const { task, state, at } = latestFor.get(id) as { task: TaskRecord; state: EarlierResultState; at: string };
    const entry = byTask.get(task.taskId) ?? { taskId: task.taskId, taskName: task.taskName, state, at, ids: [] };
    entry.ids.push(id);
    byTask.set(task.taskId, entry);
  }
  return { tasks: [...byTask.values()].sort((a, b) => b.at.localeCompare(a.at)), ids: found };
}

/** The engagements of `task` that have a result, or are still being prospected. */
function idsWithResult(task: TaskRecord): string[] {
  const failed = new Set((task.engagements ?? []).filter((engagement) => engagement.status === 'FAILED').map((engagement) => engagement.engagementId));
  const completed = (task.engagements ?? []).filter((engagement) => engagement.status === 'COMPLETED').map((engagement) => engagement.engagementId);
  if (isActive(task) || task.failedCount === 0) {
    return [...new Set([...completed, ...(task.identifiers ?? []).filter((id) => !failed.has(id))])];
  }
  return completed;
}

/** "2 in "Leads" (completed 2026-12-07), 1 in "Other" (running since 2026-12-08)": for a question. */
export function describeEarlierTasks(results: EarlierResults, maxTasks = 3): string {
  const shown = results.tasks.slice(0, maxTasks).map((task) =>
    `${task.ids.length} in "${task.taskName}" (${task.state === 'running' ? 'running since' : 'completed'} ${task.at.slice(0, 10)})`);
  const more = results.tasks.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `, and ${more} more task${more === 1 ? '' : 's'}` : ''}`;
}

/** "the launch "Leads" of 2026-12-07 (3 engagements)": for a question. */
export function describePendingLaunches(launches: readonly PendingLaunch[]): string {
  const described = launches.map((launch) => `"${launch.taskName}" of ${launch.createdAt.slice(0, 10)} (${launch.identifiers.length} engagement${launch.identifiers.length === 1 ? '' : 's'})`);
  return launches.length === 1 ? `the launch ${described[0]}` : `${launches.length} launches: ${described.join(', ')}`;
}

import { planBatches, type TaskBatch } from '../../core/batchPlanning';
import { findEarlierResults, findPendingOverlap, type EarlierResults, type PendingOverlap } from '../../core/launchIntent';
import { batchesForPendingLaunches, type PendingLaunch } from '../../core/pendingLaunches';
import type { Catalog, TaskRecord } from '../../core/tasks';

/** Re-send the pending launch(es) with their ClientTokens, or start a new task for every ID anyway. */
export type PendingAnswer = 'resend' | 'newTask';
/** Leave out the engagements that already have a result, or start them all anyway. */
export type EarlierAnswer = 'leaveOut' | 'startAll';

/** The user's answers (the UI asks through its prompts; tests script them). Undefined: cancelled. */
export interface IntentQuestions {
  pending(overlap: PendingOverlap, catalog: Catalog): Promise<PendingAnswer | undefined>;
  earlier(results: EarlierResults, requested: number, catalog: Catalog): Promise<EarlierAnswer | undefined>;
}

/** What the checks read: one account's pending launches and known tasks (an AccountSession). */
export interface IntentSource {
  readonly pendingLaunches: { list(): readonly PendingLaunch[] };
  tasks(catalog: Catalog): TaskRecord[];
}

export interface IntentRequest {
  catalog: Catalog;
  /** Distinct, in the order the user chose them. */
  ids: readonly string[];
  taskName: string;
  /** A retry of failed engagements: it is meant to prospect them again, so earlier results are not asked about. */
  retry?: boolean;
}

export interface IntendedLaunch {
  /** The pending launches re-sent as they were (with their tokens), then new tasks for the other IDs. */
  batches: TaskBatch[];
  /** The user chose a new task anyway: no token of a pending launch is reused, even for an identical request. */
  freshTokens: boolean;
  resent: PendingLaunch[];
  /** IDs left out because they already have a result. */
  leftOut: string[];
}

/**
 * The launch the user means: checks the IDs against launches of this account whose answer was lost (their
 * task may exist: re-sending them can never make a second task) and against engagements that already have a
 * result, and asks about what it finds. Undefined when the user cancelled.
 */
export async function planIntendedLaunch(source: IntentSource, request: IntentRequest, questions: IntentQuestions): Promise<IntendedLaunch | undefined> {
  const { catalog } = request;
  let resent: PendingLaunch[] = [];
  let newIds = request.ids.slice();
  let freshTokens = false;

  const overlap = findPendingOverlap(source.pendingLaunches.list(), catalog, request.ids);
  if (overlap) {
    const answer = await questions.pending(overlap, catalog);
    if (answer === undefined) return undefined;
    if (answer === 'resend') {
      resent = overlap.launches;
      newIds = overlap.otherIds;
    } else {
      freshTokens = true;
    }
  }

  let leftOut: string[] = [];
  const earlier = request.retry || newIds.length === 0 ? undefined : findEarlierResults(source.tasks(catalog), catalog, newIds);
  if (earlier) {
    const answer = await questions.earlier(earlier, newIds.length, catalog);
    if (answer === undefined) return undefined;
    if (answer === 'leaveOut') {
      const known = new Set(earlier.ids);
      leftOut = earlier.ids;
      newIds = newIds.filter((id) => !known.has(id));
    }
  }

  const batches = [...batchesForPendingLaunches(resent, catalog), ...planBatches(newIds, request.taskName)];
  return { batches: batches.map((batch, position) => ({ ...batch, index: position + 1, total: batches.length })), freshTokens, resent, leftOut };
}

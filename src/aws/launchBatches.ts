import { randomUUID } from 'node:crypto';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { type TaskBatch } from '../core/batchPlanning';
import { type Catalog } from '../core/catalog';
import { type ErrorExplanation, type ErrorKind, explainError } from '../core/errorExplanations';
import { RateSpacer } from '../core/launchPacing';
import { type PendingLaunch, type PendingLaunchStore, findPendingLaunch } from '../core/pendingLaunches';
import { isOutcomeUnknown } from '../core/requestReach';
import { recordFromStart } from '../core/tasks/recordConversion';
import { type TaskRecord } from '../core/tasks/taskRecord';
import { startProspectingTask } from './prospectingTasks';

export interface StartedBatch {
  status: 'started';
  batch: TaskBatch;
  clientToken: string;
  /** True when the token came from a pending launch (a retry after a lost response or a reload). */
  reusedToken: boolean;
  /** The task as Start answered it (its identifiers are those the API accepted), started here. */
  task: TaskRecord;
}

export interface FailedBatch {
  status: 'failed';
  batch: TaskBatch;
  clientToken: string;
  error: ErrorExplanation;
  /**
   * The task may exist anyway (the request may have reached the service and its answer was lost, timed out, was
   * a 5xx or unreadable, or the launch was cancelled in flight): its token stays in the store, so launching the
   * same batch again reuses it and cannot create a second task. False when nothing reached the service or it
   * refused definitively (credentials, configuration, connection refused, DNS, 4xx): the token is dropped.
   */
  outcomeUnknown: boolean;
}

interface SkippedBatch {
  status: 'skipped';
  batch: TaskBatch;
  /** `cancelled`: the signal fired; `previousFailure`: an earlier batch failed in a way every batch would (auth, access, network). */
  reason: 'cancelled' | 'previousFailure';
}

export type BatchLaunchResult = StartedBatch | FailedBatch | SkippedBatch;

type LaunchProgressEvent =
  | { type: 'launching'; batch: TaskBatch; reusedToken: boolean }
  | { type: 'waiting'; batch: TaskBatch; delayMs: number }
  | { type: 'done'; result: BatchLaunchResult; completed: number; total: number };

export interface LaunchBatchesInput {
  client: PartnerCentralSellingClient;
  catalog: Catalog;
  batches: readonly TaskBatch[];
  tokenStore: PendingLaunchStore;
  /**
   * The user chose a new task anyway: batches without their own token get a new one, even when a pending launch
   * holds the same request (that launch stays pending). Only this ever makes a second task for the same IDs.
   */
  freshTokens?: boolean;
  /** Stops further batches, and aborts the Start in flight (whose ClientToken then stays pending). */
  signal?: AbortSignal;
  onProgress?(event: LaunchProgressEvent): void;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  now?(): number;
  newClientToken?(): string;
}

/** Errors that would fail every remaining batch too: stop instead of repeating them. */
const STOPPING_KINDS: ReadonlySet<ErrorKind> = new Set(['auth', 'accessDenied', 'network', 'timeout', 'config', 'quotaExceeded']);

/**
 * Starts one task per batch, at most 2 per second, such that a retried request never creates a second task:
 * each batch's ClientToken is saved in `tokenStore` BEFORE the first attempt (or reused from a pending launch of
 * the same catalog, name and identifiers), the SDK retries with that token, and the token is removed only once
 * the outcome is known. Returns one result per batch, in order.
 */
export async function launchBatches(input: LaunchBatchesInput): Promise<BatchLaunchResult[]> {
  const now = input.now ?? Date.now;
  const sleep = input.sleep ?? abortableSleep;
  const newClientToken = input.newClientToken ?? randomUUID;
  const spacer = new RateSpacer(undefined, now);
  const results: BatchLaunchResult[] = [];
  let stopReason: SkippedBatch['reason'] | undefined;

  const finish = (result: BatchLaunchResult): void => {
    results.push(result);
    input.onProgress?.({ type: 'done', result, completed: results.length, total: input.batches.length });
  };

  for (const batch of input.batches) {
    if (input.signal?.aborted) stopReason ??= 'cancelled';
    if (!stopReason) {
      const delayMs = spacer.delayBeforeNext();
      if (delayMs > 0) {
        input.onProgress?.({ type: 'waiting', batch, delayMs });
        await sleep(delayMs, input.signal).catch(() => undefined);
        if (input.signal?.aborted) stopReason = 'cancelled';
      }
    }
    if (stopReason) {
      finish({ status: 'skipped', batch, reason: stopReason });
      continue;
    }

    const pending = pendingLaunchFor(input, batch);
    const clientToken = batch.clientToken ?? pending?.clientToken ?? newClientToken();
    const reusedToken = batch.clientToken !== undefined || pending !== undefined;
    if (!pending) await input.tokenStore.save(pendingLaunchOf(batch, input.catalog, clientToken, now()));
    input.onProgress?.({ type: 'launching', batch, reusedToken });
    spacer.recordLaunch();

    const result = await launchOne(input, batch, clientToken, reusedToken);
    if (result.status === 'failed' && result.error.kind === 'cancelled') stopReason = 'cancelled';
    else if (result.status === 'failed' && STOPPING_KINDS.has(result.error.kind)) stopReason = 'previousFailure';
    // Told before the token settles: a launch that awaited the token takes the task in, then stops waiting.
    finish(result);
    if (result.status === 'started' || !result.outcomeUnknown) await input.tokenStore.remove(clientToken);
  }
  return results;
}

/** The pending launch this batch re-sends: the one of its own token, else one of exactly the same request (unless fresh tokens are asked for). */
function pendingLaunchFor(input: LaunchBatchesInput, batch: TaskBatch): PendingLaunch | undefined {
  const pending = input.tokenStore.list();
  if (batch.clientToken !== undefined) return pending.find((launch) => launch.clientToken === batch.clientToken);
  return input.freshTokens ? undefined : findPendingLaunch(pending, { catalog: input.catalog, taskName: batch.name, identifiers: batch.identifiers });
}

async function launchOne(input: LaunchBatchesInput, batch: TaskBatch, clientToken: string, reusedToken: boolean): Promise<StartedBatch | FailedBatch> {
  try {
    const output = await startProspectingTask(
      input.client,
      { catalog: input.catalog, clientToken, identifiers: batch.identifiers, taskName: batch.name },
      { abortSignal: input.signal },
    );
    if (!output.TaskId) throw Object.assign(new Error('StartProspectingFromEngagementTask answered without a TaskId'), { name: 'MalformedResponse' });
    const task = recordFromStart({ ...output, Identifiers: output.Identifiers ?? batch.identifiers, TaskName: output.TaskName ?? batch.name }, input.catalog);
    return { status: 'started', batch, clientToken, reusedToken, task };
  } catch (error) {
    const explanation = explainError(error, { catalog: input.catalog });
    return { status: 'failed', batch, clientToken, error: explanation, outcomeUnknown: isOutcomeUnknown(error) };
  }
}

function pendingLaunchOf(batch: TaskBatch, catalog: string, clientToken: string, at: number): PendingLaunch {
  return { clientToken, catalog, taskName: batch.name, identifiers: batch.identifiers.slice(), createdAt: new Date(at).toISOString() };
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

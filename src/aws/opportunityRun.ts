import { randomUUID } from 'node:crypto';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { type ErrorKind } from '../core/errorExplanations';
import { RateSpacer } from '../core/launchPacing';
import { OPPORTUNITY_START_INTERVAL_MS } from '../core/opportunities/opportunityPacing';
import { type OpportunityTaskRow } from '../core/opportunities/opportunityTaskRow';
import { type OpportunityContextKey, type PendingOpportunityStore, findPendingOpportunity } from '../core/opportunities/pendingOpportunities';
import { type OpportunityStartExplanation, explainOpportunityCallError } from '../core/opportunities/startErrorExplanations';
import { isOutcomeUnknown } from '../core/requestReach';
import { opportunityTaskRowOf, startOpportunityTask } from './opportunityTasks';

/** One engagement context to turn into an opportunity. */
export type OpportunityRunContext = Omit<OpportunityContextKey, 'catalog'>;

export interface StartedOpportunity {
  status: 'started';
  context: OpportunityRunContext;
  clientToken: string;
  /** True when the token came from a pending start (a re-send after a lost answer or a reload). */
  reusedToken: boolean;
  task: OpportunityTaskRow;
}

export interface FailedOpportunity {
  status: 'failed';
  context: OpportunityRunContext;
  clientToken: string;
  error: OpportunityStartExplanation;
  /**
   * The task may exist anyway (the answer was lost, timed out, was a 5xx, or the run was cancelled in flight): the
   * token stays in the store, and the next run re-sends it, so it cannot create a second task. False when the
   * service refused definitively or nothing was sent: the token is dropped.
   */
  outcomeUnknown: boolean;
}

interface SkippedOpportunity {
  status: 'skipped';
  context: OpportunityRunContext;
  /** `cancelled`: the signal fired; `previousFailure`: an earlier start failed in a way every start would. */
  reason: 'cancelled' | 'previousFailure';
}

export type OpportunityStartResult = StartedOpportunity | FailedOpportunity | SkippedOpportunity;

export type OpportunityRunEvent =
  | { type: 'starting'; context: OpportunityRunContext; reusedToken: boolean; attempt: number }
  | { type: 'waiting'; context: OpportunityRunContext; delayMs: number }
  | { type: 'done'; result: OpportunityStartResult; completed: number; total: number };

export interface OpportunityRunInput {
  client: PartnerCentralSellingClient;
  catalog: string;
  contexts: readonly OpportunityRunContext[];
  tokenStore: PendingOpportunityStore;
  tags?: ReadonlyArray<{ key: string; value: string }>;
  /** Stops before the next start, and aborts the start in flight (whose ClientToken then stays pending). */
  signal?: AbortSignal;
  onProgress?(event: OpportunityRunEvent): void;
  /** A start is sent at least this long after the previous one was answered (default: the write quota of 1 per second, with a margin). */
  intervalMs?: number;
  /**
   * Starts throttled after all the SDK's own retries are tried again this many times, one interval later each,
   * with the same token (default 3).
   */
  throttledRetries?: number;
  sleep?(ms: number, signal?: AbortSignal): Promise<void>;
  now?(): number;
  newClientToken?(): string;
}

/** Errors that would fail every remaining start too: stop instead of repeating them. */
const STOPPING_KINDS: ReadonlySet<ErrorKind> = new Set(['auth', 'accessDenied', 'network', 'timeout', 'config', 'quotaExceeded']);

/**
 * Starts one StartOpportunityFromEngagementTask per context, paced to the write quota, such that nothing makes a
 * second opportunity task for a context: each ClientToken is saved in `tokenStore` BEFORE its first attempt (or
 * reused from a pending start of the same catalog, engagement and context, as after a reload), the SDK retries
 * with it, and it is removed only once the outcome is known. Returns one result per context, in order.
 */
export async function runOpportunityStarts(input: OpportunityRunInput): Promise<OpportunityStartResult[]> {
  const now = input.now ?? Date.now;
  const sleep = input.sleep ?? abortableSleep;
  const newClientToken = input.newClientToken ?? randomUUID;
  const spacer = new RateSpacer(input.intervalMs ?? OPPORTUNITY_START_INTERVAL_MS, now);
  const throttledRetries = input.throttledRetries ?? 3;
  const results: OpportunityStartResult[] = [];
  let stopReason: SkippedOpportunity['reason'] | undefined;

  const paced = async (context: OpportunityRunContext): Promise<boolean> => {
    const delayMs = spacer.delayBeforeNext();
    if (delayMs > 0) {
      input.onProgress?.({ type: 'waiting', context, delayMs });
      await sleep(delayMs, input.signal).catch(() => undefined);
    }
    return !input.signal?.aborted;
  };

  for (const context of input.contexts) {
    if (input.signal?.aborted) stopReason ??= 'cancelled';
    if (!stopReason && !(await paced(context))) stopReason = 'cancelled';
    if (stopReason) {
      finish({ status: 'skipped', context, reason: stopReason });
      continue;
    }

    const key = { catalog: input.catalog, ...context };
    const pending = findPendingOpportunity(input.tokenStore.list(), key);
    const clientToken = pending?.clientToken ?? newClientToken();
    if (!pending) await input.tokenStore.save({ ...key, clientToken, createdAt: new Date(now()).toISOString() });

    let result: StartedOpportunity | FailedOpportunity;
    for (let attempt = 1; ; attempt++) {
      input.onProgress?.({ type: 'starting', context, reusedToken: pending !== undefined, attempt });
      result = await startOne(input, context, clientToken, pending !== undefined);
      // Spaced from the answer, not the send: the service took its quota token somewhere in between, and a send
      // delayed by a busy machine must not bring the next start within one interval of that token.
      spacer.recordLaunch();
      const throttled = result.status === 'failed' && result.error.kind === 'throttled';
      if (!throttled || attempt > throttledRetries || !(await paced(context))) break;
    }
    if (result.status === 'started' || !result.outcomeUnknown) await input.tokenStore.remove(clientToken);
    if (result.status === 'failed' && result.error.kind === 'cancelled') stopReason = 'cancelled';
    else if (result.status === 'failed' && STOPPING_KINDS.has(result.error.kind)) stopReason = 'previousFailure';
    finish(result);
  }
  return results;

  function finish(result: OpportunityStartResult): void {
    results.push(result);
    input.onProgress?.({ type: 'done', result, completed: results.length, total: input.contexts.length });
  }
}

async function startOne(input: OpportunityRunInput, context: OpportunityRunContext, clientToken: string, reusedToken: boolean): Promise<StartedOpportunity | FailedOpportunity> {
  try {
    const output = await startOpportunityTask(
      input.client,
      { catalog: input.catalog, clientToken, engagementId: context.engagementId, contextId: context.contextId, ...(input.tags ? { tags: input.tags } : {}) },
      { abortSignal: input.signal },
    );
    const task = opportunityTaskRowOf(output, input.catalog, context);
    if (!task) throw Object.assign(new Error('StartOpportunityFromEngagementTask answered without a TaskId'), { name: 'MalformedResponse' });
    return { status: 'started', context, clientToken, reusedToken, task };
  } catch (error) {
    const explanation = explainOpportunityCallError(error, { catalog: input.catalog, engagementId: context.engagementId, contextId: context.contextId });
    return { status: 'failed', context, clientToken, error: explanation, outcomeUnknown: isOutcomeUnknown(error) };
  }
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

import * as vscode from 'vscode';
import type { TaskBatch } from '../../core/batchPlanning';
import { formatExplanation } from '../../core/errorExplanations';
import { batchesForPendingLaunches } from '../../core/pendingLaunches';
import type { BatchLaunchResult, FailedBatch, StartedBatch } from '../../aws/launchBatches';
import type { Catalog } from '../../core/catalog';
import { inSession, type LaunchContext } from './launchContext';

/**
 * Launches the batches under one cancellable progress notification, then tells the user exactly which tasks
 * started and which did not, and why. A batch refused for unknown engagements can be started without them.
 * The batches are one launch (one thing the user started); a follow-up passes its `launchId` and joins it.
 */
export interface RunLaunchOptions {
  /** The user chose a new task anyway: no pending launch's token is reused (see launchBatches). */
  freshTokens?: boolean;
}

export async function runLaunch(services: LaunchContext, catalog: Catalog, batches: readonly TaskBatch[], footnote?: string, launchId?: string, options: RunLaunchOptions = {}): Promise<BatchLaunchResult[]> {
  // The launch and its follow-ups (Start Without Them) stay in the session it started in.
  const session = await services.session();
  const release = session.hold();
  const launch = launchId && session.reopenLaunch(launchId) ? launchId : session.beginLaunch(catalog, batches);
  try {
    const held = inSession(services, session);
    const results = await launchWithProgress(held, catalog, batches, launch, options);
    session.closeLaunch(launch);
    await report(held, catalog, results, footnote, launch);
    return results;
  } finally {
    session.closeLaunch(launch);
    release();
  }
}

async function launchWithProgress(services: LaunchContext, catalog: Catalog, batches: readonly TaskBatch[], launchId: string, options: RunLaunchOptions): Promise<BatchLaunchResult[]> {
  const { log } = services;
  const engagements = batches.reduce((total, batch) => total + batch.identifiers.length, 0);
  const title = batches.length === 1
    ? `Starting prospecting task "${batches[0].name}" in ${catalog}`
    : `Starting ${batches.length} prospecting tasks (${engagements} engagements) in ${catalog}`;
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const abort = new AbortController();
    const cancellation = token.onCancellationRequested(() => {
      log.info('Launch cancelled by the user: no further tasks will be started');
      abort.abort();
    });
    try {
      return await services.sessions.launch(await services.session(), {
        catalog,
        batches,
        freshTokens: options.freshTokens,
        signal: abort.signal,
        onProgress: (event) => {
          if (event.type === 'launching') {
            log.info(`Starting "${event.batch.name}" (${event.batch.identifiers.length} engagements)${event.reusedToken ? ', reusing the ClientToken of an earlier attempt' : ''}`);
            progress.report({ message: batches.length > 1 ? `${event.batch.index} of ${event.batch.total}` : undefined });
          } else if (event.type === 'done') {
            progress.report({ increment: 100 / event.total });
            logResult(services, catalog, event.result);
          }
        },
      }, launchId);
    } finally {
      cancellation.dispose();
    }
  });
}

function logResult(services: LaunchContext, catalog: Catalog, result: BatchLaunchResult): void {
  const { log } = services;
  switch (result.status) {
    case 'started':
      log.info(`Started task ${result.task.taskId} "${result.task.taskName}" in ${catalog}: ${result.task.totalCount} engagements${result.task.taskArn ? `, ${result.task.taskArn}` : ''}`);
      services.taskStarted(result.task);
      break;
    case 'failed':
      log.error(result.outcomeUnknown
        ? `"${result.batch.name}" got no answer, so its task may exist: ${formatExplanation(result.error)} (its ClientToken is kept: Re-send cannot create a second task)`
        : `"${result.batch.name}" was not started: ${formatExplanation(result.error)}`);
      break;
    case 'skipped':
      log.warn(`"${result.batch.name}" was not started: ${result.reason === 'cancelled' ? 'cancelled' : 'an earlier task failed the same way'}`);
      break;
  }
}

async function report(services: LaunchContext, catalog: Catalog, results: readonly BatchLaunchResult[], footnote: string | undefined, launchId: string): Promise<void> {
  const prompts = services.prompts();
  const started = results.filter((result): result is StartedBatch => result.status === 'started');
  const failed = results.filter((result): result is FailedBatch => result.status === 'failed');
  const skipped = results.filter((result) => result.status === 'skipped');
  const startedText = describeStarted(started, catalog);
  const extra = footnote ? ` ${footnote}` : '';

  if (failed.length === 0 && skipped.length === 0) {
    const showLog = 'Show Log';
    if (await prompts.show('info', `${startedText}.${extra}`, showLog) === showLog) services.log.show(true);
    return;
  }
  if (failed.length === 0) {
    const names = skipped.map((result) => `"${result.batch.name}"`).join(', ');
    await prompts.show('warning', `Cancelled: ${startedText}; not started: ${names}.${extra}`);
    return;
  }

  const prefix = started.length > 0 || results.length > 1
    ? `${startedText}; ${results.length - started.length} of ${results.length} not started. `
    : '';
  const retryable = failed.map(withoutMissing);
  if (retryable.every((batch) => batch !== undefined)) {
    const missing = failed.flatMap((result) => result.error.missingIds ?? []);
    const remaining = retryable.reduce((total, batch) => total + (batch?.identifiers.length ?? 0), 0);
    const startWithout = 'Start Without Them';
    const answer = await prompts.show('error', `${prefix}${missing.length} engagement${missing.length === 1 ? '' : 's'} not found in ${catalog}: ${listIds(missing)}. Start ${failed.length === 1 ? `"${failed[0].batch.name}"` : 'the tasks'} with the other ${remaining}?`, startWithout);
    if (answer === startWithout) await runLaunch(services, catalog, retryable.filter((batch) => batch !== undefined).map(renumber), undefined, launchId);
    return;
  }
  const unanswered = failed.filter((result) => result.outcomeUnknown);
  if (unanswered.length > 0) {
    await reportUnanswered(services, catalog, results, unanswered, startedText, launchId);
    return;
  }
  const first = failed[0];
  const showLog = 'Show Log';
  const fixes = first.error.fixes.length > 0 ? ` ${first.error.fixes.join(' ')}` : '';
  const answer = await prompts.show('error', `${prefix}"${first.batch.name}" was not started. ${formatExplanation(first.error)}.${fixes}`, showLog);
  if (answer === showLog) services.log.show(true);
}

const RESEND = 'Re-send';

/**
 * Starts whose answer was lost: their tasks may exist, so nothing claims they were not started. Re-send sends
 * them again with their ClientTokens (still pending in the session's store), which can never make a second task.
 */
async function reportUnanswered(services: LaunchContext, catalog: Catalog, results: readonly BatchLaunchResult[], unanswered: readonly FailedBatch[], startedText: string, launchId: string): Promise<void> {
  const prompts = services.prompts();
  const first = unanswered[0];
  const one = unanswered.length === 1;
  const names = one ? `"${first.batch.name}"` : `${unanswered.length} of ${results.length} tasks`;
  const prefix = results.length > 1 ? `${startedText}. ` : '';
  const showLog = 'Show Log';
  const answer = await prompts.show('error',
    `${prefix}${names} got no answer from Partner Central, so ${one ? 'its task' : 'their tasks'} may already exist: ${formatExplanation(first.error)}. ` +
    `${RESEND} sends ${one ? 'it' : 'them'} again with the same ClientToken${one ? '' : 's'}: no second task can be created.`,
    RESEND, showLog);
  if (answer === showLog) services.log.show(true);
  if (answer !== RESEND) return;
  const session = await services.session();
  const tokens = new Set(unanswered.map((result) => result.clientToken));
  const pending = session.pendingLaunches.list().filter((launch) => tokens.has(launch.clientToken));
  if (pending.length === 0) {
    await prompts.show('info', `${names} ${one ? 'is' : 'are'} no longer pending (settled or discarded meanwhile): refresh the task list to see ${one ? 'its task' : 'their tasks'}.`);
    return;
  }
  await runLaunch(services, catalog, batchesForPendingLaunches(pending, catalog), undefined, launchId);
}

/** The batch less the engagements the catalog doesn't know, when that was its only problem and some remain. */
function withoutMissing(result: FailedBatch): TaskBatch | undefined {
  const missing = new Set(result.error.missingIds ?? []);
  if (result.error.kind !== 'notFound' || missing.size === 0) return undefined;
  const identifiers = result.batch.identifiers.filter((id) => !missing.has(id));
  // Other identifiers are another request: it gets a token of its own.
  const { clientToken: _token, ...batch } = result.batch;
  return identifiers.length > 0 ? { ...batch, identifiers } : undefined;
}

function renumber(batch: TaskBatch, position: number, all: readonly TaskBatch[]): TaskBatch {
  return { ...batch, index: position + 1, total: all.length };
}

const IDS_IN_MESSAGE = 10;

function listIds(ids: readonly string[]): string {
  const shown = ids.slice(0, IDS_IN_MESSAGE).join(', ');
  return ids.length > IDS_IN_MESSAGE ? `${shown} and ${ids.length - IDS_IN_MESSAGE} more` : shown;
}

function describeStarted(started: readonly StartedBatch[], catalog: Catalog): string {
  if (started.length === 0) return 'No prospecting task was started';
  const engagements = started.reduce((total, result) => total + result.task.totalCount, 0);
  if (started.length === 1) return `Started prospecting task "${started[0].task.taskName}" (${engagements} engagement${engagements === 1 ? '' : 's'}) in ${catalog}`;
  return `Started ${started.length} prospecting tasks (${engagements} engagements) in ${catalog}`;
}

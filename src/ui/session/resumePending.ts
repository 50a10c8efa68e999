import type { TaskBatch } from '../../core/batchPlanning';
import { batchesForPendingLaunches, planResume, type PendingLaunch } from '../../core/pendingLaunches';
import type { Catalog } from '../../core/tasks';
import type { AccountSession } from './accountSession';
import type { SessionLog } from './sessionLog';

export interface ResumeActions {
  now(): number;
  log: SessionLog;
  /** Whether to send these production-catalog launches again to `session`'s account: the user's answer. */
  confirm(launches: readonly PendingLaunch[], session: AccountSession): Promise<boolean>;
  /** Sends the batches in `session` (their saved ClientTokens are reused). */
  relaunch(session: AccountSession, catalog: Catalog, batches: TaskBatch[]): Promise<unknown>;
}

/**
 * Launches whose outcome was unknown when the window closed are sent again with their saved ClientToken, and
 * only to the account they were made for (the store is that account's): the API answers a repeated token
 * with the task if it exists, or creates it once. Recent Sandbox launches are re-sent at once; production
 * (AWS) ones only once the user confirms; those older than a day never by themselves (the tree offers them).
 */
export async function resumePendingLaunches(session: AccountSession, actions: ResumeActions): Promise<void> {
  const plan = planResume(session.pendingLaunches.list(), actions.now());
  for (const launch of plan.stale) {
    actions.log.warn(`Pending launch "${launch.taskName}" (${launch.catalog}, ${launch.identifiers.length} engagements) of ${launch.createdAt} is over a day old: it is not re-sent by itself. Re-send or discard it from Prospecting Tasks.`);
  }
  if (plan.resend.length > 0) {
    actions.log.info(`Resuming ${plan.resend.length} Sandbox launch${plan.resend.length === 1 ? '' : 'es'} whose outcome was not known, with their original ClientTokens, at ${session.describe()}`);
    await actions.relaunch(session, 'Sandbox', batchesForPendingLaunches(plan.resend, 'Sandbox'));
  }
  if (plan.confirm.length === 0 || session.isRetired) return;
  if (!(await actions.confirm(plan.confirm, session))) {
    actions.log.info(`${plan.confirm.length} pending production launch${plan.confirm.length === 1 ? ' was' : 'es were'} not re-sent: not confirmed. Re-send or discard from Prospecting Tasks.`);
    return;
  }
  if (session.isRetired) return;
  for (const catalog of new Set(plan.confirm.map((launch) => launch.catalog as Catalog))) {
    await actions.relaunch(session, catalog, batchesForPendingLaunches(plan.confirm, catalog));
  }
}

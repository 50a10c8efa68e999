import type { PendingLaunch } from '../../core/pendingLaunches';
import type { AccountSession } from '../session/accountSession';
import { resumePendingLaunches } from '../session/resumePending';
import type { DroppedPendingLaunch } from '../session/legacyState';
import { inSession, type LaunchContext } from './launchContext';
import { runLaunch } from './runLaunch';

/** Said with the outcome, as the user did not start anything just now. */
const RESUMED = 'This launch was sent before the window was reloaded and its answer was lost; it was sent again with its original ClientToken, so no task was created twice.';
const SEND_AGAIN = 'Send Again';

/** Re-sends `session`'s pending launches as resumePendingLaunches decides, asking through the prompts for production ones. */
export function resumeInSession(services: LaunchContext, session: AccountSession): Promise<void> {
  return resumePendingLaunches(session, {
    now: Date.now,
    log: services.log,
    confirm: (launches) => confirmResend(services, launches, session),
    relaunch: (held, catalog, batches) => runLaunch(inSession(services, held), catalog, batches, RESUMED),
  });
}

/** Asks before sending production launches again, naming each task, its size, and where it goes. */
export async function confirmResend(services: LaunchContext, launches: readonly PendingLaunch[], session: AccountSession): Promise<boolean> {
  const engagements = launches.reduce((total, launch) => total + launch.identifiers.length, 0);
  const names = launches.map((launch) => `"${launch.taskName}" (${launch.identifiers.length} engagement${launch.identifiers.length === 1 ? '' : 's'})`).join(', ');
  const what = launches.length === 1 ? `The launch of ${names}` : `${launches.length} launches (${engagements} engagements): ${names}`;
  const answer = await services.prompts().show('warning',
    `${what} in the AWS production catalog got no answer from ${session.describe()}. Send ${launches.length === 1 ? 'it' : 'them'} again there, with the original ClientToken${launches.length === 1 ? '' : 's'}? No task can start twice.`,
    SEND_AGAIN);
  return answer === SEND_AGAIN;
}

/** Tells the user once about pending launches of an earlier version that were not re-sent (the log lists them). */
export async function reportDroppedLaunches(services: LaunchContext, dropped: readonly DroppedPendingLaunch[]): Promise<void> {
  if (dropped.length === 0) return;
  const showLog = 'Show Log';
  const answer = await services.prompts().show('warning',
    `${dropped.length} launch${dropped.length === 1 ? '' : 'es'} left pending by an earlier version ${dropped.length === 1 ? 'was' : 'were'} not re-sent: ${dropped.length === 1 ? 'it does' : 'they do'} not say which account ${dropped.length === 1 ? 'it was' : 'they were'} for. The log lists ${dropped.length === 1 ? 'it' : 'them'}; check the task list before starting ${dropped.length === 1 ? 'it' : 'them'} again.`,
    showLog);
  if (answer === showLog) services.log.show(true);
}

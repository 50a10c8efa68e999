import type { PendingLaunch } from '../../core/pendingLaunches';
import type { KeyValueState } from './accountState';
import type { SessionLog } from './sessionLog';

/** Keys of versions that kept state per `<profile>@<endpoint setting or region>`, which names no account. */
const LEGACY_PREFIXES = ['partnerCentral.taskHistory/', 'partnerCentral.pendingLaunches/'];

export interface DroppedPendingLaunch extends PendingLaunch {
  /** The `<profile>@<endpoint or region>` it was kept under. */
  formerKey: string;
}

/**
 * State kept by earlier versions cannot be attributed to an account (the emulator reached through the
 * environment and AWS shared one key), so it is neither shown nor re-sent: it is removed, and each pending
 * launch it held is written to the log, so the user can look for its task in the right account.
 */
export async function dropLegacyState(state: KeyValueState, log: SessionLog): Promise<DroppedPendingLaunch[]> {
  const dropped: DroppedPendingLaunch[] = [];
  for (const key of state.keys()) {
    const prefix = LEGACY_PREFIXES.find((candidate) => key.startsWith(candidate));
    if (!prefix) continue;
    const formerKey = key.slice(prefix.length);
    if (prefix === 'partnerCentral.pendingLaunches/') {
      const launches = state.get<unknown>(key);
      for (const launch of Array.isArray(launches) ? launches as PendingLaunch[] : []) {
        dropped.push({ ...launch, formerKey });
        log.warn(`Not re-sent: pending launch "${launch.taskName}" (${launch.catalog}, ${launch.identifiers?.length ?? 0} engagements, ${launch.createdAt}, ClientToken ${launch.clientToken}) kept by an earlier version under "${formerKey}", which does not say which account it was for. Check that account's task list before starting it again.`);
      }
    } else {
      log.info(`Removed the task history an earlier version kept under "${formerKey}": it does not say which account it was for; the service's task list shows the tasks.`);
    }
    await state.update(key, undefined);
  }
  return dropped;
}

import { batchesForPendingLaunches } from '../../core/pendingLaunches';
import type { Catalog } from '../config';
import type { LaunchServices } from './launchServices';
import { runLaunch } from './runLaunch';

const CATALOGS: readonly Catalog[] = ['Sandbox', 'AWS'];
/** Said with the outcome, as the user did not start anything just now. */
const RESUMED = 'This launch was sent before the window was reloaded and its answer was lost; it was sent again with its original ClientToken, so no task was created twice.';

/**
 * Launches whose outcome was unknown when the window closed (a lost response, a crash) are sent again with
 * their saved ClientToken: the API answers with the task if it exists, or creates it once if it does not.
 */
export async function resumePendingLaunches(services: LaunchServices): Promise<void> {
  const pending = services.pendingLaunches.list();
  if (pending.length === 0) return;
  services.log.info(`Resuming ${pending.length} launch${pending.length === 1 ? '' : 'es'} whose outcome was not known, with their original ClientTokens`);
  for (const catalog of CATALOGS) {
    const batches = batchesForPendingLaunches(pending, catalog);
    if (batches.length > 0) await runLaunch(services, catalog, batches, RESUMED);
  }
}

import * as vscode from 'vscode';
import { describeIdCap } from '../../core/collectedIds';
import type { LaunchContext } from './launchContext';
import { MAX_IDS_SETTING, type ScannedIds } from './scanPieces';

/**
 * Lets a launch go on when it holds at most `maxIds` distinct IDs. Over the cap, asks: continue with the first
 * `maxIds` (the IDs listed), open the setting, or stop (dismissed). Resolves true to go on.
 */
export async function acceptIdCap(services: LaunchContext, label: string, found: ScannedIds): Promise<boolean> {
  if (found.distinctIds <= found.maxIds) return true;
  const message = describeIdCap(found.distinctIds, found.maxIds, label, MAX_IDS_SETTING);
  services.log.warn(message);
  const firstN = `Continue with the First ${found.maxIds.toLocaleString('en-US')}`;
  const openSetting = 'Open Setting';
  const answer = await services.prompts().show('warning', message, firstN, openSetting);
  if (answer === firstN) {
    services.log.info(`Continuing with the first ${found.ids.length} of ${found.distinctIds} engagement IDs in ${label}.`);
    return true;
  }
  if (answer === openSetting) await vscode.commands.executeCommand('workbench.action.openSettings', MAX_IDS_SETTING);
  services.log.info(`Nothing was started: ${found.distinctIds} engagement IDs in ${label} are over the limit of ${found.maxIds}.`);
  return false;
}

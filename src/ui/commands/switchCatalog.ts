import * as vscode from 'vscode';
import { readLaunchSettings, updateSetting } from '../config';
import type { Prompts } from '../prompts';

export const SWITCH_CATALOG_COMMAND = 'partnerCentral.switchCatalog';

export function registerSwitchCatalog(prompts: () => Prompts, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(SWITCH_CATALOG_COMMAND, async () => {
    const current = readLaunchSettings().catalog;
    const catalog = await prompts().pickCatalog(current === 'ask' ? undefined : current, 'Switch the Partner Central catalog');
    if (!catalog || catalog === current) return;
    await updateSetting('catalog', catalog);
    log.info(`Catalog switched to ${catalog}`);
  });
}

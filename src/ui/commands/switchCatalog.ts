import * as vscode from 'vscode';
import { readLaunchSettings, updateSetting } from '../config';
import type { Prompts } from '../prompts';
import type { ViewCatalog } from '../viewCatalog';
import { SWITCH_CATALOG_COMMAND } from '../ids';

/**
 * Switches the catalog the view shows. With a fixed `partnerCentral.catalog` that setting changes (launches
 * follow it); with `ask` only the view switches, and `ask` stays.
 */
export function registerSwitchCatalog(prompts: () => Prompts, viewCatalog: ViewCatalog, log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(SWITCH_CATALOG_COMMAND, async () => {
    const current = viewCatalog.get();
    const catalog = await prompts().pickCatalog(current, 'Switch the Partner Central catalog');
    if (!catalog || catalog === current) return;
    if (readLaunchSettings().catalog === 'ask') {
      await viewCatalog.remember(catalog);
      log.info(`Prospecting Tasks shows the ${catalog} catalog (the catalog is still asked for at each launch)`);
      return;
    }
    await updateSetting('catalog', catalog);
    log.info(`Catalog switched to ${catalog}`);
  });
}

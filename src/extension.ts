import type * as vscode from 'vscode';
import { registerShowLog } from './ui/commands/showLog';
import { registerStartFromClipboard } from './ui/commands/startFromClipboard';
import { registerStartFromFile } from './ui/commands/startFromFile';
import { registerStartFromSelection } from './ui/commands/startFromSelection';
import { registerStartTask } from './ui/commands/startTask';
import { registerSwitchCatalog } from './ui/commands/switchCatalog';
import { PartnerCentralConnection } from './ui/connection';
import type { LaunchServices } from './ui/launch/launchServices';
import { resumePendingLaunches } from './ui/launch/resumePendingLaunches';
import { createLog } from './ui/log';
import { GlobalStatePendingLaunchStore } from './ui/pendingLaunchStore';
import type { Prompts } from './ui/prompts';
import { PromptsSlot } from './ui/promptsSlot';

/** What activate() returns: a seam for in-host tests to answer the extension's questions. */
export interface PartnerCentralApi {
  usePrompts(prompts: Prompts): vscode.Disposable;
}

export function activate(context: vscode.ExtensionContext): PartnerCentralApi {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`Partner Central Prospecting ${context.extension.packageJSON.version as string} activated`);

  const prompts = new PromptsSlot();
  const connection = new PartnerCentralConnection(log);
  context.subscriptions.push(connection);

  const launch: LaunchServices = {
    log,
    connection,
    prompts: prompts.get,
    pendingLaunches: new GlobalStatePendingLaunchStore(context.globalState, () => connection.accountKey),
    taskStarted: () => undefined,
  };

  context.subscriptions.push(
    registerShowLog(log),
    registerStartTask(launch),
    registerStartFromSelection(launch),
    registerStartFromFile(launch),
    registerStartFromClipboard(launch),
    registerSwitchCatalog(prompts.get, log),
  );

  void resumePendingLaunches(launch).catch((error: unknown) => log.error(`Resuming pending launches failed: ${String(error)}`));

  return { usePrompts: (scripted) => prompts.use(scripted) };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

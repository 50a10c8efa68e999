import type * as vscode from 'vscode';
import { createLog } from './ui/log';
import { registerShowLog } from './ui/commands/showLog';

export function activate(context: vscode.ExtensionContext): void {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`Partner Central Prospecting ${context.extension.packageJSON.version as string} activated`);

  context.subscriptions.push(registerShowLog(log));
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

import * as vscode from 'vscode';

export const SHOW_LOG_COMMAND = 'partnerCentral.showLog';

export function registerShowLog(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show(true));
}

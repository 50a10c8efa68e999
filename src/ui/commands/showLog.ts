import * as vscode from 'vscode';
import { SHOW_LOG_COMMAND } from '../ids';

export function registerShowLog(log: vscode.LogOutputChannel): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_LOG_COMMAND, () => log.show(true));
}

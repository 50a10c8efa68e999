import * as vscode from 'vscode';
import type { LaunchContext } from '../launch/launchContext';
import { clipboardRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';
import { START_FROM_CLIPBOARD_COMMAND } from '../ids';

export function registerStartFromClipboard(services: LaunchContext): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_CLIPBOARD_COMMAND, async () => startFromRequest(services, await clipboardRequest()));
}

import * as vscode from 'vscode';
import type { LaunchServices } from '../launch/launchServices';
import { clipboardRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';
import { START_FROM_CLIPBOARD_COMMAND } from '../ids';

export function registerStartFromClipboard(services: LaunchServices): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_CLIPBOARD_COMMAND, async () => startFromRequest(services, await clipboardRequest()));
}

import * as vscode from 'vscode';
import type { LaunchServices } from '../launch/launchServices';
import { clipboardRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';

export const START_FROM_CLIPBOARD_COMMAND = 'partnerCentral.startFromClipboard';

export function registerStartFromClipboard(services: LaunchServices): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_CLIPBOARD_COMMAND, async () => startFromRequest(services, await clipboardRequest()));
}

import * as vscode from 'vscode';
import type { LaunchServices } from '../launch/launchServices';
import { selectionRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';

export const START_FROM_SELECTION_COMMAND = 'partnerCentral.startFromSelection';

export function registerStartFromSelection(services: LaunchServices): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_SELECTION_COMMAND, () =>
    startFromRequest(services, selectionRequest(vscode.window.activeTextEditor)));
}

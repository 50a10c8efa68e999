import * as vscode from 'vscode';
import type { LaunchContext } from '../launch/launchContext';
import { selectionRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';
import { START_FROM_SELECTION_COMMAND } from '../ids';

export function registerStartFromSelection(services: LaunchContext): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_SELECTION_COMMAND, () =>
    startFromRequest(services, selectionRequest(vscode.window.activeTextEditor)));
}

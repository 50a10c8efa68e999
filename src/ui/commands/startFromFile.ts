import * as vscode from 'vscode';
import type { LaunchContext } from '../launch/launchContext';
import { documentRequest, filesRequest } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';
import { START_FROM_FILE_COMMAND } from '../ids';

/** From the Explorer: (clicked resource, all selected resources); from the palette: the active editor. */
export function registerStartFromFile(services: LaunchContext): vscode.Disposable {
  return vscode.commands.registerCommand(START_FROM_FILE_COMMAND, async (clicked?: unknown, selected?: unknown) => {
    const uris = explorerResources(clicked, selected);
    const request = uris.length > 0 ? await filesRequest(uris) : documentRequest(vscode.window.activeTextEditor?.document);
    await startFromRequest(services, request);
  });
}

function explorerResources(clicked: unknown, selected: unknown): vscode.Uri[] {
  if (Array.isArray(selected) && selected.length > 0 && selected.every((item) => item instanceof vscode.Uri)) return selected;
  return clicked instanceof vscode.Uri ? [clicked] : [];
}

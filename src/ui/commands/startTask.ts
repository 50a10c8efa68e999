import * as vscode from 'vscode';
import type { LaunchContext } from '../launch/launchContext';
import { requestFor } from '../sources/idRequests';
import { startFromRequest } from './startFromRequest';
import { START_TASK_COMMAND } from '../ids';

/** Asks where the IDs are (selection, active file, clipboard), then launches from there. */
export function registerStartTask(services: LaunchContext): vscode.Disposable {
  return vscode.commands.registerCommand(START_TASK_COMMAND, async () => {
    const source = await services.prompts().pickSource();
    if (source) await startFromRequest(services, await requestFor(source));
  });
}

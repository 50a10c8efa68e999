import * as vscode from 'vscode';
import { explainError, formatExplanation } from '../../../core/errorExplanations';
import { taskDetailsUri } from '../../tasks/taskDetailsDocument';
import { resolveTask, type TaskCommandServices } from './taskCommandServices';

export const SHOW_TASK_DETAILS_COMMAND = 'partnerCentral.showTaskDetails';

/** The full task, as fetched now, in a read-only JSON document. */
export function registerShowTaskDetails(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_TASK_DETAILS_COMMAND, async (arg?: unknown) => {
    const task = await resolveTask(services, arg, 'Show the details of which task?');
    if (!task) return;
    try {
      await services.monitor.ensureDetails(task, true);
    } catch (error) {
      services.launch.log.warn(`Fetching task ${task.taskId} failed: ${formatExplanation(explainError(error, { catalog: task.catalog }))}`);
    }
    const uri = taskDetailsUri(task.catalog, task.taskId);
    services.details.update(uri);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
  });
}

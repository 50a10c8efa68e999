import * as vscode from 'vscode';
import { explainOneLine } from '../../../core/errorExplanations';
import { taskDetailsUri } from '../../tasks/taskDetailsDocument';
import { resolveTask, type TaskCommandServices } from './taskCommandServices';
import { SHOW_TASK_DETAILS_COMMAND } from '../../ids';

/** The full task, as fetched now, in a read-only JSON document that follows the task while it is open. */
export function registerShowTaskDetails(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_TASK_DETAILS_COMMAND, async (arg?: unknown) => {
    const task = await resolveTask(services, arg, 'Show the details of which task?');
    if (!task) return;
    let problem: string | undefined;
    try {
      await services.sessions.ensureDetails(task, true);
    } catch (error) {
      problem = explainOneLine(error, { catalog: task.catalog });
      services.log.warn(`Fetching task ${task.taskId} failed: ${problem}`);
    }
    const document = await vscode.workspace.openTextDocument(taskDetailsUri(task.catalog, task.taskId));
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    await vscode.window.showTextDocument(document, { preview: true });
    if (problem) void services.prompts().show('warning', `Could not fetch the latest state of "${task.taskName}": ${problem}. Showing what was known.`);
  });
}

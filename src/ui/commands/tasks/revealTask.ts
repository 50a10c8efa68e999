import * as vscode from 'vscode';
import type { Catalog } from '../../../core/tasks';
import type { TaskCommandServices } from './taskCommandServices';
import { FOCUS_TASKS_VIEW_COMMAND, REVEAL_TASK_COMMAND } from '../../ids';

/**
 * Shows a task in Prospecting Tasks, selected and expanded (the status bar item and notifications use it).
 * A name filter that hides the task is cleared first: the user asked to see that task.
 */
export function registerRevealTask(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_TASK_COMMAND, async (catalog?: Catalog, taskId?: string) => {
    const task = catalog && taskId ? services.sessions.task(catalog, taskId) : undefined;
    if (!task) {
      await vscode.commands.executeCommand(FOCUS_TASKS_VIEW_COMMAND);
      return;
    }
    if (task.catalog !== services.viewCatalog.get()) {
      await services.prompts().show('info', `Task "${task.taskName}" is in the ${task.catalog} catalog; switch the catalog to see it in the view.`);
      return;
    }
    if (!services.tree.shows(task)) services.tree.setFilter('');
    await services.treeView.reveal({ kind: 'task', task }, { select: true, focus: true, expand: true });
  });
}

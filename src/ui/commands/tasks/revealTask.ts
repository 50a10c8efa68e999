import * as vscode from 'vscode';
import type { Catalog } from '../../../core/tasks';
import type { TaskCommandServices } from './taskCommandServices';
import { FOCUS_TASKS_VIEW_COMMAND, REVEAL_TASK_COMMAND } from '../../ids';

/**
 * Shows a task in Prospecting Tasks, selected and expanded (the status bar item and notifications use it); with
 * `'launch'`, the launch that holds it (a task of a launch is shown inside its launch's node either way).
 * A name filter that hides the task is cleared first: the user asked to see that task.
 */
export function registerRevealTask(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(REVEAL_TASK_COMMAND, async (catalog?: Catalog, taskId?: string, target?: 'launch') => {
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
    const node = target === 'launch' ? services.tree.nodeOf(task) : { kind: 'task' as const, task };
    // A view never shown has not rendered the launch nodes a task's parent chain goes through: show it first.
    if (!services.treeView.visible) await vscode.commands.executeCommand(FOCUS_TASKS_VIEW_COMMAND);
    await services.treeView.reveal(node, { select: true, focus: true, expand: true });
  });
}

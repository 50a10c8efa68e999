import * as vscode from 'vscode';
import type { TaskCommandServices } from './taskCommandServices';
import { FILTER_TASKS_COMMAND, CLEAR_TASK_FILTER_COMMAND } from '../../ids';

export function registerFilterTasks(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(FILTER_TASKS_COMMAND, async () => {
      const filter = await services.prompts().askTaskFilter(services.tree.filter);
      if (filter !== undefined) services.tree.setFilter(filter);
    }),
    vscode.commands.registerCommand(CLEAR_TASK_FILTER_COMMAND, () => services.tree.setFilter('')),
  );
}

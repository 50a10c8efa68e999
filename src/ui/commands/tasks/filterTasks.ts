import * as vscode from 'vscode';
import type { TaskCommandServices } from './taskCommandServices';

export const FILTER_TASKS_COMMAND = 'partnerCentral.filterTasks';
export const CLEAR_TASK_FILTER_COMMAND = 'partnerCentral.clearTaskFilter';

export function registerFilterTasks(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(FILTER_TASKS_COMMAND, async () => {
      const filter = await services.launch.prompts().askTaskFilter(services.tree.filter);
      if (filter !== undefined) services.tree.setFilter(filter);
    }),
    vscode.commands.registerCommand(CLEAR_TASK_FILTER_COMMAND, () => services.tree.setFilter('')),
  );
}

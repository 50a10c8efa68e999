import * as vscode from 'vscode';
import type { Catalog } from '../../../core/tasks';
import type { TaskCommandServices } from './taskCommandServices';

export const REFRESH_TASKS_COMMAND = 'partnerCentral.refreshTasks';
export const LOAD_MORE_TASKS_COMMAND = 'partnerCentral.loadMoreTasks';

export function registerRefreshTasks(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(REFRESH_TASKS_COMMAND, () =>
      vscode.window.withProgress({ location: { viewId: 'partnerCentral.tasks' } }, () => services.monitor.refresh(services.viewCatalog.get()))),
    vscode.commands.registerCommand(LOAD_MORE_TASKS_COMMAND, (catalog?: Catalog) =>
      services.monitor.loadMore(catalog ?? services.viewCatalog.get())),
  );
}

import * as vscode from 'vscode';
import { explainOneLine } from '../../../core/errorExplanations';
import type { Catalog } from '../../../core/tasks';
import type { TaskCommandServices } from './taskCommandServices';
import { LOAD_MORE_TASKS_COMMAND, REFRESH_TASKS_COMMAND, TASKS_VIEW } from '../../ids';

export function registerRefreshTasks(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(REFRESH_TASKS_COMMAND, async () => {
      const catalog = services.viewCatalog.get();
      try {
        await vscode.window.withProgress({ location: { viewId: TASKS_VIEW } }, () => services.sessions.refresh(catalog));
      } catch (error) {
        // A failed listing shows in the view; this is the poll of the active tasks that follows it.
        const explanation = explainOneLine(error, { catalog });
        services.log.warn(`Refreshing ${catalog} tasks failed: ${explanation}`);
        await services.prompts().show('error', `Could not refresh the running ${catalog} tasks: ${explanation}.`);
      }
    }),
    vscode.commands.registerCommand(LOAD_MORE_TASKS_COMMAND, (catalog?: Catalog) =>
      services.sessions.loadMore(catalog ?? services.viewCatalog.get())),
  );
}

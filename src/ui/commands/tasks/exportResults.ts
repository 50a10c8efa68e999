import * as path from 'node:path';
import * as vscode from 'vscode';
import { explainOneLine } from '../../../core/errorExplanations';
import { tasksToCsv, tasksToJson, type TaskRecord } from '../../../core/tasks';
import type { TaskTreeNode } from '../../tasks/taskTreeItems';
import type { TaskCommandServices } from './taskCommandServices';
import { EXPORT_RESULTS_COMMAND } from '../../ids';
import { errorText } from '../../../core/redaction/externalText';

/**
 * Per-engagement results of one task (from its item), of a launch's tasks (from the launch's item), or of every task the view lists (its name filter
 * applied), to CSV or JSON.
 * Tasks whose results were never fetched are fetched first.
 */
export function registerExportResults(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(EXPORT_RESULTS_COMMAND, async (arg?: unknown) => {
    const node = arg as TaskTreeNode | undefined;
    const catalog = services.viewCatalog.get();
    const launch = node?.kind === 'launch' ? node.launch : undefined;
    const chosen = node?.kind === 'launch' ? launchTasks(services, node) : node?.kind === 'task' || node?.kind === 'engagement' ? [node.task] : services.tree.visibleTasks(catalog);
    const prompts = services.launch.prompts();
    if (chosen.length === 0) {
      await prompts.show('info', services.tree.filter
        ? `No ${catalog} task name contains "${services.tree.filter}": there is nothing to export.`
        : `There are no ${catalog} tasks to export yet.`);
      return;
    }
    const baseName = launch ? safeFileName(launch.name) : chosen.length === 1 ? safeFileName(chosen[0].taskName) : `prospecting-${catalog.toLowerCase()}`;
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await prompts.askSaveLocation(
      launch ? `Export the results of "${launch.name}" (${chosen.length} tasks)` : chosen.length === 1 ? `Export the results of "${chosen[0].taskName}"` : `Export the results of ${chosen.length} ${catalog} tasks`,
      folder ? vscode.Uri.joinPath(folder, `${baseName}.csv`) : undefined,
      { CSV: ['csv'], JSON: ['json'] },
    );
    if (!target) return;

    const tasks = await withResults(services, chosen);
    if (!tasks) return;
    const asJson = path.extname(target.path).toLowerCase() === '.json';
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(asJson ? tasksToJson(tasks) : tasksToCsv(tasks)));
    } catch (error) {
      await prompts.show('error', `Could not write ${path.basename(target.path)}: ${errorText(error)}. Nothing was exported.`);
      return;
    }
    const rows = tasks.reduce((total, task) => total + (task.engagements?.length ?? 0), 0);
    services.launch.log.info(`Exported ${rows} engagement results of ${tasks.length} task${tasks.length === 1 ? '' : 's'} to ${target.fsPath}`);
    const open = 'Open File';
    if (await prompts.show('info', `Exported ${rows} engagement result${rows === 1 ? '' : 's'} to ${path.basename(target.path)}.`, open) === open) {
      await vscode.window.showTextDocument(target);
    }
  });
}

function launchTasks(services: TaskCommandServices, node: Extract<TaskTreeNode, { kind: 'launch' }>): TaskRecord[] {
  const tasks = services.sessions.tasksOf(node.launch);
  return tasks.length > 0 ? tasks : node.tasks;
}

async function withResults(services: TaskCommandServices, tasks: readonly TaskRecord[]): Promise<TaskRecord[] | undefined> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Fetching task results', cancellable: true }, async (progress, token) => {
    const detailed: TaskRecord[] = [];
    for (const task of tasks) {
      if (token.isCancellationRequested) return undefined;
      progress.report({ message: task.taskName, increment: 100 / tasks.length });
      try {
        detailed.push(await services.sessions.ensureDetails(task, task.engagements === undefined || task.endTime === undefined));
      } catch (error) {
        const explanation = explainOneLine(error, { catalog: task.catalog });
        await services.launch.prompts().show('error', `Could not fetch the results of "${task.taskName}": ${explanation}. Nothing was exported.`);
        return undefined;
      }
    }
    return detailed;
  });
}

function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'prospecting-task';
}

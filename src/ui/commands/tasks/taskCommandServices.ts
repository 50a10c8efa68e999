import * as vscode from 'vscode';
import { describeProgress, type TaskRecord } from '../../../core/tasks';
import type { LaunchServices } from '../../launch/launchServices';
import type { TaskMonitor } from '../../tasks/taskMonitor';
import type { TaskTreeNode } from '../../tasks/taskTreeItems';
import type { TaskTreeProvider } from '../../tasks/taskTreeProvider';
import type { ViewCatalog } from '../../viewCatalog';

/** What the commands acting on tasks work with; built once in activate(). */
export interface TaskCommandServices {
  readonly monitor: TaskMonitor;
  readonly tree: TaskTreeProvider;
  readonly treeView: vscode.TreeView<TaskTreeNode>;
  readonly viewCatalog: ViewCatalog;
  readonly launch: LaunchServices;
}

function isNode(value: unknown): value is TaskTreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

function isRecord(value: unknown): value is TaskRecord {
  return typeof value === 'object' && value !== null && 'taskId' in value && 'catalog' in value;
}

/**
 * The task a command acts on: the tree item it was invoked on, a task passed by another command, the
 * view's selection, or, from the palette, the user's pick among the current catalog's tasks.
 */
export async function resolveTask(services: TaskCommandServices, arg: unknown, purpose: string): Promise<TaskRecord | undefined> {
  const candidate = arg ?? services.treeView.selection[0];
  if (isRecord(candidate)) return services.monitor.task(candidate.catalog, candidate.taskId) ?? candidate;
  if (isNode(candidate) && (candidate.kind === 'task' || candidate.kind === 'engagement')) {
    return services.monitor.task(candidate.task.catalog, candidate.task.taskId) ?? candidate.task;
  }
  const catalog = services.viewCatalog.get();
  const tasks = services.monitor.tasks(catalog);
  if (tasks.length === 0) {
    await services.launch.prompts().show('info', `There are no prospecting tasks in the ${catalog} catalog yet.`);
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    tasks.map((task) => ({ label: task.taskName, description: describeProgress(task), detail: task.taskId, task })),
    { title: purpose, placeHolder: `Choose a ${catalog} task`, matchOnDescription: true, matchOnDetail: true },
  );
  return picked?.task;
}

import type * as vscode from 'vscode';
import type { TaskGroup, TaskRecord } from '../../../core/tasks';
import type { AppContext } from '../../appContext';
import type { LaunchContext } from '../../launch/launchContext';
import type { TaskTreeNode } from '../../tasks/taskTreeItems';
import type { TaskTreeProvider } from '../../tasks/taskTreeProvider';
import type { ViewCatalog } from '../../viewCatalog';

/** What the commands acting on tasks work with; built once in activate(). */
export interface TaskCommandServices extends AppContext {
  readonly tree: TaskTreeProvider;
  readonly treeView: vscode.TreeView<TaskTreeNode>;
  readonly viewCatalog: ViewCatalog;
  /** For the commands that launch again (Retry Failed). */
  readonly launch: LaunchContext;
}

function isNode(value: unknown): value is TaskTreeNode {
  return typeof value === 'object' && value !== null && 'kind' in value;
}

function isRecord(value: unknown): value is TaskRecord {
  return typeof value === 'object' && value !== null && 'taskId' in value && 'catalog' in value;
}

/**
 * The task a command acts on: the tree item it was invoked on, a task passed by another command, the
 * selection of the view while it is visible (a keybinding), or else the user's pick among the current
 * catalog's tasks (the palette): a selection the user cannot see is never acted on.
 */
export async function resolveTask(services: TaskCommandServices, arg: unknown, purpose: string): Promise<TaskRecord | undefined> {
  const candidate = arg ?? (services.treeView.visible ? services.treeView.selection[0] : undefined);
  if (isRecord(candidate)) return services.sessions.task(candidate.catalog, candidate.taskId) ?? candidate;
  if (isNode(candidate) && (candidate.kind === 'task' || candidate.kind === 'engagement')) {
    return services.sessions.task(candidate.task.catalog, candidate.task.taskId) ?? candidate.task;
  }
  const catalog = services.viewCatalog.get();
  const tasks = services.sessions.tasks(catalog);
  if (tasks.length === 0) {
    await services.prompts().show('info', `There are no prospecting tasks in the ${catalog} catalog yet.`);
    return undefined;
  }
  return services.prompts().pickTask(tasks, purpose, catalog);
}

/**
 * What Retry Failed and Export act on: the whole launch from its node, one task from a task's (or an
 * engagement's) node, or else the task resolveTask finds.
 */
export async function resolveTarget(services: TaskCommandServices, arg: unknown, purpose: string): Promise<TaskGroup | undefined> {
  const candidate = arg ?? (services.treeView.visible ? services.treeView.selection[0] : undefined);
  if (isNode(candidate) && candidate.kind === 'launch') {
    const tasks = services.sessions.tasksOf(candidate.launch);
    return { kind: 'launch', launch: candidate.launch, tasks: tasks.length > 0 ? tasks : candidate.tasks };
  }
  const task = await resolveTask(services, candidate, purpose);
  return task && { kind: 'task', task };
}

import * as vscode from 'vscode';
import { registerShowLog } from './ui/commands/showLog';
import { registerStartFromClipboard } from './ui/commands/startFromClipboard';
import { registerStartFromFile } from './ui/commands/startFromFile';
import { registerStartFromSelection } from './ui/commands/startFromSelection';
import { registerStartTask } from './ui/commands/startTask';
import { registerSwitchCatalog } from './ui/commands/switchCatalog';
import { registerCopyTaskFields } from './ui/commands/tasks/copyTaskFields';
import { registerExportResults } from './ui/commands/tasks/exportResults';
import { registerFilterTasks } from './ui/commands/tasks/filterTasks';
import { registerRefreshTasks } from './ui/commands/tasks/refreshTasks';
import { registerRetryFailed, retryFailed } from './ui/commands/tasks/retryFailed';
import { REVEAL_TASK_COMMAND, registerRevealTask } from './ui/commands/tasks/revealTask';
import { registerShowTaskDetails } from './ui/commands/tasks/showTaskDetails';
import type { TaskCommandServices } from './ui/commands/tasks/taskCommandServices';
import { registerConnectionFeatures, type ConnectionFeaturesApi } from './ui/connect/connectionFeatures';
import { PartnerCentralConnection } from './ui/connection';
import type { LaunchServices } from './ui/launch/launchServices';
import { resumePendingLaunches } from './ui/launch/resumePendingLaunches';
import { createLog } from './ui/log';
import { GlobalStatePendingLaunchStore } from './ui/pendingLaunchStore';
import type { Prompts } from './ui/prompts';
import { PromptsSlot } from './ui/promptsSlot';
import { TASK_DETAILS_SCHEME, TaskDetailsDocuments } from './ui/tasks/taskDetailsDocument';
import { TaskHistory } from './ui/tasks/taskHistory';
import { TaskMonitor } from './ui/tasks/taskMonitor';
import { registerTaskNotifications } from './ui/tasks/taskNotifications';
import { TaskStatusBar } from './ui/tasks/taskStatusBar';
import { TaskTreeProvider } from './ui/tasks/taskTreeProvider';
import { ViewCatalog } from './ui/viewCatalog';

/** What activate() returns: a seam for in-host tests, which answer the extension's questions and read its state. */
export interface PartnerCentralApi {
  usePrompts(prompts: Prompts): vscode.Disposable;
  readonly monitor: TaskMonitor;
  readonly tree: TaskTreeProvider;
  readonly statusBarText: () => string;
  /** The Prospecting Tasks view's description: the catalog it shows. */
  readonly viewDescription: () => string | undefined;
  /** The connection item, profiles and health (ui/connect). */
  readonly connect: ConnectionFeaturesApi;
}

export function activate(context: vscode.ExtensionContext): PartnerCentralApi {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`Partner Central Prospecting ${context.extension.packageJSON.version as string} activated`);

  // Services
  const prompts = new PromptsSlot();
  const connection = new PartnerCentralConnection(log);
  const viewCatalog = new ViewCatalog(context.globalState);
  const monitor = new TaskMonitor(log, connection, new TaskHistory(context.globalState, () => connection.accountKey));
  context.subscriptions.push(connection, viewCatalog, monitor);

  const pendingLaunches = new GlobalStatePendingLaunchStore(context.globalState, () => connection.accountKey);
  context.subscriptions.push(pendingLaunches);
  const launch: LaunchServices = {
    log,
    connection,
    prompts: prompts.get,
    pendingLaunches,
    taskStarted: (task, catalog) => {
      monitor.addStarted(task, catalog);
      viewCatalog.remember(catalog).catch((error: unknown) => log.warn(`Remembering the catalog ${catalog} failed: ${String(error)}`));
    },
  };

  // Views
  const tree = new TaskTreeProvider(monitor, viewCatalog.get, pendingLaunches);
  const treeView = vscode.window.createTreeView('partnerCentral.tasks', { treeDataProvider: tree, showCollapseAll: true });
  treeView.description = viewCatalog.get();
  const details = new TaskDetailsDocuments(monitor);
  const statusBar = new TaskStatusBar(monitor);
  context.subscriptions.push(
    tree,
    treeView,
    statusBar,
    details,
    vscode.workspace.registerTextDocumentContentProvider(TASK_DETAILS_SCHEME, details),
    viewCatalog.onDidChange((catalog) => {
      treeView.description = catalog;
      tree.refresh();
    }),
    tree.onDidChangeFilter((filter) => {
      treeView.message = filter ? `Tasks whose name contains "${filter}"` : undefined;
    }),
  );

  // The account: connection item and menu, Select AWS Profile, Test Connection, SSO sign-in
  const connect = registerConnectionFeatures({ log, prompts: prompts.get, connection, viewCatalog });
  context.subscriptions.push(connect);

  // Commands
  const tasks: TaskCommandServices = { monitor, tree, treeView, viewCatalog, launch };
  context.subscriptions.push(
    registerShowLog(log),
    registerStartTask(launch),
    registerStartFromSelection(launch),
    registerStartFromFile(launch),
    registerStartFromClipboard(launch),
    registerSwitchCatalog(prompts.get, viewCatalog, log),
    registerRefreshTasks(tasks),
    registerShowTaskDetails(tasks),
    registerRetryFailed(tasks),
    registerExportResults(tasks),
    registerCopyTaskFields(tasks),
    registerFilterTasks(tasks),
    registerRevealTask(tasks),
    registerTaskNotifications(monitor.onDidFinish, prompts.get, log, {
      showResults: (task) => vscode.commands.executeCommand(REVEAL_TASK_COMMAND, task.catalog, task.taskId),
      retryFailed: (task) => retryFailed(tasks, task),
    }),
    monitor.onDidFailToPoll((message) => void prompts.get().show('warning', message)),
  );

  // Launches whose outcome is unknown are re-sent with their ClientTokens: now, and when another account becomes current.
  const resume = (): void => void resumePendingLaunches(launch).catch((error: unknown) => log.error(`Resuming pending launches failed: ${String(error)}`));
  context.subscriptions.push(connection.onDidChangeAccount(resume));
  resume();

  return {
    usePrompts: (scripted) => prompts.use(scripted),
    monitor,
    tree,
    statusBarText: () => statusBar.text,
    viewDescription: () => treeView.description,
    connect: connect.api,
  };
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

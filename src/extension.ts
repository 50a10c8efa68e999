import * as vscode from 'vscode';
import { registerShowLog } from './ui/commands/showLog';
import { registerLocalEmulatorCommands } from './ui/commands/useLocalEmulator';
import { registerStartFromClipboard } from './ui/commands/startFromClipboard';
import { registerStartFromFile } from './ui/commands/startFromFile';
import { startFromRequest } from './ui/commands/startFromRequest';
import { registerStartFromSelection } from './ui/commands/startFromSelection';
import { registerStartTask } from './ui/commands/startTask';
import { registerSwitchCatalog } from './ui/commands/switchCatalog';
import { registerCopyTaskFields } from './ui/commands/tasks/copyTaskFields';
import { registerExportResults } from './ui/commands/tasks/exportResults';
import { registerFilterTasks } from './ui/commands/tasks/filterTasks';
import { registerPendingLaunchCommands } from './ui/commands/tasks/pendingLaunchCommands';
import { registerRefreshTasks } from './ui/commands/tasks/refreshTasks';
import { registerRetryFailed, retryFailed } from './ui/commands/tasks/retryFailed';
import { registerRevealTask } from './ui/commands/tasks/revealTask';
import { registerShowTaskDetails } from './ui/commands/tasks/showTaskDetails';
import type { TaskCommandServices } from './ui/commands/tasks/taskCommandServices';
import { registerConnectionFeatures, type ConnectionFeaturesApi } from './ui/connect/connectionFeatures';
import { sessionConnectionSource } from './ui/connect/sessionConnectionSource';
import type { AppContext } from './ui/appContext';
import { awsLayerLoader, followConnectionSettings } from './ui/connection';
import { sessionTitleLookup } from './ui/editor/adapters/sessionTitleLookup';
import { sessionOutcomeSource } from './ui/editor/adapters/sessionOutcomeSource';
import { registerEngagementEditorFeatures } from './ui/editor/engagementEditorFeatures';
import type { ShownDecoration } from './ui/editor/outcomeDecorations';
import type { LaunchContext } from './ui/launch/launchContext';
import { reportDroppedLaunches, resumeInSession } from './ui/launch/resumePendingLaunches';
import { REVEAL_TASK_COMMAND, TASKS_VIEW } from './ui/ids';
import { ConnectionStateKey } from './ui/localEmulator/connectionState';
import { LocalEmulator } from './ui/localEmulator/localEmulator';
import { welcomeWithoutCredentials } from './ui/localEmulator/welcomeWithoutCredentials';
import { createLog } from './ui/log';
import type { Prompts } from './ui/prompts';
import { PromptsSlot } from './ui/promptsSlot';
import { AccountSessions } from './ui/session/accountSessions';
import { WrittenThroughState } from './ui/session/accountState';
import { dropLegacyState } from './ui/session/legacyState';
import { TASK_DETAILS_SCHEME, TaskDetailsDocuments } from './ui/tasks/taskDetailsDocument';
import { registerTaskNotifications } from './ui/tasks/taskNotifications';
import { TaskStatusBar } from './ui/tasks/taskStatusBar';
import { TaskTreeProvider } from './ui/tasks/taskTreeProvider';
import { testSeam } from './ui/testSeam';
import { ViewCatalog } from './ui/viewCatalog';
import { errorText } from './core/redaction/externalText';

/** What activate() returns in test mode only (see testSeam): in-host tests answer the extension's questions and read its state. */
export interface PartnerCentralApi {
  usePrompts(prompts: Prompts): vscode.Disposable;
  /** The current account session's tasks (the views' source). */
  readonly monitor: AccountSessions;
  readonly tree: TaskTreeProvider;
  readonly statusBarText: () => string;
  /** The Prospecting Tasks view's description: the catalog it shows. */
  readonly viewDescription: () => string | undefined;
  /** Whether the extension host sees the Prospecting Tasks view as visible (commands act on its selection then). */
  readonly tasksViewVisible: () => boolean;
  /** The outcome after-texts drawn in the editors of a document. */
  readonly editorDecorations: (uri: vscode.Uri) => readonly ShownDecoration[];
  /** The extension's own local emulator (started by Use Local Emulator). */
  readonly localEmulator: LocalEmulator;
  /** The connection item, profiles and health (ui/connect). */
  readonly connect: ConnectionFeaturesApi;
}

export function activate(context: vscode.ExtensionContext): PartnerCentralApi | undefined {
  const log = createLog();
  context.subscriptions.push(log);
  log.info(`Partner Central Prospecting ${context.extension.packageJSON.version as string} activated`);

  // Services
  const prompts = new PromptsSlot();
  // Per-account state, read as this window wrote it (globalState alone can show a value older than its last write).
  const accountState = new WrittenThroughState(context.globalState);
  const localEmulator = new LocalEmulator({ globalState: accountState, asAbsolutePath: (relativePath) => context.asAbsolutePath(relativePath) }, log);
  localEmulator.restore(); // first: the first session waits for the emulator chosen before a reload
  const viewCatalog = new ViewCatalog(context.globalState);
  // One session per account (endpoint and credentials as the SDK resolves them); its state is kept under its identity.
  const aws = awsLayerLoader();
  const sessions = new AccountSessions({ aws, state: accountState, log });
  const connectionState = new ConnectionStateKey({ sessions, override: localEmulator }, log);
  context.subscriptions.push(localEmulator, viewCatalog, sessions, connectionState);
  const app: AppContext = { log, sessions, prompts: prompts.get };
  const launch: LaunchContext = {
    ...app,
    session: () => sessions.session(),
    taskStarted: ({ catalog }) => {
      viewCatalog.remember(catalog).catch((error: unknown) => log.warn(`Remembering the catalog ${catalog} failed: ${errorText(error)}`));
    },
  };

  // Views
  const tree = new TaskTreeProvider(sessions, viewCatalog.get);
  const treeData = welcomeWithoutCredentials(tree, connectionState);
  const treeView = vscode.window.createTreeView(TASKS_VIEW, { treeDataProvider: treeData, showCollapseAll: true });
  treeView.description = viewCatalog.get();
  const details = new TaskDetailsDocuments(sessions);
  const statusBar = new TaskStatusBar(sessions);
  context.subscriptions.push(
    tree,
    treeData,
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
  const connect = registerConnectionFeatures({ log, prompts: prompts.get, connection: sessionConnectionSource(sessions, aws), viewCatalog });
  context.subscriptions.push(connect);

  // Commands
  const tasks: TaskCommandServices = { ...app, tree, treeView, viewCatalog, launch };
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
    registerPendingLaunchCommands(tasks),
    registerLocalEmulatorCommands({ localEmulator, prompts: prompts.get, extensionId: context.extension.id }),
    registerTaskNotifications(sessions.onDidFinish, prompts.get, log, {
      showResults: (group) => (group.kind === 'task'
        ? vscode.commands.executeCommand(REVEAL_TASK_COMMAND, group.task.catalog, group.task.taskId)
        : vscode.commands.executeCommand(REVEAL_TASK_COMMAND, group.launch.catalog, group.tasks[0]?.taskId, 'launch')),
      retryFailed: (group) => retryFailed(tasks, group),
    }),
    sessions.onDidFailToPoll((message) => void prompts.get().show('warning', message)),
  );

  // Editors: hovers, near-miss diagnostics, outcome decorations and a CodeLens on engagement IDs
  const editorFeatures = registerEngagementEditorFeatures({ log, outcomes: sessionOutcomeSource(sessions, viewCatalog), titles: sessionTitleLookup(sessions, viewCatalog, log), prospect: (request) => startFromRequest(launch, request) });
  context.subscriptions.push(editorFeatures);

  // Launches whose outcome is unknown are re-sent to the account they were made for, when it becomes current.
  context.subscriptions.push(sessions.onDidChangeSession((session) => {
    resumeInSession(launch, session).catch((error: unknown) => log.error(`Resuming pending launches failed: ${errorText(error)}`));
  }));
  dropLegacyState(accountState, log)
    .then((dropped) => reportDroppedLaunches(launch, dropped))
    .catch((error: unknown) => log.error(`Removing state of an earlier version failed: ${errorText(error)}`));
  context.subscriptions.push(followConnectionSettings(sessions, localEmulator, connect.onDidRequestNewSession));

  return testSeam<PartnerCentralApi>(context.extensionMode, () => ({
    usePrompts: (scripted) => prompts.use(scripted),
    monitor: sessions,
    tree,
    statusBarText: () => statusBar.text,
    viewDescription: () => treeView.description,
    tasksViewVisible: () => treeView.visible,
    editorDecorations: (uri) => editorFeatures.decorationsOf(uri),
    localEmulator,
    connect: connect.api,
  }));
}

export function deactivate(): void {
  // Everything is released through context.subscriptions.
}

import * as vscode from 'vscode';
import { explainOneLine } from '../../core/errorExplanations';
import { isStalePendingLaunch } from '../../core/pendingLaunches';
import type { Catalog, TaskGroup, TaskRecord } from '../../core/tasks';
import { Disposable } from '../disposable';
import type { AccountSessions } from '../session/accountSessions';
import { CLEAR_TASK_FILTER_COMMAND, REFRESH_TASKS_COMMAND } from '../ids';
import { toTreeItem, type TaskTreeNode } from './taskTreeItems';

/** The Prospecting Tasks view: the current catalog's tasks, newest first, each with its engagements. */
export class TaskTreeProvider extends Disposable implements vscode.TreeDataProvider<TaskTreeNode> {
  private readonly changed = this.register(new vscode.EventEmitter<TaskTreeNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  private readonly filterChanged = this.register(new vscode.EventEmitter<string>());
  /** The name filter changed ('' when cleared): the view's message says what is shown. */
  readonly onDidChangeFilter = this.filterChanged.event;
  private nameFilter = '';
  private readonly detailErrors = new Map<string, string>();

  constructor(
    private readonly sessions: AccountSessions,
    private readonly catalog: () => Catalog,
    private readonly now: () => number = Date.now,
  ) {
    super();
    this.register(sessions.onDidChange(() => this.changed.fire(undefined)));
    this.register(sessions.onDidChangePendingLaunches((identityKey) => {
      if (identityKey === sessions.current?.identity.key) this.changed.fire(undefined);
    }));
  }

  get filter(): string {
    return this.nameFilter;
  }

  setFilter(filter: string): void {
    const trimmed = filter.trim();
    if (trimmed === this.nameFilter) return;
    this.nameFilter = trimmed;
    void vscode.commands.executeCommand('setContext', 'partnerCentral.tasksFiltered', this.nameFilter !== '');
    this.filterChanged.fire(this.nameFilter);
    this.changed.fire(undefined);
  }

  /** Whether the name filter lets the task through. */
  shows(task: TaskRecord): boolean {
    return this.nameFilter === '' || task.taskName.toLowerCase().includes(this.nameFilter.toLowerCase());
  }

  /** The catalog's tasks the view lists (the name filter applied), newest first. */
  visibleTasks(catalog: Catalog): TaskRecord[] {
    return this.sessions.tasks(catalog).filter((task) => this.shows(task));
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  getTreeItem(node: TaskTreeNode): vscode.TreeItem {
    return toTreeItem(node);
  }

  /** An engagement's task; a task's launch when the view shows that launch as one node (reveal walks this up). */
  getParent(node: TaskTreeNode): TaskTreeNode | undefined {
    if (node.kind === 'engagement') return { kind: 'task', task: node.task };
    if (node.kind === 'task') {
      const group = this.groupOf(node.task);
      return group?.kind === 'launch' ? { kind: 'launch', launch: group.launch, tasks: group.tasks } : undefined;
    }
    return undefined;
  }

  /** The launch node that holds `task`, or its own node when it stands alone. */
  nodeOf(task: TaskRecord): TaskTreeNode {
    const group = this.groupOf(task);
    return group?.kind === 'launch' ? { kind: 'launch', launch: group.launch, tasks: group.tasks } : { kind: 'task', task };
  }

  async getChildren(node?: TaskTreeNode): Promise<TaskTreeNode[]> {
    if (!node) return this.rootNodes();
    if (node.kind === 'launch') {
      const group = this.groupOf(node.tasks[0]);
      const tasks = group?.kind === 'launch' ? group.tasks : node.tasks;
      return tasks.map((task): TaskTreeNode => ({ kind: 'task', task }));
    }
    if (node.kind === 'task') return this.engagementNodes(node.task);
    return [];
  }

  private rootNodes(): TaskTreeNode[] {
    const catalog = this.catalog();
    const pages = this.sessions.pageState(catalog);
    if (!pages.loaded && !pages.loading && !pages.error) void this.sessions.loadFirstPage(catalog);

    const tasks = this.visibleTasks(catalog);
    const session = this.sessions.current;
    const pending = session?.pendingLaunches.list().filter((launch) => launch.catalog === catalog) ?? [];
    const nodes: TaskTreeNode[] = [
      ...pending.map((launch): TaskTreeNode => ({ kind: 'pending', launch, identityKey: session?.identity.key ?? '', stale: isStalePendingLaunch(launch, this.now()) })),
      ...this.sessions.groups(tasks).map((group): TaskTreeNode => (group.kind === 'launch' ? { kind: 'launch', launch: group.launch, tasks: group.tasks } : { kind: 'task', task: group.task })),
    ];
    if (pages.error) {
      nodes.push({ kind: 'message', id: `error/${catalog}`, label: `Could not list ${catalog} tasks`, detail: pages.error, icon: 'warning', command: { command: REFRESH_TASKS_COMMAND, title: 'Retry' } });
    }
    if (pages.nextToken || (pages.loading && pages.loaded)) nodes.push({ kind: 'loadMore', catalog, loading: pages.loading !== undefined });
    if (this.nameFilter !== '' && tasks.length === 0 && this.sessions.tasks(catalog).length > 0) {
      nodes.push({ kind: 'message', id: 'filter/none', label: `No task name contains "${this.nameFilter}"`, icon: 'filter', command: { command: CLEAR_TASK_FILTER_COMMAND, title: 'Clear Filter' } });
    }
    if (nodes.length === 0 && pages.loading) {
      nodes.push({ kind: 'message', id: `loading/${catalog}`, label: `Loading ${catalog} tasks…`, icon: 'loading~spin' });
    }
    return nodes;
  }

  /** The entry of the list that holds `task` (the name filter applied, as in the view). */
  private groupOf(task: TaskRecord | undefined): TaskGroup | undefined {
    if (!task) return undefined;
    return this.sessions.groups(this.visibleTasks(task.catalog)).find((group) =>
      group.kind === 'task' ? group.task.taskId === task.taskId : group.tasks.some((member) => member.taskId === task.taskId));
  }

  private async engagementNodes(task: TaskRecord): Promise<TaskTreeNode[]> {
    const key = `${task.catalog}/${task.taskId}`;
    let current = this.sessions.task(task.catalog, task.taskId) ?? task;
    try {
      current = await this.sessions.ensureDetails(current);
      this.detailErrors.delete(key);
    } catch (error) {
      this.detailErrors.set(key, explainOneLine(error, { catalog: task.catalog }));
    }
    const nodes: TaskTreeNode[] = (current.engagements ?? []).map((engagement) => ({
      kind: 'engagement',
      task: current,
      engagement,
      title: this.sessions.title(current.catalog, engagement.engagementId),
    }));
    const problem = this.detailErrors.get(key);
    if (problem) nodes.unshift({ kind: 'message', id: `details-error/${key}`, label: 'Could not load the results', detail: problem, icon: 'warning' });
    if (nodes.length === 0) nodes.push({ kind: 'message', id: `empty/${key}`, label: 'No engagements in this task', icon: 'info' });
    return nodes;
  }
}

import * as vscode from 'vscode';
import { aggregateProgress, deriveTaskState, describeLaunchProgress, describeProgress, isActive, launchState, type TaskGroup, type TaskRecord } from '../../core/tasks';
import { FOCUS_TASKS_VIEW_COMMAND, REVEAL_TASK_COMMAND } from '../ids';
import { CONFIG_SECTION } from '../config';
import { Disposable } from '../disposable';
import type { AccountSessions } from '../session/accountSessions';
import { escapeMarkdown, STATE_LOOK } from './taskPresentation';

/**
 * One item following the work in flight: `$(sync~spin) Prospecting 34/250` while launches run (every task of a
 * running launch counts, also those already ended), then the outcome of the launch (or task on its own) that
 * ended last. Hidden when there is nothing to show, unless `partnerCentral.statusBar` is `always`.
 */
export class TaskStatusBar extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('partnerCentral.status', vscode.StatusBarAlignment.Left, 50));

  constructor(private readonly sessions: AccountSessions) {
    super();
    this.item.name = 'Partner Central Prospecting';
    this.register(sessions.onDidChange(() => this.update()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(`${CONFIG_SECTION}.statusBar`)) this.update();
    }));
    this.update();
  }

  /** The item's text, for tests. */
  get text(): string {
    return this.item.text;
  }

  private update(): void {
    const active = this.sessions.activeTasks();
    const latest = this.sessions.latestFinished;
    if (active.length > 0) this.showActive(active);
    else if (latest?.kind === 'task') this.showFinished(latest.task);
    else if (latest) this.showFinishedLaunch(latest);
    else this.showIdle();
  }

  /** The tasks of the running launches (ended ones too: the launch still runs) and the active tasks on their own. */
  private runningWork(active: readonly TaskRecord[]): TaskRecord[] {
    const catalogs = [...new Set(active.map((task) => task.catalog))];
    return catalogs.flatMap((catalog) => this.sessions.groups(this.sessions.tasks(catalog)))
      .flatMap((group) => (group.kind === 'task' ? [group.task].filter(isActive) : group.tasks.some(isActive) ? group.tasks : []));
  }

  private showActive(active: readonly TaskRecord[]): void {
    const progress = aggregateProgress(this.runningWork(active));
    this.item.text = `$(sync~spin) Prospecting ${progress.done}/${progress.total}`;
    this.item.backgroundColor = undefined;
    const lines = active.map((task) => `$(sync~spin) ${escapeMarkdown(task.taskName)} (${task.catalog}): ${describeProgress(task)}`);
    this.item.tooltip = new vscode.MarkdownString(`**${active.length} prospecting task${active.length === 1 ? '' : 's'} running**\n\n${lines.join('\n\n')}`, true);
    this.item.command = { command: REVEAL_TASK_COMMAND, title: 'Show Task', arguments: [active[0].catalog, active[0].taskId] };
    this.item.accessibilityInformation = { label: `Prospecting: ${progress.done} of ${progress.total} engagements done in ${active.length} tasks` };
    this.item.show();
  }

  private showFinished(task: TaskRecord): void {
    const state = deriveTaskState(task);
    const look = STATE_LOOK[state];
    this.item.text = `$(${look.icon}) Prospecting ${describeProgress(task)}`;
    this.item.backgroundColor = state === 'failed'
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : state === 'completedWithFailures' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = new vscode.MarkdownString(`$(${look.icon}) **${escapeMarkdown(task.taskName)}** (${task.catalog}) — ${look.label}\n\n${describeProgress(task)}\n\nClick to show it in Prospecting Tasks.`, true);
    this.item.command = { command: REVEAL_TASK_COMMAND, title: 'Show Task', arguments: [task.catalog, task.taskId] };
    this.item.accessibilityInformation = { label: `Prospecting task ${task.taskName}: ${look.label}, ${describeProgress(task)}` };
    this.item.show();
  }

  private showFinishedLaunch(group: Extract<TaskGroup, { kind: 'launch' }>): void {
    const { launch, tasks } = group;
    const state = launchState(launch, tasks);
    const look = STATE_LOOK[state];
    const progress = describeLaunchProgress(tasks);
    this.item.text = `$(${look.icon}) Prospecting ${progress}`;
    this.item.backgroundColor = state === 'failed'
      ? new vscode.ThemeColor('statusBarItem.errorBackground')
      : state === 'completedWithFailures' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.tooltip = new vscode.MarkdownString(`$(${look.icon}) **${escapeMarkdown(launch.name)}** (${launch.catalog}, ${launch.engagementCount} engagements in ${tasks.length} tasks) — ${look.label}\n\n${progress}\n\nClick to show it in Prospecting Tasks.`, true);
    this.item.command = { command: REVEAL_TASK_COMMAND, title: 'Show Launch', arguments: [launch.catalog, tasks[0]?.taskId, 'launch'] };
    this.item.accessibilityInformation = { label: `Prospecting ${launch.name}: ${look.label}, ${progress}` };
    this.item.show();
  }

  private showIdle(): void {
    if (vscode.workspace.getConfiguration(CONFIG_SECTION).get<string>('statusBar') !== 'always') {
      this.item.hide();
      return;
    }
    this.item.text = '$(checklist) Prospecting';
    this.item.backgroundColor = undefined;
    this.item.tooltip = 'No prospecting task running. Click to open Prospecting Tasks.';
    this.item.command = { command: FOCUS_TASKS_VIEW_COMMAND, title: 'Show Prospecting Tasks' };
    this.item.accessibilityInformation = undefined;
    this.item.show();
  }
}

import * as vscode from 'vscode';
import { aggregateProgress, deriveTaskState, describeProgress, type TaskRecord } from '../../core/tasks';
import { FOCUS_TASKS_VIEW_COMMAND, REVEAL_TASK_COMMAND } from '../ids';
import { CONFIG_SECTION } from '../config';
import { Disposable } from '../disposable';
import type { AccountSessions } from '../session/accountSessions';
import { escapeMarkdown, STATE_LOOK } from './taskPresentation';

/**
 * One item following the work in flight: `$(sync~spin) Prospecting 34/200` while tasks run, then the latest
 * finished task's outcome. Hidden when there is nothing to show, unless `partnerCentral.statusBar` is `always`.
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
    const latest = this.sessions.latestFinishedTask;
    if (active.length > 0) this.showActive(active);
    else if (latest) this.showFinished(latest);
    else this.showIdle();
  }

  private showActive(active: readonly TaskRecord[]): void {
    const progress = aggregateProgress(active);
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

import * as vscode from 'vscode';
import { aggregateProgress, deriveTaskState, describeDuration, describeLaunchProgress, describeProgress, launchState, taskCounts, type EngagementResult, type LaunchRecord, type TaskRecord, type TaskState } from '../../core/tasks';

/** How each derived state looks: the tree's icon, the status bar's codicon and wording. */
export const STATE_LOOK: Record<TaskState, { icon: string; color?: string; label: string }> = {
  pending: { icon: 'clock', label: 'Pending' },
  running: { icon: 'sync~spin', label: 'Running' },
  completed: { icon: 'pass', color: 'testing.iconPassed', label: 'Completed' },
  completedWithFailures: { icon: 'warning', color: 'list.warningForeground', label: 'Completed with failures' },
  failed: { icon: 'error', color: 'testing.iconFailed', label: 'Failed' },
};

export function stateIcon(state: TaskState): vscode.ThemeIcon {
  const look = STATE_LOOK[state];
  return new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
}

const ENGAGEMENT_LOOK: Record<EngagementResult['status'], { icon: string; color?: string }> = {
  PENDING: { icon: 'circle-outline' },
  IN_PROGRESS: { icon: 'sync~spin' },
  COMPLETED: { icon: 'pass', color: 'testing.iconPassed' },
  FAILED: { icon: 'error', color: 'testing.iconFailed' },
};

export function engagementIcon(status: EngagementResult['status']): vscode.ThemeIcon {
  const look = ENGAGEMENT_LOOK[status];
  return new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined);
}

function formatTime(iso: string | undefined): string {
  return iso ? new Date(iso).toLocaleString() : '—';
}

export function taskTooltip(task: TaskRecord, now = Date.now()): vscode.MarkdownString {
  const counts = taskCounts(task);
  const state = deriveTaskState(task);
  const rows = [
    `**${escapeMarkdown(task.taskName)}** — ${STATE_LOOK[state].label}`,
    '',
    `| | |`,
    `|---|---|`,
    `| Task ID | \`${task.taskId}\` |`,
    `| ARN | \`${task.taskArn ?? 'not known yet'}\` |`,
    `| Catalog | ${task.catalog} |`,
    `| Started | ${formatTime(task.startTime)} |`,
    `| Ended | ${formatTime(task.endTime)} |`,
    `| Duration | ${describeDuration(task.startTime, task.endTime, now)} |`,
    `| Engagements | ${counts.total}: ${counts.completed} completed, ${counts.failed} failed, ${counts.inProgress} in progress, ${counts.pending} pending |`,
  ];
  const tooltip = new vscode.MarkdownString(rows.join('\n'));
  tooltip.supportThemeIcons = true;
  return tooltip;
}

export function launchTooltip(launch: LaunchRecord, tasks: readonly TaskRecord[]): vscode.MarkdownString {
  const progress = aggregateProgress(tasks);
  const rows = [
    `**${escapeMarkdown(launch.name)}** — ${STATE_LOOK[launchState(launch, tasks)].label}`,
    '',
    `${launch.engagementCount} engagements launched in ${tasks.length} tasks (${launch.catalog}), ${formatTime(launch.createdAt)}`,
    '',
    `${describeLaunchProgress(tasks)}: ${progress.done - progress.failed} completed, ${progress.failed} failed, ${progress.total - progress.done} to go`,
    '',
    ...tasks.map((task) => `- ${escapeMarkdown(task.taskName)}: ${describeProgress(task)}`),
  ];
  return new vscode.MarkdownString(rows.join('\n'));
}

/** Markdown's special characters escaped, for names and service text shown in tooltips. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}

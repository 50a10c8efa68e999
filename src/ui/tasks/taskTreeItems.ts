import * as vscode from 'vscode';
import type { PendingLaunch } from '../../core/pendingLaunches';
import { deriveTaskState, describeLaunchProgress, launchState, type Catalog, type EngagementResult, type LaunchRecord, type TaskRecord } from '../../core/tasks';
import { LOAD_MORE_TASKS_COMMAND } from '../ids';
import { describeProgress } from '../../core/tasks';
import { engagementIcon, escapeMarkdown, launchTooltip, stateIcon, taskTooltip } from './taskPresentation';

/** Nodes of the Prospecting Tasks view. Ids are stable, so expansion and selection survive refreshes. */
export type TaskTreeNode =
  /** What the user started in one action, shown as one node when it made several tasks. */
  | { kind: 'launch'; launch: LaunchRecord; tasks: TaskRecord[] }
  | { kind: 'task'; task: TaskRecord }
  | { kind: 'engagement'; task: TaskRecord; engagement: EngagementResult; title?: string }
  /** A launch of the current account whose outcome is unknown; `stale` past a day (then never re-sent by itself). */
  | { kind: 'pending'; launch: PendingLaunch; identityKey: string; stale: boolean }
  | { kind: 'loadMore'; catalog: Catalog; loading: boolean }
  | { kind: 'message'; id: string; label: string; detail?: string; icon: string; command?: vscode.Command };

export function taskNodeId(catalog: Catalog, taskId: string): string {
  return `task/${catalog}/${taskId}`;
}

/**
 * contextValue as space-separated tokens, so menus test single facts:
 * `viewItem =~ /\bhasFailures\b/`.
 */
function taskContextValue(task: TaskRecord): string {
  const tokens = ['task', `state-${deriveTaskState(task)}`];
  if (task.failedCount > 0) tokens.push('hasFailures');
  if (task.taskArn) tokens.push('hasArn');
  if (task.endTime) tokens.push('finished');
  return tokens.join(' ');
}

export function launchNodeId(catalog: Catalog, launchId: string): string {
  return `launch/${catalog}/${launchId}`;
}

/** `launch state-… [hasFailures] [finished]`: the same facts as a task's, so menus read both alike. */
function launchContextValue(launch: LaunchRecord, tasks: readonly TaskRecord[]): string {
  const state = launchState(launch, tasks);
  const tokens = ['launch', `state-${state}`];
  if (tasks.some((task) => task.failedCount > 0)) tokens.push('hasFailures');
  if (state !== 'pending' && state !== 'running') tokens.push('finished');
  return tokens.join(' ');
}

export function toTreeItem(node: TaskTreeNode): vscode.TreeItem {
  switch (node.kind) {
    case 'launch': {
      const { launch, tasks } = node;
      const item = new vscode.TreeItem(launch.name, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = launchNodeId(launch.catalog, launch.launchId);
      const awaiting = launch.awaitingTokens.length;
      item.description = `${describeLaunchProgress(tasks)}${awaiting > 0 ? ` · ${awaiting} task${awaiting === 1 ? '' : 's'} starting…` : ''}`;
      item.tooltip = launchTooltip(launch, tasks);
      item.iconPath = stateIcon(launchState(launch, tasks));
      item.contextValue = launchContextValue(launch, tasks);
      item.accessibilityInformation = { label: `${launch.name}, ${tasks.length} tasks, ${describeLaunchProgress(tasks)}` };
      return item;
    }
    case 'task': {
      const { task } = node;
      const item = new vscode.TreeItem(task.taskName, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = taskNodeId(task.catalog, task.taskId);
      item.description = describeProgress(task);
      item.tooltip = taskTooltip(task);
      item.iconPath = stateIcon(deriveTaskState(task));
      item.contextValue = taskContextValue(task);
      item.accessibilityInformation = { label: `${task.taskName}, ${describeProgress(task)}` };
      return item;
    }
    case 'engagement': {
      const { engagement, task, title } = node;
      const item = new vscode.TreeItem(engagement.engagementId, vscode.TreeItemCollapsibleState.None);
      item.id = `${taskNodeId(task.catalog, task.taskId)}/${engagement.engagementId}`;
      item.description = engagementDescription(engagement, title);
      item.iconPath = engagementIcon(engagement.status);
      item.tooltip = engagementTooltip(engagement, title);
      item.contextValue = `engagement status-${engagement.status.toLowerCase()}${engagement.engagementContextId ? ' hasContext' : ''}`;
      return item;
    }
    case 'pending': {
      const { launch, stale } = node;
      const item = new vscode.TreeItem(launch.taskName, vscode.TreeItemCollapsibleState.None);
      item.id = `pending/${launch.catalog}/${launch.clientToken}`;
      const queued = `Queued ${new Date(launch.createdAt).toLocaleString()}`;
      if (stale) {
        item.description = `stale: no answer for over a day (${launch.identifiers.length} engagements)`;
        item.tooltip = `Sent over a day ago, and its answer never arrived: it is not sent again by itself. Re-send it (with the same ClientToken, so it can never start twice) or discard it.\n${queued}`;
        item.iconPath = new vscode.ThemeIcon('history');
      } else {
        item.description = `starting… (${launch.identifiers.length} engagements)`;
        item.tooltip = `Sent, but its answer has not arrived yet. Sending it again reuses the same ClientToken, so it can never start twice.${launch.catalog === 'AWS' ? ' A production launch is re-sent only once you confirm.' : ''}\n${queued}`;
        item.iconPath = new vscode.ThemeIcon('loading~spin');
      }
      item.contextValue = stale ? 'pendingLaunch stale' : 'pendingLaunch';
      return item;
    }
    case 'loadMore': {
      const item = new vscode.TreeItem(node.loading ? 'Loading…' : 'Load more…', vscode.TreeItemCollapsibleState.None);
      item.id = `loadMore/${node.catalog}`;
      item.iconPath = new vscode.ThemeIcon(node.loading ? 'loading~spin' : 'ellipsis');
      item.contextValue = 'loadMore';
      if (!node.loading) item.command = { command: LOAD_MORE_TASKS_COMMAND, title: 'Load More Tasks', arguments: [node.catalog] };
      return item;
    }
    case 'message': {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = node.detail;
      item.tooltip = node.detail ? `${node.label}: ${node.detail}` : node.label;
      item.iconPath = new vscode.ThemeIcon(node.icon);
      item.contextValue = 'message';
      item.command = node.command;
      return item;
    }
  }
}

function engagementDescription(engagement: EngagementResult, title: string | undefined): string {
  const parts: string[] = [engagement.status.replace('_', ' ').toLowerCase()];
  if (engagement.engagementContextId) parts.push(engagement.engagementContextId);
  if (engagement.reasonCode) parts.push(engagement.reasonCode);
  if (title) parts.push(title);
  return parts.join(' · ');
}

function engagementTooltip(engagement: EngagementResult, title: string | undefined): vscode.MarkdownString {
  const lines = [`**${engagement.engagementId}**${title ? ` — ${escapeMarkdown(title)}` : ''}`, '', `Status: ${engagement.status}`];
  if (engagement.engagementContextId) lines.push(`Engagement context: \`${engagement.engagementContextId}\``);
  if (engagement.reasonCode) lines.push(`Reason: \`${engagement.reasonCode}\``);
  if (engagement.message) lines.push('', escapeMarkdown(engagement.message));
  return new vscode.MarkdownString(lines.join('\n\n'));
}

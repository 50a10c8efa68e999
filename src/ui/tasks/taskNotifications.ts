import * as vscode from 'vscode';
import { aggregateProgress, deriveTaskState, describeLaunchProgress, describeProgress, launchState, type LaunchRecord, type TaskGroup, type TaskRecord } from '../../core/tasks';
import { CONFIG_SECTION } from '../config';
import type { Prompts } from '../prompts';
import { errorText } from '../../core/redaction/externalText';

export const SHOW_RESULTS = 'Show Results';
export const RETRY_FAILED = 'Retry Failed';

/**
 * When a launch ends (all its tasks), or a task on its own: one notification with its counts, and the ways to
 * act on it. A launch of several tasks is told once, naming the engagements launched, never once per task.
 */
export function registerTaskNotifications(
  onDidFinish: vscode.Event<TaskGroup>,
  prompts: () => Prompts,
  log: vscode.LogOutputChannel,
  actions: { showResults(group: TaskGroup): Thenable<unknown>; retryFailed(group: TaskGroup): Thenable<unknown> },
): vscode.Disposable {
  const notify = async (group: TaskGroup): Promise<void> => {
    if (vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('notifications') === false) return;
    const state = group.kind === 'task' ? deriveTaskState(group.task) : launchState(group.launch, group.tasks);
    const hasFailures = group.kind === 'task' ? group.task.failedCount > 0 : group.tasks.some((task) => task.failedCount > 0);
    const level = state === 'failed' ? 'error' : hasFailures ? 'warning' : 'info';
    const verb = state === 'failed' ? 'failed' : 'finished';
    const buttons = hasFailures ? [SHOW_RESULTS, RETRY_FAILED] : [SHOW_RESULTS];
    const message = group.kind === 'task'
      ? `Prospecting task "${group.task.taskName}" ${verb} in ${group.task.catalog}: ${describeProgress(group.task)}.`
      : `Prospecting "${group.launch.name}" ${verb} in ${group.launch.catalog}: ${engagementsOf(group.launch, group.tasks)} in ${group.tasks.length} tasks, ${describeLaunchProgress(group.tasks)}.`;
    const answer = await prompts().show(level, message, ...buttons);
    if (answer === SHOW_RESULTS) await actions.showResults(group);
    else if (answer === RETRY_FAILED) await actions.retryFailed(group);
  };
  // The event does not wait for its listeners: a failure here would otherwise be an unhandled rejection.
  return onDidFinish((group) => {
    notify(group).catch((error: unknown) => log.error(`Acting on the end of ${group.kind === 'task' ? `task ${group.task.taskId}` : `launch "${group.launch.name}"`} failed: ${errorText(error)}`));
  });
}

/** '250 engagements', or '200 of the 250 engagements launched' when some never started (unknown to the catalog). */
function engagementsOf(launch: LaunchRecord, tasks: readonly TaskRecord[]): string {
  const { total } = aggregateProgress(tasks);
  return total === launch.engagementCount ? `${total} engagements` : `${total} of the ${launch.engagementCount} engagements launched`;
}

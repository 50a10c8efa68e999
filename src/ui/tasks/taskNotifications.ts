import * as vscode from 'vscode';
import { deriveTaskState, describeProgress, type TaskRecord } from '../../core/tasks';
import { CONFIG_SECTION } from '../config';
import type { Prompts } from '../prompts';

export const SHOW_RESULTS = 'Show Results';
export const RETRY_FAILED = 'Retry Failed';

/** When a followed task finishes: a notification with its counts, and the ways to act on it. */
export function registerTaskNotifications(
  onDidFinish: vscode.Event<TaskRecord>,
  prompts: () => Prompts,
  log: vscode.LogOutputChannel,
  actions: { showResults(task: TaskRecord): Thenable<unknown>; retryFailed(task: TaskRecord): Thenable<unknown> },
): vscode.Disposable {
  const notify = async (task: TaskRecord): Promise<void> => {
    if (vscode.workspace.getConfiguration(CONFIG_SECTION).get<boolean>('notifications') === false) return;
    const state = deriveTaskState(task);
    const hasFailures = task.failedCount > 0;
    const level = state === 'failed' ? 'error' : hasFailures ? 'warning' : 'info';
    const verb = state === 'failed' ? 'failed' : 'finished';
    const buttons = hasFailures ? [SHOW_RESULTS, RETRY_FAILED] : [SHOW_RESULTS];
    const answer = await prompts().show(level, `Prospecting task "${task.taskName}" ${verb} in ${task.catalog}: ${describeProgress(task)}.`, ...buttons);
    if (answer === SHOW_RESULTS) await actions.showResults(task);
    else if (answer === RETRY_FAILED) await actions.retryFailed(task);
  };
  // The event does not wait for its listeners: a failure here would otherwise be an unhandled rejection.
  return onDidFinish((task) => {
    notify(task).catch((error: unknown) => log.error(`Acting on the end of task ${task.taskId} failed: ${error instanceof Error ? error.message : String(error)}`));
  });
}

import * as vscode from 'vscode';
import { planBatches } from '../../../core/batchPlanning';
import { explainError, formatExplanation } from '../../../core/errorExplanations';
import { truncateWithEllipsis, MAX_TASK_NAME_LENGTH } from '../../../core/taskNames';
import { failedEngagementIds, type TaskRecord } from '../../../core/tasks';
import { confirmCatalog } from '../../launch/chooseCatalog';
import { runLaunch } from '../../launch/runLaunch';
import { resolveTask, type TaskCommandServices } from './taskCommandServices';
import { RETRY_FAILED_COMMAND } from '../../ids';

/** A new task (or tasks, past 100) holding exactly the engagements that failed in this one. */
export async function retryFailed(services: TaskCommandServices, task: TaskRecord): Promise<void> {
  const prompts = services.launch.prompts();
  let detailed: TaskRecord;
  try {
    detailed = await services.sessions.ensureDetails(task, task.engagements === undefined);
  } catch (error) {
    await prompts.show('error', `Could not fetch which engagements failed in "${task.taskName}": ${formatExplanation(explainError(error, { catalog: task.catalog }))}. Nothing was started.`);
    return;
  }
  const ids = failedEngagementIds(detailed);
  if (ids.length === 0) {
    await prompts.show('info', `No engagement failed in "${task.taskName}", so there is nothing to retry.`);
    return;
  }
  const batches = planBatches(ids, truncateWithEllipsis(`${task.taskName} (retry)`, MAX_TASK_NAME_LENGTH));
  if (!(await confirmCatalog(prompts, task.catalog, ids.length, batches.length, 'task'))) return;
  await runLaunch(services.launch, task.catalog, batches);
}

export function registerRetryFailed(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(RETRY_FAILED_COMMAND, async (arg?: unknown) => {
    const task = await resolveTask(services, arg, 'Retry the failed engagements of which task?');
    if (task) await retryFailed(services, task);
  });
}

import * as vscode from 'vscode';
import { planBatches } from '../../../core/batchPlanning';
import { explainOneLine } from '../../../core/errorExplanations';
import { truncateWithEllipsis, MAX_TASK_NAME_LENGTH } from '../../../core/taskNames';
import { failedEngagementIds, type TaskGroup, type TaskRecord } from '../../../core/tasks';
import { confirmCatalog } from '../../launch/chooseCatalog';
import { runLaunch } from '../../launch/runLaunch';
import { resolveTarget, type TaskCommandServices } from './taskCommandServices';
import { RETRY_FAILED_COMMAND } from '../../ids';

/**
 * A new launch holding exactly the engagements that failed: in one task, or across every task of a launch
 * (retried as one launch, in tasks of at most 100).
 */
export async function retryFailed(services: TaskCommandServices, target: TaskGroup | TaskRecord): Promise<void> {
  const prompts = services.launch.prompts();
  const group: TaskGroup = 'kind' in target ? target : { kind: 'task', task: target };
  const tasks = group.kind === 'task' ? [group.task] : group.tasks;
  const name = group.kind === 'task' ? group.task.taskName : group.launch.name;
  const catalog = tasks[0]?.catalog;
  if (!catalog) return;
  const ids: string[] = [];
  for (const task of tasks) {
    let detailed: TaskRecord;
    try {
      detailed = await services.sessions.ensureDetails(task, task.engagements === undefined);
    } catch (error) {
      await prompts.show('error', `Could not fetch which engagements failed in "${task.taskName}": ${explainOneLine(error, { catalog: task.catalog })}. Nothing was started.`);
      return;
    }
    ids.push(...failedEngagementIds(detailed));
  }
  if (ids.length === 0) {
    await prompts.show('info', `No engagement failed in "${name}", so there is nothing to retry.`);
    return;
  }
  const batches = planBatches(ids, truncateWithEllipsis(`${name} (retry)`, MAX_TASK_NAME_LENGTH));
  if (!(await confirmCatalog(prompts, catalog, ids.length, batches.length, 'task', await services.launch.session()))) return;
  await runLaunch(services.launch, catalog, batches);
}

export function registerRetryFailed(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(RETRY_FAILED_COMMAND, async (arg?: unknown) => {
    const target = await resolveTarget(services, arg, 'Retry the failed engagements of which task?');
    if (target) await retryFailed(services, target);
  });
}

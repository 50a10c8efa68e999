import * as vscode from 'vscode';
import { explainOneLine } from '../../../core/errorExplanations';
import { truncateWithEllipsis, MAX_TASK_NAME_LENGTH } from '../../../core/taskNames';
import { failedEngagementIds, type TaskGroup, type TaskRecord } from '../../../core/tasks';
import { confirmCatalog } from '../../launch/chooseCatalog';
import { promptIntentQuestions } from '../../launch/intentQuestions';
import { inSession } from '../../launch/launchContext';
import { runLaunch } from '../../launch/runLaunch';
import { planIntendedLaunch } from '../../session/launchIntent';
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
  // A retry means to prospect them again: only a lost-answer launch holding them is asked about.
  const session = await services.launch.session();
  const intended = await planIntendedLaunch(session, { catalog, ids, taskName: truncateWithEllipsis(`${name} (retry)`, MAX_TASK_NAME_LENGTH), retry: true }, promptIntentQuestions(prompts));
  if (!intended) return;
  const engagements = intended.batches.reduce((total, batch) => total + batch.identifiers.length, 0);
  if (!(await confirmCatalog(prompts, catalog, engagements, intended.batches.length, 'task', session))) return;
  await runLaunch(inSession(services.launch, session), catalog, intended.batches, undefined, undefined, { freshTokens: intended.freshTokens });
}

export function registerRetryFailed(services: TaskCommandServices): vscode.Disposable {
  return vscode.commands.registerCommand(RETRY_FAILED_COMMAND, async (arg?: unknown) => {
    const target = await resolveTarget(services, arg, 'Retry the failed engagements of which task?');
    if (target) await retryFailed(services, target);
  });
}

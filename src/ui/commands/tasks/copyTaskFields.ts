import * as vscode from 'vscode';
import { explainOneLine } from '../../../core/errorExplanations';
import type { TaskRecord } from '../../../core/tasks';
import type { TaskTreeNode } from '../../tasks/taskTreeItems';
import { resolveTask, type TaskCommandServices } from './taskCommandServices';
import { COPY_TASK_ID_COMMAND, COPY_TASK_ARN_COMMAND, COPY_ENGAGEMENT_IDS_COMMAND } from '../../ids';

async function copy(services: TaskCommandServices, text: string, what: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(check) Copied ${what}`, 3000);
  services.log.debug(`Copied ${what} to the clipboard`);
}

export function registerCopyTaskFields(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(COPY_TASK_ID_COMMAND, async (arg?: unknown) => {
      const task = await resolveTask(services, arg, 'Copy the ID of which task?');
      if (task) await copy(services, task.taskId, `task ID ${task.taskId}`);
    }),
    vscode.commands.registerCommand(COPY_TASK_ARN_COMMAND, async (arg?: unknown) => {
      const task = await resolveTask(services, arg, 'Copy the ARN of which task?');
      if (!task) return;
      if (!task.taskArn) {
        await services.prompts().show('info', `The ARN of task ${task.taskId} is not known yet; refresh the view and try again.`);
        return;
      }
      await copy(services, task.taskArn, 'the task ARN');
    }),
    vscode.commands.registerCommand(COPY_ENGAGEMENT_IDS_COMMAND, async (arg?: unknown) => {
      const node = arg as TaskTreeNode | undefined;
      if (node?.kind === 'engagement') {
        await copy(services, node.engagement.engagementId, node.engagement.engagementId);
        return;
      }
      const task = await resolveTask(services, arg, 'Copy the engagement IDs of which task?');
      if (!task) return;
      const ids = await engagementIds(services, task);
      if (ids) await copy(services, ids.join('\n'), `${ids.length} engagement ID${ids.length === 1 ? '' : 's'}`);
    }),
  );
}

/** The task's engagement IDs: known here, or fetched (a task listed by the service comes without them). */
async function engagementIds(services: TaskCommandServices, task: TaskRecord): Promise<string[] | undefined> {
  const known = task.engagements?.map((engagement) => engagement.engagementId) ?? task.identifiers;
  if (known) return known;
  try {
    return (await services.sessions.ensureDetails(task, true)).engagements?.map((engagement) => engagement.engagementId) ?? [];
  } catch (error) {
    await services.prompts().show('error', `Could not fetch the engagements of "${task.taskName}": ${explainOneLine(error, { catalog: task.catalog })}. Nothing was copied.`);
    return undefined;
  }
}

import * as vscode from 'vscode';
import { batchesForPendingLaunches, type PendingLaunch } from '../../../core/pendingLaunches';
import type { Catalog } from '../../../core/tasks';
import { inSession } from '../../launch/launchContext';
import { confirmResend } from '../../launch/resumePendingLaunches';
import { runLaunch } from '../../launch/runLaunch';
import type { AccountSession } from '../../session/accountSession';
import type { TaskTreeNode } from '../../tasks/taskTreeItems';
import type { TaskCommandServices } from './taskCommandServices';
import { DISCARD_PENDING_LAUNCH_COMMAND, RESEND_PENDING_LAUNCH_COMMAND } from '../../ids';


/** A pending launch item of the tree, and the current session it belongs to; else the reason is shown. */
async function pendingLaunchOf(services: TaskCommandServices, arg: unknown): Promise<{ session: AccountSession; launch: PendingLaunch } | undefined> {
  const node = arg as TaskTreeNode | undefined;
  if (node?.kind !== 'pending') return undefined;
  const session = services.sessions.current;
  if (!session || session.identity.key !== node.identityKey) {
    await services.prompts().show('info', `The pending launch "${node.launch.taskName}" belongs to another account than the current one; switch back to it to re-send or discard it.`);
    return undefined;
  }
  const launch = session.pendingLaunches.list().find((candidate) => candidate.clientToken === node.launch.clientToken);
  if (!launch) {
    await services.prompts().show('info', `"${node.launch.taskName}" is no longer pending.`);
    return undefined;
  }
  return { session, launch };
}

/** Re-send (with the saved ClientToken) or discard a pending launch from its tree item. */
export function registerPendingLaunchCommands(services: TaskCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(RESEND_PENDING_LAUNCH_COMMAND, async (arg?: unknown) => {
      const found = await pendingLaunchOf(services, arg);
      if (!found) return;
      const { session, launch } = found;
      const catalog = launch.catalog as Catalog;
      if (catalog !== 'Sandbox' && !(await confirmResend(services.launch, [launch], session))) return;
      await runLaunch(inSession(services.launch, session), catalog, batchesForPendingLaunches([launch], catalog));
    }),
    vscode.commands.registerCommand(DISCARD_PENDING_LAUNCH_COMMAND, async (arg?: unknown) => {
      const found = await pendingLaunchOf(services, arg);
      if (!found) return;
      const { session, launch } = found;
      const discard = 'Discard';
      const answer = await services.prompts().show('warning',
        `Discard the pending launch "${launch.taskName}" (${launch.identifiers.length} engagements, ${launch.catalog}) at ${session.describe()}? Its task may exist: look for it in the task list. Starting the same engagements again later uses a new ClientToken.`,
        discard);
      if (answer !== discard) return;
      await session.pendingLaunches.remove(launch.clientToken);
      services.log.info(`Discarded pending launch "${launch.taskName}" (${launch.catalog}, ClientToken ${launch.clientToken}) at ${session.describe()}`);
    }),
  );
}

import type * as vscode from 'vscode';
import type { TaskRecord } from '../../core/tasks';
import type { Prompts } from '../prompts';
import type { AccountSession } from '../session/accountSession';
import type { AccountSessions } from '../session/accountSessions';

/** What the launch commands work with; built once in activate(). */
export interface LaunchServices {
  readonly log: vscode.LogOutputChannel;
  readonly sessions: AccountSessions;
  /** The session a launch goes to: the current one, or, within a launch, the one it holds. */
  session(): Promise<AccountSession>;
  /** Read at each use: in-host tests swap the prompts. */
  prompts(): Prompts;
  /** Told of every task that started (the view shows its catalog). */
  taskStarted(task: TaskRecord): void;
}

/** The same services, bound to `session`: a launch and its follow-ups stay in the account they started in. */
export function inSession(services: LaunchServices, session: AccountSession): LaunchServices {
  return { ...services, session: () => Promise.resolve(session) };
}

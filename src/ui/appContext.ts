import type * as vscode from 'vscode';
import type { Prompts } from './prompts';
import type { AccountSessions } from './session/accountSessions';

/** What every command works with: the log, the account sessions, the prompts; built once in activate(). */
export interface AppContext {
  readonly log: vscode.LogOutputChannel;
  readonly sessions: AccountSessions;
  /** Read at each use: in-host tests swap the prompts. */
  prompts(): Prompts;
}

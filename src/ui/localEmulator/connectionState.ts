import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { AccountSession } from '../session/accountSession';
import type { AccountSessions } from '../session/accountSessions';
import type { ConnectionOverrideSource } from './connectionOverride';

/**
 * What the Prospecting Tasks view knows of the connection, as the context key `partnerCentral.connectionState`
 * its welcome content depends on:
 * - `checking`: not known yet;
 * - `noCredentials`: the SDK finds no credentials (no profile, no AWS_* variables, no SSO): the view offers the
 *   ways forward instead of an error line;
 * - `credentials`: credentials were found (whether they are accepted is for the first call to tell);
 * - `localEmulator`: the local emulator is the connection.
 */
export type ConnectionState = 'checking' | 'noCredentials' | 'credentials' | 'localEmulator';
const CONNECTION_STATE_CONTEXT = 'partnerCentral.connectionState';

export interface ConnectionStateSources {
  readonly sessions: Pick<AccountSessions, 'current' | 'onDidChangeSession'>;
  readonly override: ConnectionOverrideSource;
}

/** The state follows the current account session: its identity says whether credentials were found. */
export class ConnectionStateKey extends Disposable {
  private value: ConnectionState = 'checking';
  private readonly changed = this.register(new vscode.EventEmitter<ConnectionState>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly sources: ConnectionStateSources, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(sources.sessions.onDidChangeSession((session) => this.follow(session)));
    this.register(sources.override.onDidChange(() => this.follow(sources.sessions.current)));
  }

  /** The view asks: the state of the session current now (later ones arrive through the event). */
  ensureChecked(): void {
    this.follow(this.sources.sessions.current);
  }

  get state(): ConnectionState {
    return this.value;
  }

  private follow(session: AccountSession | undefined): void {
    if (this.sources.override.chosenAccountKey) return this.set('localEmulator');
    if (!session) return this.set('checking');
    const { identity } = session;
    if (!identity.resolved) this.log.debug(`Connection: ${identity.problem ?? 'credentials not resolved'}`);
    this.set(!identity.resolved && identity.problem?.startsWith('no AWS credentials') ? 'noCredentials' : 'credentials');
  }

  private set(state: ConnectionState): void {
    if (state === this.value) return;
    this.value = state;
    void vscode.commands.executeCommand('setContext', CONNECTION_STATE_CONTEXT, state);
    this.changed.fire(state);
  }
}

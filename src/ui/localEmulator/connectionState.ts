import * as vscode from 'vscode';
import type { PartnerCentralClient } from '../connection';
import { Disposable } from '../disposable';
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
export const CONNECTION_STATE_CONTEXT = 'partnerCentral.connectionState';

export interface ConnectionStateSources {
  client(): Promise<PartnerCentralClient>;
  readonly onDidChangeAccount: vscode.Event<void>;
  readonly override: ConnectionOverrideSource;
}

export class ConnectionStateKey extends Disposable {
  private value: ConnectionState = 'checking';
  private generation = 0;
  private checked = false;
  private readonly changed = this.register(new vscode.EventEmitter<ConnectionState>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly sources: ConnectionStateSources, private readonly log: vscode.LogOutputChannel) {
    super();
    // Checked when the view first asks (ensureChecked), not at activation: that would load the AWS SDK early.
    this.register(sources.onDidChangeAccount(() => { if (this.checked) void this.check(); }));
  }

  ensureChecked(): void {
    if (!this.checked) void this.check();
  }

  get state(): ConnectionState {
    return this.value;
  }

  /** Resolves the credentials the client would sign with (no call to Partner Central is made). */
  async check(): Promise<ConnectionState> {
    this.checked = true;
    const generation = ++this.generation;
    if (this.sources.override.chosenAccountKey) return this.set('localEmulator', generation);
    this.set('checking', generation);
    try {
      const client = await this.sources.client();
      await client.config.credentials();
      return this.set('credentials', generation);
    } catch (error) {
      const name = error instanceof Error ? error.name : '';
      this.log.debug(`Resolving credentials: ${name}: ${error instanceof Error ? error.message : String(error)}`);
      // Anything else (a network hiccup fetching SSO credentials…) is left to the first call to explain.
      return this.set(name === 'CredentialsProviderError' ? 'noCredentials' : 'credentials', generation);
    }
  }

  private set(state: ConnectionState, generation: number): ConnectionState {
    if (generation !== this.generation) return this.value;
    if (state !== this.value) {
      this.value = state;
      void vscode.commands.executeCommand('setContext', CONNECTION_STATE_CONTEXT, state);
      this.changed.fire(state);
    }
    return state;
  }
}

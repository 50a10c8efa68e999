import * as vscode from 'vscode';
import type { ConnectionHealthState } from '../../core/connection/connectionLabel';
import { isConnectionConfigError } from '../../core/connection/connectionConfigError';
import { needsSsoSignIn } from '../../core/connection/ssoSignIn';
import { explainError } from '../../core/errorExplanations';
import type * as Aws from '../../aws';
import { Disposable } from '../disposable';
import type { ConnectionSource } from './connectionSource';
import { errorText } from '../../core/redaction/externalText';

/**
 * Whether the current credentials work: learnt from every call the extension makes (a credential error turns
 * it `failed`, any success `ok`), and checked without network or process from the shared files (a profile that
 * is not there, an SSO profile whose cached token is missing or expired). Neither check runs a
 * credential_process or asks for MFA: those are only exercised by real calls and Test Connection.
 */
export class ConnectionHealth extends Disposable {
  private current: ConnectionHealthState = { status: 'unknown' };
  private readonly changed = this.register(new vscode.EventEmitter<ConnectionHealthState>());
  readonly onDidChange = this.changed.event;
  private generation = 0;
  /** Whether the signing profile is an SSO profile: its expired session credentials are renewed by signing in. */
  private profileIsSso = false;

  constructor(private readonly connection: ConnectionSource, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(connection.observeCalls((settings, outcome) => this.onCall(settings.profile, outcome)));
  }

  get state(): ConnectionHealthState {
    return this.current;
  }

  /** Re-reads the shared files. Resolves when done; never throws. */
  async check(why: string): Promise<ConnectionHealthState> {
    const generation = ++this.generation;
    const settings = this.connection.settings;
    try {
      const aws = await this.connection.aws();
      const problem = await this.problemInConfiguration(aws, settings) ?? await this.problemInFiles(aws, settings.profile);
      if (generation !== this.generation) return this.current;
      if (problem) {
        this.set(problem);
      } else if (this.current.status === 'failed') {
        // The files look right now; the next call tells whether the credentials work.
        this.set({ status: 'unknown' });
      }
      this.log.debug(`Connection check (${why}): ${this.current.status}`);
    } catch (error) {
      this.log.warn(`Checking the connection failed: ${errorText(error)}`);
    }
    return this.current;
  }

  /** A new account (settings changed, files changed, signed in): forget what the old one proved. */
  reset(): void {
    this.generation++;
    this.set({ status: 'unknown' });
  }

  /** A shared file the SDK would misread, or an endpoint that cannot be applied: the session's client refuses every call. */
  private async problemInConfiguration(aws: typeof Aws, settings: ConnectionSource['settings']): Promise<ConnectionHealthState | undefined> {
    try {
      await aws.resolveEndpoint(settings);
      return undefined;
    } catch (error) {
      return { status: 'failed', reason: isConnectionConfigError(error) ? error.message : `The AWS configuration could not be read: ${String(error)}` };
    }
  }

  private async problemInFiles(aws: typeof Aws, profileName: string | undefined): Promise<ConnectionHealthState | undefined> {
    this.profileIsSso = false;
    if (!profileName) return undefined;
    const profiles = await aws.listProfiles({ ignoreCache: true });
    const profile = profiles.find((candidate) => candidate.name === profileName);
    this.profileIsSso = profile?.kind === 'sso';
    const files = aws.sharedFilePaths();
    if (!profile) {
      return { status: 'failed', reason: `Profile ${profileName} is not in ${files.config} or ${files.credentials}. Select another profile, or add it to those files.` };
    }
    if (profile.kind !== 'sso') return undefined;
    const token = await aws.ssoTokenState(profile);
    if (token.state === 'missing') return { status: 'failed', reason: `Not signed in to the SSO session of profile ${profileName}.`, signInProfile: profileName };
    if (token.state === 'expired') {
      return { status: 'failed', reason: `The SSO session of profile ${profileName} expired at ${token.expiresAt.toLocaleString()}.`, signInProfile: profileName };
    }
    return undefined;
  }

  private onCall(profile: string | undefined, outcome: { ok: true } | { ok: false; error: unknown }): void {
    if (outcome.ok) {
      if (this.current.status !== 'ok') this.set({ status: 'ok' });
      return;
    }
    const explanation = explainError(outcome.error);
    const signIn = profile !== undefined && needsSsoSignIn(outcome.error, this.profileIsSso);
    if (explanation.kind !== 'auth' && !signIn) return;
    if (this.current.status === 'failed') return; // the same run of failures
    this.set({ status: 'failed', reason: `${explanation.title}: ${explanation.detail}`, ...(signIn ? { signInProfile: profile } : {}) });
  }

  private set(state: ConnectionHealthState): void {
    this.current = state;
    this.changed.fire(state);
  }
}

import * as vscode from 'vscode';
import type { ProfileInfo, SharedFilePaths } from '../../aws/profiles';
import { endpointFromSettingOrEnvironment, type ConnectionHealthState, type ResolvedEndpoint } from '../../core/connection/connectionLabel';
import type { ProfileKind } from '../../core/connection/profileKinds';
import { registerSelectProfile } from '../commands/selectProfile';
import { registerTestConnection } from '../commands/testConnection';
import { Disposable } from '../disposable';
import type { Prompts } from '../prompts';
import { ConnectionHealth } from './connectionHealth';
import { registerConnectionMenu } from './connectionMenu';
import type { CatalogSource, ConnectionSource } from './connectionSource';
import { ConnectionStatusItem, type ConnectionItemView } from './connectionStatusItem';
import { SharedFilesWatcher } from './sharedFilesWatcher';
import { SsoSignIn } from './ssoSignIn';
import { errorText } from '../../core/redaction/externalText';

export interface ConnectionFeaturesServices {
  log: vscode.LogOutputChannel;
  prompts: () => Prompts;
  connection: ConnectionSource;
  viewCatalog: CatalogSource;
}

/** Why the account should be connected again: the shared files changed, or an SSO sign-in succeeded. */
export type NewSessionReason = 'sharedFilesChanged' | 'ssoTokenChanged' | 'signedIn';

/** The seam in-host tests read. */
export interface ConnectionFeaturesApi {
  readonly item: () => ConnectionItemView;
  readonly health: () => ConnectionHealthState;
  /** The profiles last read from the shared files (read again whenever they change). */
  readonly profiles: () => ReadonlyArray<{ name: string; kind: ProfileKind }>;
  readonly onDidRequestNewSession: vscode.Event<NewSessionReason>;
  /** Resolves when the first look at the connection (which also starts the watch) and the checks started since are done. */
  readonly settled: () => Promise<void>;
}

/** Delay of the first check, so activation never waits for the AWS layer to load. */
const FIRST_CHECK_DELAY_MS = 1_500;

/**
 * Everything about seeing and choosing the account: the connection status item and its menu, Select AWS
 * Profile, Test Connection, the watch on the shared files and SSO cache, and the SSO sign-in prompt.
 *
 * `onDidRequestNewSession` asks the owner of the connection to make a new client from the same settings
 * (the credentials behind them changed); the features check the connection again by themselves.
 */
export class ConnectionFeatures extends Disposable {
  private readonly newSession = this.register(new vscode.EventEmitter<NewSessionReason>());
  readonly onDidRequestNewSession = this.newSession.event;
  private readonly health: ConnectionHealth;
  private readonly item = this.register(new ConnectionStatusItem());
  private readonly sso: SsoSignIn;
  private profiles: ProfileInfo[] = [];
  /** Until the profile is read (with the AWS layer), what the setting and environment say. */
  private endpoint: ResolvedEndpoint | undefined;
  private pending: Promise<unknown> = Promise.resolve();
  private watcher: SharedFilesWatcher | undefined;
  private startFirstLook!: () => void;
  private readonly firstLook = new Promise<void>((resolve) => {
    this.startFirstLook = resolve;
  });

  readonly api: ConnectionFeaturesApi = {
    item: () => this.item.view,
    health: () => this.health.state,
    profiles: () => this.profiles.map(({ name, kind }) => ({ name, kind })),
    onDidRequestNewSession: this.onDidRequestNewSession,
    settled: async () => {
      await this.firstLook;
      let seen: Promise<unknown> | undefined;
      while (seen !== this.pending) {
        seen = this.pending;
        await seen;
      }
    },
  };

  constructor(private readonly services: ConnectionFeaturesServices) {
    super();
    const { log, prompts, connection, viewCatalog } = services;
    this.health = this.register(new ConnectionHealth(connection, log));
    this.sso = this.register(new SsoSignIn(prompts, log));
    this.register(registerSelectProfile({ connection, prompts, log }));
    this.register(registerTestConnection({ connection, prompts, log }));
    this.register(registerConnectionMenu({
      prompts,
      ssoProfile: () => this.ssoProfile(),
      title: () => this.menuTitle(),
      signIn: (profile) => this.sso.signIn(profile),
    }));

    this.register(this.health.onDidChange((state) => {
      this.render();
      if (state.status === 'ok') this.sso.endRun();
      if (state.status === 'failed' && state.signInProfile) void this.sso.offer(state.signInProfile, state.reason);
    }));
    this.register(viewCatalog.onDidChange(() => this.render()));
    let account = accountKey(connection.settings);
    this.register(connection.onDidChangeAccount(() => {
      // A session renewed for the same settings (after reconnect()) continues the run of failures.
      const now = accountKey(connection.settings);
      if (now === account) {
        this.refresh('session renewed');
        return;
      }
      account = now;
      this.sso.endRun();
      this.health.reset();
      this.refresh('account changed');
    }));
    this.register(this.sso.onDidSignIn(() => this.reconnect('signedIn')));
    this.render();
    const first = setTimeout(() => {
      this.refresh('startup');
      this.startFirstLook();
    }, FIRST_CHECK_DELAY_MS);
    this.register(new vscode.Disposable(() => clearTimeout(first)));
  }

  /**
   * Reads the profiles and endpoint again (refreshing the SDK's file cache), then runs `afterRead`, checks the
   * credentials and redraws the item.
   */
  private refresh(why: string, afterRead?: () => void): void {
    const run = this.pending.then(async () => {
      if (this.isDisposed) return;
      const aws = await this.services.connection.aws();
      this.startWatching(aws.sharedFilePaths());
      const settings = this.services.connection.settings;
      [this.profiles, this.endpoint] = await Promise.all([
        aws.listProfiles({ ignoreCache: true }),
        // The client is opened with the same resolution: a configuration it refuses is shown as such (the health says why).
        aws.resolveEndpoint(settings).catch((): ResolvedEndpoint => ({ source: 'unusable' })),
      ]);
      afterRead?.();
      this.render();
      await this.health.check(why);
    }).catch((error: unknown) => this.services.log.warn(`Reading the connection (${why}) failed: ${errorText(error)}`));
    this.pending = run;
  }

  private startWatching(paths: SharedFilePaths): void {
    if (this.watcher) return;
    this.watcher = this.register(new SharedFilesWatcher(paths, this.services.log));
    this.register(this.watcher.onDidChange((change) => {
      // An SSO token written elsewhere (`aws sso login` in any terminal) matters only while signing in is needed.
      if (change === 'ssoCache' && this.health.state.status !== 'failed') return;
      this.reconnect(change === 'profiles' ? 'sharedFilesChanged' : 'ssoTokenChanged');
    }));
  }

  private reconnect(reason: NewSessionReason): void {
    this.services.log.info(`Connecting again: ${reason === 'signedIn' ? 'signed in' : reason === 'sharedFilesChanged' ? 'the shared AWS files changed' : 'the SSO token cache changed'}`);
    if (reason === 'signedIn') this.sso.endRun();
    this.health.reset();
    // After the files are read again with ignoreCache, so a new client's credential providers see the new content.
    this.refresh(reason, () => this.newSession.fire(reason));
  }

  private ssoProfile(): string | undefined {
    const name = this.services.connection.settings.profile;
    return this.profiles.find((profile) => profile.name === name)?.kind === 'sso' ? name : undefined;
  }

  private menuTitle(): string {
    const { text, error } = this.item.view;
    const state = this.health.state;
    return error && state.status === 'failed' ? `${text} — ${state.reason}` : `Partner Central: ${text}`;
  }

  private render(): void {
    const settings = this.services.connection.settings;
    this.item.update({
      profile: settings.profile,
      region: settings.region,
      // Until the AWS layer has read the files, what the setting and environment decide; the profile may change it.
      endpoint: this.endpoint ?? endpointFromSettingOrEnvironment(settings.endpoint, process.env) ?? { source: 'default' },
      catalog: this.services.viewCatalog.get(),
      health: this.health.state,
    });
  }
}

function accountKey(settings: ConnectionSource['settings']): string {
  return JSON.stringify([settings.profile, settings.region, settings.endpoint]);
}

/** Registers the connection features; the result is disposed with the extension. */
export function registerConnectionFeatures(services: ConnectionFeaturesServices): ConnectionFeatures {
  return new ConnectionFeatures(services);
}

import * as vscode from 'vscode';
import type * as Aws from '../aws';
import { affectsConnection, readConnectionSettings, type ConnectionSettings } from './config';
import { Disposable } from './disposable';
import type { ConnectionOverrideSource } from './localEmulator/connectionOverride';

export type AwsModule = typeof Aws;
export type PartnerCentralClient = Awaited<ReturnType<AwsModule['createPartnerCentralClient']>>;

/**
 * The one way the UI reaches AWS. The AWS layer (and with it the SDK) is loaded on the first call, not at
 * activation, and the client is rebuilt when the profile, region or endpoint settings change.
 */
export class PartnerCentralConnection extends Disposable {
  private awsModule: Promise<AwsModule> | undefined;
  private cachedClient: Promise<PartnerCentralClient> | undefined;

  private readonly accountChanged = this.register(new vscode.EventEmitter<void>());
  /**
   * The profile, region or endpoint changed: another account's tasks and pending launches. Fired after the
   * old client is forgotten, so listeners that call client() get the new one.
   */
  readonly onDidChangeAccount = this.accountChanged.event;

  constructor(private readonly log: vscode.LogOutputChannel, private readonly override?: ConnectionOverrideSource) {
    super();
    if (override) this.register(override.onDidChange(() => { this.forgetClient(); this.accountChanged.fire(); }));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsConnection(event)) return;
      this.forgetClient();
      this.accountChanged.fire();
    }));
  }

  aws(): Promise<AwsModule> {
    this.awsModule ??= import('../aws');
    return this.awsModule;
  }

  get settings(): ConnectionSettings {
    return readConnectionSettings();
  }

  /** A key naming who is signing and where to: pending launches and history are kept per key. */
  get accountKey(): string {
    const overridden = this.override?.chosenAccountKey;
    if (overridden) return overridden;
    const { profile, region, endpoint } = this.settings;
    return `${profile ?? 'default'}@${endpoint ?? region}`;
  }

  client(): Promise<PartnerCentralClient> {
    if (!this.cachedClient) {
      const client = this.createClient();
      // Forget only this attempt: the settings may have changed, and a newer client been made, meanwhile.
      client.catch(() => { if (this.cachedClient === client) this.cachedClient = undefined; });
      this.cachedClient = client;
    }
    return this.cachedClient;
  }

  private async createClient(): Promise<PartnerCentralClient> {
    const override = await this.override?.whenSettled();
    if (override) {
      this.log.debug(`Creating the Partner Central client: ${override.label} at ${override.endpoint}`);
      return (await this.aws()).createPartnerCentralClient({ endpoint: override.endpoint, credentials: override.credentials }, this.log);
    }
    const settings = this.settings;
    this.log.debug(`Creating the Partner Central client: profile ${settings.profile ?? '(default chain)'}, region ${settings.region}, endpoint ${settings.endpoint ?? '(SDK default)'}`);
    return (await this.aws()).createPartnerCentralClient(settings, this.log);
  }

  private forgetClient(): void {
    const previous = this.cachedClient;
    this.cachedClient = undefined;
    previous?.then((client) => client.destroy(), () => undefined);
  }

  override dispose(): void {
    this.forgetClient();
    super.dispose();
  }
}

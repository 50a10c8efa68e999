import type * as vscode from 'vscode';
import type * as Aws from '../../aws';
import type { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import type { Catalog } from '../../core/catalog';
import type { CallOutcomeListener } from '../../aws/connectionProbe';

/**
 * What the connection features need of the account connection (today's PartnerCentralConnection, tomorrow's
 * account session): the settings the client is made from, the lazily loaded AWS layer, the client every call
 * goes through, and an event after the client changed.
 */
export interface ConnectionSource {
  /** profile: the setting, else AWS_PROFILE; undefined: the SDK's default chain. endpoint: the setting. */
  readonly settings: { readonly profile?: string; readonly region: string; readonly endpoint?: string };
  aws(): Promise<typeof Aws>;
  /** The client the extension's calls go through (the same instance until the account changes). */
  client(): Promise<PartnerCentralSellingClient>;
  /** Fired after the settings changed and client() gives the new account's client. */
  readonly onDidChangeAccount: vscode.Event<void>;
  /**
   * Tells the outcome of every call of the current account's client, with the settings it was made from; a
   * client is watched from before its first call, so no outcome is missed.
   */
  observeCalls(listener: (settings: ConnectionSource['settings'], outcome: Parameters<CallOutcomeListener>[0]) => void): vscode.Disposable;
}

/** The catalog the Prospecting Tasks view shows (ViewCatalog). */
export interface CatalogSource {
  get(): Catalog;
  readonly onDidChange: vscode.Event<Catalog>;
}

import type * as vscode from 'vscode';

/**
 * A connection that replaces the user's profile, region and endpoint settings without touching them:
 * today only the local emulator. Whatever makes the Partner Central client (the connection, or an account
 * session) must honour it: sign with `credentials` (and no profile), send to `endpoint`, and keep history
 * and pending launches under `accountKey`.
 */
export interface ConnectionOverride {
  readonly label: 'Local emulator';
  /** Stable across restarts, so the account key of history and pending launches does not follow the port. */
  readonly accountKey: string;
  readonly endpoint: string;
  readonly credentials: { readonly accessKeyId: string; readonly secretAccessKey: string };
}

/** Where the override comes from; the local emulator manager is one. */
export interface ConnectionOverrideSource {
  /** The override in force, once ready; undefined when none (or while it starts). */
  readonly current: ConnectionOverride | undefined;
  /**
   * The account key of the override that is chosen, known at once even while it is still starting (after a
   * window reload), so the first history loaded is the right one; undefined when none is chosen.
   */
  readonly chosenAccountKey: string | undefined;
  /** Resolves once a chosen override has started (or failed to): the first client waits for it. */
  whenSettled(): Promise<ConnectionOverride | undefined>;
  /** The override started, stopped or was replaced: a session made from it is stale. */
  readonly onDidChange: vscode.Event<void>;
}

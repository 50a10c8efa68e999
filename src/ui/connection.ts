import * as vscode from 'vscode';
import { affectsConnection, readConnectionSettings, type ConnectionSettings } from './config';
import type { ConnectionOverrideSource } from './localEmulator/connectionOverride';
import type { AwsModule } from './session/accountSession';
import type { AccountSessions } from './session/accountSessions';

export type { AwsModule } from './session/accountSession';

/** The AWS layer (and with it the SDK), loaded on first use, not at activation. */
export function awsLayerLoader(): () => Promise<AwsModule> {
  let loading: Promise<AwsModule> | undefined;
  return () => {
    loading ??= import('../aws');
    return loading;
  };
}

/**
 * Keeps the current session in step with the connection: opens one for the connection now, and a new one (the
 * old one retired) whenever the profile, region or endpoint setting changes, an override (the local emulator)
 * starts or stops, or the credentials behind the settings change. Also tells sessions whether the window has focus.
 */
export function followConnectionSettings(
  sessions: AccountSessions,
  override: ConnectionOverrideSource,
  /** The credentials behind the same settings changed (shared files edited, an SSO sign-in): a new session. */
  renewalRequested: vscode.Event<unknown>,
): vscode.Disposable {
  let generation = 0;
  const follow = (): void => {
    const mine = ++generation;
    // With no override chosen the switch starts at once, so whoever asks next gets the new session.
    if (!override.chosenAccountKey) {
      void sessions.switchTo(readConnectionSettings()).catch(() => undefined);
      return;
    }
    // The newest change wins: an override still starting must not bring back the connection of an older change.
    void currentConnection(override).then((settings) => (mine === generation ? sessions.switchTo(settings) : undefined)).catch(() => undefined);
  };
  sessions.setFocused(vscode.window.state.focused);
  follow();
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event)) follow();
    }),
    override.onDidChange(follow),
    renewalRequested(follow),
    vscode.window.onDidChangeWindowState((state) => sessions.setFocused(state.focused)),
  );
}

/** The override when one is chosen (once it has started), else the user's settings. */
async function currentConnection(override: ConnectionOverrideSource): Promise<ConnectionSettings> {
  const chosen = await override.whenSettled();
  if (!chosen) return readConnectionSettings();
  return { region: readConnectionSettings().region, endpoint: chosen.endpoint, credentials: chosen.credentials, label: chosen.label, stateKey: chosen.accountKey };
}

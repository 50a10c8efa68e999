import * as vscode from 'vscode';
import { affectsConnection, readConnectionSettings } from './config';
import type { AwsModule } from './session/accountSession';
import type { AccountSessions } from './session/accountSessions';

export type { AwsModule, PartnerCentralClient } from './session/accountSession';

/** The AWS layer (and with it the SDK), loaded on first use, not at activation. */
export function awsLayerLoader(): () => Promise<AwsModule> {
  let loading: Promise<AwsModule> | undefined;
  return () => {
    loading ??= import('../aws');
    return loading;
  };
}

/**
 * Keeps the current session in step with the settings: opens one for the settings now, and a new one (the old
 * one retired) whenever the profile, region or endpoint changes. Also tells sessions whether the window has focus.
 */
export function followConnectionSettings(sessions: AccountSessions): vscode.Disposable {
  sessions.setFocused(vscode.window.state.focused);
  void sessions.switchTo(readConnectionSettings()).catch(() => undefined);
  return vscode.Disposable.from(
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event)) void sessions.switchTo(readConnectionSettings()).catch(() => undefined);
    }),
    vscode.window.onDidChangeWindowState((state) => sessions.setFocused(state.focused)),
  );
}

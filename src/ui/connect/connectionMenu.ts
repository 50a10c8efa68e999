import * as vscode from 'vscode';
import { runIfAvailable } from '../commands/selectProfile';
import { SELECT_PROFILE_COMMAND, SHOW_CONNECTION_MENU_COMMAND, SHOW_LOG_COMMAND, TEST_CONNECTION_COMMAND, USE_LOCAL_EMULATOR_COMMAND } from '../ids';
import type { Prompts } from '../prompts';
import type { ConnectionAction } from './connectChoices';

export interface ConnectionMenuServices {
  prompts: () => Prompts;
  /** The SSO profile in use, if any: the menu then offers Sign In. */
  ssoProfile: () => string | undefined;
  /** The item's text and, when failing, why: the menu's title. */
  title: () => string;
  signIn: (profile: string) => Promise<unknown>;
}

export function registerConnectionMenu(services: ConnectionMenuServices): vscode.Disposable {
  return vscode.commands.registerCommand(SHOW_CONNECTION_MENU_COMMAND, async () => {
    const ssoProfile = services.ssoProfile();
    const actions: ConnectionAction[] = [
      { id: 'selectProfile', label: '$(account) Select AWS Profile…', detail: 'The credentials Partner Central calls are signed with' },
      { id: 'testConnection', label: '$(pulse) Test Connection', detail: 'One cheap read in each catalog; the full report goes to the log' },
      ...(ssoProfile ? [{ id: 'signIn' as const, label: '$(key) Sign In', detail: `aws sso login --profile ${ssoProfile}` }] : []),
      { id: 'useLocalEmulator', label: '$(vm) Use Local Emulator', detail: 'Try the extension without an AWS account' },
      { id: 'showLog', label: '$(output) Show Log' },
    ];
    const picked = await services.prompts().pickConnectionAction(actions, services.title());
    switch (picked) {
      case 'selectProfile': return vscode.commands.executeCommand(SELECT_PROFILE_COMMAND);
      case 'testConnection': return vscode.commands.executeCommand(TEST_CONNECTION_COMMAND);
      case 'signIn': return ssoProfile ? services.signIn(ssoProfile) : undefined;
      case 'useLocalEmulator': return runIfAvailable(USE_LOCAL_EMULATOR_COMMAND, services.prompts, 'The local emulator');
      case 'showLog': return vscode.commands.executeCommand(SHOW_LOG_COMMAND);
      default: return undefined;
    }
  });
}

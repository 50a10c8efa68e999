import * as vscode from 'vscode';
import type { ProfileInfo, SharedFilePaths } from '../../aws/profiles';
import { isLocalEndpoint } from '../../core/connection/connectionLabel';
import { CONFIG_SECTION } from '../config';
import type { ProfileChoice } from '../connect/connectChoices';
import type { ConnectionSource } from '../connect/connectionSource';
import type { Prompts } from '../prompts';
import { SELECT_PROFILE_COMMAND, STOP_LOCAL_EMULATOR_COMMAND, USE_LOCAL_EMULATOR_COMMAND } from '../ids';

/** Provided by the local emulator launcher. */
const STOP_EMULATOR = 'Stop Using the Emulator';

export interface SelectProfileServices {
  connection: ConnectionSource;
  prompts: () => Prompts;
  log: vscode.LogOutputChannel;
}

export function profileChoices(profiles: readonly ProfileInfo[], files: SharedFilePaths): ProfileChoice[] {
  const where = (profile: ProfileInfo): string =>
    [profile.inConfig ? files.config : undefined, profile.inCredentials ? files.credentials : undefined].filter(Boolean).join(', ');
  return [
    { kind: 'defaultChain' },
    { kind: 'localEmulator' },
    ...profiles.map((profile): ProfileChoice => ({ kind: 'profile', name: profile.name, profileKind: profile.kind, files: where(profile) })),
  ];
}

/** Runs another part's command, or says plainly that it is not available. */
export async function runIfAvailable(command: string, prompts: () => Prompts, what: string): Promise<void> {
  const commands = await vscode.commands.getCommands(true);
  if (commands.includes(command)) {
    await vscode.commands.executeCommand(command);
    return;
  }
  await prompts().show('warning', `${what} is not available in this version of the extension.`);
}

/**
 * Select AWS Profile…: the profiles of the shared files (read again each time), the default chain, and the
 * local emulator. Writes the machine-scoped `partnerCentral.profile` in user settings.
 */
export function registerSelectProfile(services: SelectProfileServices): vscode.Disposable {
  return vscode.commands.registerCommand(SELECT_PROFILE_COMMAND, async (): Promise<string | undefined> => {
    const aws = await services.connection.aws();
    const profiles = await aws.listProfiles({ ignoreCache: true });
    const picked = await services.prompts().pickProfile(profileChoices(profiles, aws.sharedFilePaths()), services.connection.settings.profile);
    if (!picked) return undefined;
    if (picked.kind === 'localEmulator') {
      await runIfAvailable(USE_LOCAL_EMULATOR_COMMAND, services.prompts, 'The local emulator');
      return undefined;
    }
    const profile = picked.kind === 'profile' ? picked.name : undefined;
    await vscode.workspace.getConfiguration(CONFIG_SECTION).update('profile', profile, vscode.ConfigurationTarget.Global);
    services.log.info(profile ? `AWS profile ${profile} selected` : "The SDK's default credential chain selected");
    const endpoint = services.connection.settings.endpoint;
    if (isLocalEndpoint(endpoint)) {
      // The endpoint setting outranks everything: the new credentials would sign calls to the emulator.
      void services.prompts().show('info', `Calls still go to the local emulator at ${endpoint ?? ''} (partnerCentral.endpoint).`, STOP_EMULATOR).then((answer) => {
        if (answer === STOP_EMULATOR) void runIfAvailable(STOP_LOCAL_EMULATOR_COMMAND, services.prompts, 'Stopping the local emulator');
      });
    }
    return profile;
  });
}

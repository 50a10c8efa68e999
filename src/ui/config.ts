import * as vscode from 'vscode';
import type { Catalog } from '../core/catalog';
import { CONFIG_SECTION, settingId } from '../core/settingNames';

export { CONFIG_SECTION } from '../core/settingNames';

type CatalogSetting = Catalog | 'ask';

export interface ConnectionSettings {
  /** Empty means: AWS_PROFILE, then the SDK's default chain. */
  readonly profile?: string;
  readonly region: string;
  /** Empty means: the SDK's own endpoint conventions. */
  readonly endpoint?: string;
  /** A static key pair that replaces the profile and the default chain (the local emulator's). */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
  /** Where calls go, for people: `Local emulator`; absent for the user's own settings. */
  readonly label?: string;
  /**
   * The key the account's state is kept under instead of its resolved identity: the local emulator's port and
   * key pair change at every start, its history is one history.
   */
  readonly stateKey?: string;
}

export interface LaunchSettings {
  readonly catalog: CatalogSetting;
  /** `catalog` comes from the workspace's (or a folder's) settings, which a cloned repository can bring along. */
  readonly catalogFromWorkspace: boolean;
  /** The user's own choice only: nothing a workspace writes can turn the production question off. */
  readonly confirmProductionCatalog: boolean;
  readonly taskNameTemplate: string;
}

function settings(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(CONFIG_SECTION);
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function readConnectionSettings(): ConnectionSettings {
  const config = settings();
  return {
    profile: nonEmpty(config.get<string>('profile')) ?? nonEmpty(process.env.AWS_PROFILE),
    region: nonEmpty(config.get<string>('region')) ?? 'us-east-1',
    endpoint: nonEmpty(config.get<string>('endpoint')),
  };
}

export function readLaunchSettings(): LaunchSettings {
  const config = settings();
  const catalog = config.get<string>('catalog');
  const catalogLevels = config.inspect<string>('catalog');
  // Compared with the value in effect: in Restricted Mode VS Code ignores the workspace's value.
  const workspaceLevel = catalogLevels?.workspaceFolderValue ?? catalogLevels?.workspaceValue;
  // The setting is application-scoped, so VS Code ignores workspace values; reading only the user's value makes sure of it.
  const confirm = config.inspect<boolean>('confirmProductionCatalog');
  return {
    catalog: catalog === 'AWS' || catalog === 'ask' ? catalog : 'Sandbox',
    catalogFromWorkspace: workspaceLevel !== undefined && workspaceLevel === catalog,
    confirmProductionCatalog: confirm?.globalValue ?? confirm?.defaultValue ?? true,
    taskNameTemplate: config.get<string>('taskNameTemplate') ?? '',
  };
}

/** Writes a setting where the user keeps it today: the workspace when it is set there, else user settings. */
export async function updateSetting(key: string, value: unknown): Promise<void> {
  const config = settings();
  const inspected = config.inspect(key);
  const target = inspected?.workspaceFolderValue !== undefined
    ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected?.workspaceValue !== undefined
      ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update(key, value, target);
}

/** Writes a user setting (for application-scoped settings, which only user settings may hold). */
export async function updateUserSetting(key: string, value: unknown): Promise<void> {
  await settings().update(key, value, vscode.ConfigurationTarget.Global);
}

export function affectsConnection(event: vscode.ConfigurationChangeEvent): boolean {
  return (['profile', 'region', 'endpoint'] as const).some((key) => event.affectsConfiguration(settingId(key)));
}

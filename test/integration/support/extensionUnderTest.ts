import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { waitFor } from './waitFor';

export const EXTENSION_ID = 'partner-central-tools.partner-central-prospecting';

/** The extension under development, activated: its API is the seam the in-host suites drive. */
export async function activeApi(): Promise<PartnerCentralApi> {
  const extension = vscode.extensions.getExtension<PartnerCentralApi | undefined>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
  const api = await extension.activate();
  assert.ok(api, 'activate() returned no test API: it exists only in ExtensionMode.Test (the host must be given extensionTestsPath)');
  return api;
}

/** A `partnerCentral.*` user setting; `undefined` removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('partnerCentral').update(key, value, vscode.ConfigurationTarget.Global);
}

/**
 * Runs `body` with these entries added to the workspace folder's `.vscode/settings.json`, written as a cloned
 * repository would bring them (the settings API refuses to write application-scoped settings there), then
 * puts the file back. `catalog` (window-scoped) is among them, so its workspace value shows when VS Code has
 * read the file.
 */
export async function withWorkspaceSettingsFile(
  entries: Record<string, unknown> & { 'partnerCentral.catalog': string },
  body: () => Promise<void>,
): Promise<void> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  assert.ok(folder, 'a workspace folder is open');
  const file = vscode.Uri.joinPath(folder, '.vscode', 'settings.json');
  const original = await vscode.workspace.fs.readFile(file);
  const settings = { ...(JSON.parse(new TextDecoder().decode(original)) as Record<string, unknown>), ...entries };
  const workspaceCatalog = (): unknown => vscode.workspace.getConfiguration('partnerCentral').inspect('catalog')?.workspaceValue;
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(JSON.stringify(settings, null, 2)));
  try {
    await waitFor('the workspace settings to be read', () => workspaceCatalog() === entries['partnerCentral.catalog'], 10_000);
    await body();
  } finally {
    await vscode.workspace.fs.writeFile(file, original);
    await waitFor('the workspace settings to be restored', () => workspaceCatalog() === undefined, 10_000);
  }
}

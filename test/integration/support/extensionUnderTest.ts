import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';

export const EXTENSION_ID = 'partner-central-tools.partner-central-prospecting';

/** The extension under development, activated: its API is the seam the in-host suites drive. */
export async function activeApi(): Promise<PartnerCentralApi> {
  const extension = vscode.extensions.getExtension<PartnerCentralApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded in the extension host`);
  return extension.activate();
}

/** A `partnerCentral.*` user setting; `undefined` removes it. */
export async function setSetting(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('partnerCentral').update(key, value, vscode.ConfigurationTarget.Global);
}

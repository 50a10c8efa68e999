import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { reset } from './emulatorControl';
import { setSetting } from './extensionUnderTest';
import { ScriptedPrompts } from './scriptedPrompts';
import { waitFor } from './waitFor';

/**
 * The in-host suites' common fixture, as mocha setup and teardown hooks of the calling suite: before each test
 * the emulator is reset, the Sandbox catalog chosen and new scripted prompts answer the extension's questions
 * (`use` receives them); after it the prompts are released and the editors closed. Hooks a suite adds itself
 * run after these in setup and after them in teardown.
 */
export function scriptedPromptsEachTest(api: () => PartnerCentralApi, use: (prompts: ScriptedPrompts) => void): void {
  let restore: vscode.Disposable | undefined;
  setup(async () => {
    await reset();
    await setSetting('catalog', 'Sandbox');
    const prompts = new ScriptedPrompts();
    restore = api().usePrompts(prompts);
    use(prompts);
  });
  teardown(async () => {
    restore?.dispose();
    restore = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
}

/**
 * For suites that launch once in suiteSetup and read the status bar: the emulator reset, the Sandbox catalog,
 * no task of an earlier suite still running (they leave the session once the reset service no longer knows
 * them, so the status bar counts this suite's tasks only), and scripted prompts for the whole suite.
 */
export async function quietSandboxWithPrompts(api: PartnerCentralApi): Promise<{ prompts: ScriptedPrompts; restore: vscode.Disposable }> {
  await reset();
  await setSetting('catalog', 'Sandbox');
  await waitFor('no task of an earlier suite running', () => api.monitor.activeTasks().length === 0, 60_000);
  const prompts = new ScriptedPrompts();
  return { prompts, restore: api.usePrompts(prompts) };
}

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { counts, knownEngagements, reset } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { ScriptedPrompts } from '../support/scriptedPrompts';

suite('The cap on IDs per launch (partnerCentral.maxIdsPerLaunch)', function () {
  this.timeout(60_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let ids: string[];
  let file: vscode.Uri;

  suiteSetup(async () => {
    api = await activeApi();
    ids = await knownEngagements('Sandbox', 5, false);
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    file = vscode.Uri.joinPath(folder, 'over-the-cap.csv');
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(`id\n${ids.slice(0, 5).join('\n')}\n${ids[0]}\n`));
  });

  suiteTeardown(async () => {
    await setSetting('maxIdsPerLaunch', undefined);
    await vscode.workspace.fs.delete(file);
  });

  setup(async () => {
    await reset();
    await setSetting('catalog', 'Sandbox');
    await setSetting('maxIdsPerLaunch', 3);
    prompts = new ScriptedPrompts();
    restore = api.usePrompts(prompts);
  });

  teardown(() => restore.dispose());

  test('over the cap: says how many, the limit and the setting, and starts nothing unless asked', async () => {
    await vscode.commands.executeCommand('partnerCentral.startFromFile', file, [file]);
    const warning = prompts.messages.at(-1);
    assert.equal(warning?.level, 'warning');
    assert.match(warning?.message ?? '', /^Found 5 engagement IDs in over-the-cap\.csv, more than the 3 one launch takes \(setting "partnerCentral\.maxIdsPerLaunch"\)\. Select fewer lines or split the file/);
    assert.equal(prompts.offered.length, 0, 'dismissed: no picker');
    assert.equal((await counts()).requestsPerOperation.StartProspectingFromEngagementTask ?? 0, 0);
  });

  test('over the cap: "Continue with the First 3" offers exactly the first three IDs of the file', async () => {
    prompts.buttons.push({ match: /more than the 3 one launch takes/, action: 'Continue with the First 3' });
    await vscode.commands.executeCommand('partnerCentral.startFromFile', file, [file]);
    assert.deepEqual(prompts.offered[0]?.choices.map((choice) => choice.id), ids.slice(0, 3));
    await prompts.waitForMessage(/Started prospecting task .*\(3 engagements\)/);
  });
});

import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { counts, injectFault, knownEngagements } from '../support/emulatorControl';
import { activeApi, setSetting, withWorkspaceSettingsFile } from '../support/extensionUnderTest';
import { type ScriptedPrompts } from '../support/scriptedPrompts';
import { scriptedPromptsEachTest } from '../support/scriptedPromptsEachTest';

const START = 'StartProspectingFromEngagementTask';

async function openEditor(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  return vscode.window.showTextDocument(document);
}

async function startCount(): Promise<number> {
  return (await counts()).requestsPerOperation[START] ?? 0;
}

suite('Launching prospecting tasks', function () {
  this.timeout(60_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let ids: string[];

  suiteSetup(async () => {
    api = await activeApi();
    ids = await knownEngagements('Sandbox', 260, false);
    assert.ok(ids.length >= 260, 'the emulator knows enough Sandbox engagements');
  });

  scriptedPromptsEachTest(() => api, (made) => { prompts = made; });

  setup(async () => {
    await setSetting('confirmProductionCatalog', true);
    await setSetting('taskNameTemplate', undefined);
  });

  test('from every selection of a multi-cursor editor, with lines, repeats removed, near misses reported', async () => {
    const editor = await openEditor([
      'header line',
      `first ${ids[0]}, repeated ${ids[0]}`,
      `outside ${ids[5]}`,
      `second ${ids[1]} and ENG-${ids[2].slice(4).toUpperCase()}`,
    ].join('\n'));
    editor.selections = [
      new vscode.Selection(1, 0, 1, 200),
      new vscode.Selection(3, 0, 3, 200),
    ];
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');

    assert.equal(prompts.offered.length, 1);
    assert.deepEqual(prompts.offered[0].choices.map((choice) => choice.id), [ids[0], ids[1]], 'only the selected IDs, once each, in order');
    assert.match(prompts.offered[0].choices[0].location, /:2$/, 'line of the first ID');
    assert.match(prompts.offered[0].choices[1].location, /:4$/, 'line of the second ID');
    const done = await prompts.waitForMessage(/Started prospecting task/);
    assert.equal(done.level, 'info');
    assert.match(done.message, /\(2 engagements\) in Sandbox/);
    assert.match(done.message, /1 near miss was not taken/);
    const after = await counts();
    assert.equal(after.tasksPerCatalog.Sandbox, 1);
  });

  test('the proposed name comes from the template and the task name is validated (1..128)', async () => {
    await setSetting('taskNameTemplate', 'Leads ${count} ${catalog}');
    await openEditor(ids.slice(0, 3).join('\n'));
    await vscode.commands.executeCommand('editor.action.selectAll');
    prompts.taskName = () => 'x'.repeat(129);
    const before = await startCount();
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');
    assert.deepEqual(prompts.proposedNames, ['Leads 3 Sandbox']);
    assert.match(prompts.messages[0].message, /128/);
    assert.equal(await startCount(), before, 'nothing was sent');
  });

  test('from files chosen in the explorer (several at once)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'a workspace folder is open');
    const first = vscode.Uri.joinPath(folder, 'explorer-a.csv');
    const second = vscode.Uri.joinPath(folder, 'explorer-b.txt');
    await vscode.workspace.fs.writeFile(first, new TextEncoder().encode(`id,name\n${ids[10]},A\n${ids[11]},B\n`));
    await vscode.workspace.fs.writeFile(second, new TextEncoder().encode(`see ${ids[11]} and ${ids[12]}\r\n`));
    try {
      await vscode.commands.executeCommand('partnerCentral.startFromFile', first, [first, second]);
      assert.deepEqual(prompts.offered[0].choices.map((choice) => choice.id), [ids[10], ids[11], ids[12]]);
      assert.deepEqual(prompts.offered[0].choices.map((choice) => choice.location), ['explorer-a.csv:2', 'explorer-a.csv:3', 'explorer-b.txt:1']);
      assert.equal(prompts.proposedNames[0].startsWith(path.basename(first.path)), true, `name from the file: ${prompts.proposedNames[0]}`);
      await prompts.waitForMessage(/Started prospecting task .*\(3 engagements\)/);
    } finally {
      await vscode.workspace.fs.delete(first);
      await vscode.workspace.fs.delete(second);
    }
  });

  test('from the active file through the palette, and from the clipboard', async () => {
    await openEditor(`a ${ids[20]}\nb ${ids[21]}\n`);
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    assert.deepEqual(prompts.offered[0].choices.map((choice) => choice.id), [ids[20], ids[21]]);
    await prompts.waitForMessage(/Started prospecting task/);

    await vscode.env.clipboard.writeText(`${ids[30]} ${ids[31]} ${ids[30]}`);
    await vscode.commands.executeCommand('partnerCentral.startFromClipboard');
    assert.deepEqual(prompts.offered[1].choices.map((choice) => choice.id), [ids[30], ids[31]]);
    assert.equal((await counts()).tasksPerCatalog.Sandbox, 2);
  });

  test('Start Prospecting Task… asks for the source first', async () => {
    await vscode.env.clipboard.writeText(ids[40]);
    prompts.source = 'clipboard';
    await vscode.commands.executeCommand('partnerCentral.startTask');
    assert.deepEqual(prompts.offered[0].choices.map((choice) => choice.id), [ids[40]]);
    await prompts.waitForMessage(/Started prospecting task/);
  });

  test('nothing to read, no IDs, or only near misses: a clear message and nothing sent', async () => {
    const before = await startCount();
    const editor = await openEditor(`no ids here\nENG-${ids[0].slice(4).toUpperCase()} and ${ids[1].slice(0, 17)}\n`);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');
    assert.match(prompts.messages.at(-1)?.message ?? '', /Select the text that holds the engagement IDs/);

    editor.selection = new vscode.Selection(0, 0, 0, 11);
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');
    assert.match(prompts.messages.at(-1)?.message ?? '', /No engagement IDs found in the selection/);

    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const nearMisses = prompts.messages.at(-1);
    assert.equal(nearMisses?.level, 'warning');
    assert.match(nearMisses?.message ?? '', /only 2 near misses: .*:2:1: "ENG-/);
    assert.match(nearMisses?.message ?? '', /Nothing was started/);

    await vscode.env.clipboard.writeText('   ');
    await vscode.commands.executeCommand('partnerCentral.startFromClipboard');
    assert.match(prompts.messages.at(-1)?.message ?? '', /clipboard is empty/);

    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder);
    await vscode.commands.executeCommand('partnerCentral.startFromFile', folder, [folder]);
    assert.match(prompts.messages.at(-1)?.message ?? '', /is a folder: choose the files/);

    prompts.choose = () => [];
    await openEditor(ids[0]);
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    assert.match(prompts.messages.at(-1)?.message ?? '', /No engagement was checked/);
    assert.equal(await startCount(), before, 'no Start request was sent');
    assert.equal(prompts.offered.length, 1, 'the picker was shown only when there were IDs');
  });

  test('the AWS production catalog asks first, naming the count; declining sends nothing', async () => {
    const production = await knownEngagements('AWS', 3, false);
    await setSetting('catalog', 'AWS');
    await openEditor(production.join(' '));
    const before = await startCount();
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    assert.deepEqual(prompts.productionQuestions, [{ engagements: 3, tasks: 1 }]);
    assert.match(prompts.productionTexts[0].detail, /^Endpoint: http:\/\/(127\.0\.0\.1|localhost):\d+$/m, 'the question names the endpoint the Start would go to');
    assert.match(prompts.productionTexts[0].detail, /^Signed with: /m);
    assert.match(prompts.productionTexts[0].detail, /^Account: partner account (\d{12}|not known yet)/m);
    assert.equal(await startCount(), before);

    prompts.production = 'start';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    await prompts.waitForMessage(/Started prospecting task .* in AWS/);
    assert.equal((await counts()).tasksPerCatalog.AWS, 1);
  });

  test('a workspace that chooses AWS and turns the question off is still asked, and the question says the workspace chose it', async () => {
    const production = await knownEngagements('AWS', 2, false);
    await openEditor(production.join(' '));
    const before = await startCount();
    await withWorkspaceSettingsFile({ 'partnerCentral.catalog': 'AWS', 'partnerCentral.confirmProductionCatalog': false }, async () => {
      await vscode.commands.executeCommand('partnerCentral.startFromFile');
      assert.deepEqual(prompts.productionQuestions, [{ engagements: 2, tasks: 1 }], 'the workspace could not turn the question off');
      assert.match(prompts.productionTexts[0].message, /^This workspace's settings choose the AWS production catalog\./);
      assert.equal(prompts.productionTexts[0].offerStopAsking, false, 'no "Don\'t Ask Again" for a workspace\'s choice');
      assert.equal(await startCount(), before, 'declining sent nothing');

      // Even a user who turned the question off is asked when the workspace chose production.
      await setSetting('confirmProductionCatalog', false);
      prompts.production = 'start';
      await vscode.commands.executeCommand('partnerCentral.startFromFile');
      assert.equal(prompts.productionQuestions.length, 2);
      assert.match(prompts.productionTexts[1].message, /This workspace's settings choose/);
      await prompts.waitForMessage(/Started prospecting task .* in AWS/);
      assert.equal((await counts()).tasksPerCatalog.AWS, 1);
    });
  });

  test('a user who chose AWS and turned the question off in their own settings is not asked', async () => {
    const production = await knownEngagements('AWS', 1, false);
    await setSetting('catalog', 'AWS');
    await setSetting('confirmProductionCatalog', false);
    await openEditor(production.join(' '));
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    await prompts.waitForMessage(/Started prospecting task .* in AWS/);
    assert.deepEqual(prompts.productionQuestions, []);
  });

  test('catalog "ask" asks for the catalog', async () => {
    await setSetting('catalog', 'ask');
    prompts.catalog = 'Sandbox';
    await openEditor(ids[50]);
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    assert.equal(prompts.offered[0].catalog, 'Sandbox');
    await prompts.waitForMessage(/in Sandbox/);
  });

  test('250 IDs become 3 tasks of at most 100, named (1/3)…, with faults injected, and exactly 3 are created', async () => {
    await injectFault(START, 'drop', 1);
    await injectFault(START, 'internal', 1);
    await injectFault(START, 'throttle', 1);
    await openEditor(ids.slice(0, 250).join('\n'));
    prompts.taskName = () => 'Bulk';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const done = await prompts.waitForMessage(/Started 3 prospecting tasks \(250 engagements\)/);
    assert.equal(done.level, 'info');
    const after = await counts();
    assert.equal(after.tasksPerCatalog.Sandbox, 3, 'exactly three tasks');
    assert.deepEqual(Object.values(after.tasksPerClientToken), [1, 1, 1], 'one task per ClientToken');
    const names = api.monitor.tasks('Sandbox').map((task) => task.taskName).filter((name) => name.startsWith('Bulk')).sort();
    assert.deepEqual(names, ['Bulk (1/3)', 'Bulk (2/3)', 'Bulk (3/3)']);
  });

  test('unknown engagements: the message names them and offers to start without them', async () => {
    const unknown = 'eng-zzzzzzzzzzzzzz';
    await openEditor(`${ids[250]} ${unknown} ${ids[251]}`);
    prompts.buttons.push({ match: /not found in Sandbox/, action: 'Start Without Them' });
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const refused = await prompts.waitForMessage(/not found in Sandbox/);
    assert.equal(refused.level, 'error');
    assert.match(refused.message, new RegExp(`1 engagement not found in Sandbox: ${unknown}`));
    await prompts.waitForMessage(/Started prospecting task .*\(2 engagements\)/);
    assert.equal((await counts()).tasksPerCatalog.Sandbox, 1);
  });

  test('access denied shows its reason and the way out', async () => {
    await injectFault(START, 'accessDenied', 1);
    await openEditor(ids[252]);
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const denied = await prompts.waitForMessage(/was not started/);
    assert.equal(denied.level, 'error');
    assert.match(denied.message, /INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE|benefit/i);
    assert.equal((await counts()).tasksPerCatalog.Sandbox ?? 0, 0);
  });

  test('throttling and internal errors are retried before anything is shown', async () => {
    await injectFault(START, 'throttle', 2);
    await openEditor(ids[253]);
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    await prompts.waitForMessage(/Started prospecting task/);
    assert.ok(prompts.messages.every((message) => message.level === 'info'), JSON.stringify(prompts.messages));
    assert.ok(await startCount() >= 3, 'the SDK retried');
  });

  test('a launch whose answers are all lost stays pending in the tree, says its task may exist, and starting it again offers the re-send, which reuses its ClientToken', async () => {
    await injectFault(START, 'drop', 5); // every attempt of the first launch: the task is created, the answer lost
    await openEditor(`${ids[254]}\n${ids[255]}`);
    prompts.taskName = () => 'Lost answer';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const lost = await prompts.waitForMessage(/"Lost answer" got no answer/);
    assert.equal(lost.level, 'error');
    assert.match(lost.message, /may already exist/);
    assert.doesNotMatch(lost.message, /was not started/);
    assert.deepEqual(lost.actions, ['Re-send', 'Show Log']);
    const roots = await api.tree.getChildren();
    assert.ok(roots.some((node) => node.kind === 'pending' && node.launch.taskName === 'Lost answer'), 'shown as pending in the tree');
    const afterLoss = await counts();
    assert.equal(afterLoss.tasksPerCatalog.Sandbox, 1, 'the first attempt created the task');

    prompts.lostLaunch = 'resend';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    await prompts.waitForMessage(/Started prospecting task "Lost answer" \(2 engagements\)/);
    const after = await counts();
    assert.equal(after.tasksPerCatalog.Sandbox, 1, 'no second task');
    assert.deepEqual(Object.values(after.tasksPerClientToken), [1], 'one ClientToken, one task');
    assert.ok(!(await api.tree.getChildren()).some((node) => node.kind === 'pending'), 'no longer pending');
  });

  test('a production launch whose answer was lost, started again the next day from the clipboard with the IDs in another order, makes no second task: Re-send is offered; Start a New Task Anyway makes the second', async () => {
    await setSetting('catalog', 'AWS');
    prompts.production = 'start';
    const production = await knownEngagements('AWS', 3, false);
    await injectFault(START, 'drop', 5);
    await openEditor(production.join('\n'));
    prompts.taskName = () => 'accounts.csv 2026-12-07';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    const lost = await prompts.waitForMessage(/"accounts\.csv 2026-12-07"/);
    const [token] = Object.keys((await counts()).tasksPerClientToken);
    assert.equal((await counts()).tasksPerCatalog.AWS, 1, 'the task exists although its answer was lost');

    // The next day, from the clipboard, in another order: the name the template gives then differs.
    await vscode.env.clipboard.writeText([production[2], production[0], production[1]].join(' '));
    prompts.taskName = () => 'clipboard 2026-12-08';
    prompts.lostLaunch = 'resend';
    await vscode.commands.executeCommand('partnerCentral.startFromClipboard');
    await prompts.waitForMessage(/Started prospecting task/);
    let after = await counts();
    assert.equal(after.tasksPerCatalog.AWS, 1, 'no second task at the emulator');
    assert.deepEqual(after.tasksPerClientToken, { [token]: 1 });
    await prompts.waitForMessage(/Started prospecting task "accounts\.csv 2026-12-07" \(3 engagements\) in AWS/);
    assert.match(lost.message, /got no answer from Partner Central, so its task may already exist/, 'the lost answer does not claim the task was not started');
    assert.doesNotMatch(lost.message, /was not started/);
    assert.deepEqual(lost.actions, ['Re-send', 'Show Log']);
    const question = prompts.intentQuestions.find((asked) => asked.kind === 'lostLaunch');
    assert.ok(question, 'the user was offered the re-send');
    assert.match(question.question, /whose answer was lost: its task may already exist/);
    assert.match(question.question, /"Re-send That Launch" sends it again with the same ClientToken, which can never make a second task/);
    assert.match(question.question, /"Start a New Task Anyway" makes a new task for all 3: a second one if the first exists/);

    // Lost again, then "Start a New Task Anyway": the only way to a second task.
    await injectFault(START, 'drop', 5);
    const more = (await knownEngagements('AWS', 6, false)).slice(3);
    await vscode.env.clipboard.writeText(more.join(' '));
    prompts.taskName = () => 'lost twice';
    await vscode.commands.executeCommand('partnerCentral.startFromClipboard');
    await prompts.waitForMessage(/"lost twice" got no answer/);
    prompts.lostLaunch = 'newTask';
    await vscode.env.clipboard.writeText([...more].reverse().join(' '));
    prompts.taskName = () => 'lost twice, again';
    await vscode.commands.executeCommand('partnerCentral.startFromClipboard');
    await prompts.waitForMessage(/Started prospecting task "lost twice, again"/);
    after = await counts();
    assert.equal(after.tasksPerCatalog.AWS, 3, 'the first, the lost one, and the new one the user asked for');
  });
});

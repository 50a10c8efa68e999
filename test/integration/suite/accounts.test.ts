import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { startEmulator, type RunningEmulator } from '../../../src/emulator';
import { counts, emulatorUrl, injectFault, knownEngagements } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { type ScriptedPrompts } from '../support/scriptedPrompts';
import { scriptedPromptsEachTest } from '../support/scriptedPromptsEachTest';

const START = 'StartProspectingFromEngagementTask';
const ENDPOINT_VARIABLE = 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING';
/** Time for a settings change to reach the extension and a resumed launch to be sent. */
const SETTLE_MS = 2500;

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, SETTLE_MS));

async function countsAt(endpoint: string): Promise<{ starts: number; tokens: Record<string, number> }> {
  const response = await fetch(`${endpoint}/__emulator/counts`);
  const body = (await response.json()) as { requestsPerOperation: Record<string, number>; tasksPerClientToken: Record<string, number> };
  return { starts: body.requestsPerOperation[START] ?? 0, tokens: body.tasksPerClientToken };
}

/**
 * The extension host's environment names the first emulator (AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING); this suite
 * starts a second one and changes that variable, as a window reopened with another environment would see it.
 */
suite('Accounts: pending launches go only to the account they were made for', function () {
  this.timeout(90_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let second: RunningEmulator;
  let first: string;

  suiteSetup(async () => {
    api = await activeApi();
    first = emulatorUrl();
    second = await startEmulator({ port: 0, throttle: false });
  });

  suiteTeardown(async () => {
    process.env[ENDPOINT_VARIABLE] = first;
    await setSetting('endpoint', undefined);
    await second.close();
  });

  scriptedPromptsEachTest(() => api, (made) => { prompts = made; });

  test('a launch left pending at the emulator named by the environment is never re-sent to another endpoint, only to its own', async () => {
    const ids = await knownEngagements('Sandbox', 2, false);
    await injectFault(START, 'drop', 5); // the task is created, every answer lost: the launch stays pending
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: ids.join('\n') }));
    prompts.taskName = () => 'Pending at the first';
    await vscode.commands.executeCommand('partnerCentral.startFromFile');
    await prompts.waitForMessage(/"Pending at the first" got no answer/);
    const [token] = Object.keys((await counts()).tasksPerClientToken);
    assert.ok(token, 'the task exists at the first emulator');
    assert.ok((await api.tree.getChildren()).some((node) => node.kind === 'pending'), 'pending in the tree');

    // The second emulator through the endpoint setting, then through the environment with no setting: the same
    // profile and region as the first all along.
    await setSetting('endpoint', second.endpoint);
    await settle();
    process.env[ENDPOINT_VARIABLE] = second.endpoint;
    await setSetting('endpoint', undefined);
    await settle();
    const atSecond = await countsAt(second.endpoint);
    assert.equal(atSecond.starts, 0, 'nothing was sent to the second emulator');
    assert.ok(!(await api.tree.getChildren()).some((node) => node.kind === 'pending'), "the first account's pending launch is not shown for the second");

    // Back to the first emulator through the environment: re-sent there, with its token.
    process.env[ENDPOINT_VARIABLE] = first;
    await setSetting('endpoint', second.endpoint);
    await setSetting('endpoint', undefined);
    await prompts.waitForMessage(/Started prospecting task "Pending at the first"/);
    const atFirst = await counts();
    assert.equal(atFirst.tasksPerClientToken[token], 1, 'one task for the token');
    assert.equal((await countsAt(second.endpoint)).starts, 0, 'still nothing at the second emulator');
  });

  test('a launch spanning a settings change finishes in the account it started in: its task and token stay there', async () => {
    const ids = (await knownEngagements('Sandbox', 4, false)).slice(2); // not those of the launch left pending before
    // The Start is held 3 s at the first emulator, while the settings change.
    await fetch(`${first}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ operation: START, fault: 'delay', count: 1, delayMs: 3000 }) });
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: ids.join('\n') }));
    prompts.taskName = () => 'Spans a switch';
    const launching = vscode.commands.executeCommand('partnerCentral.startFromFile');
    const deadline = Date.now() + 10_000;
    while (((await counts()).requestsPerOperation[START] ?? 0) === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await setSetting('endpoint', second.endpoint); // another account while the Start is in flight
    assert.deepEqual((await counts()).tasksPerClientToken, {}, 'the Start is still in flight after the switch');
    await launching;
    await prompts.waitForMessage(/Started prospecting task "Spans a switch"/);
    assert.ok(!api.monitor.tasks('Sandbox').some((task) => task.taskName === 'Spans a switch'), 'not shown as a task of the second account');
    await settle();

    await setSetting('endpoint', undefined);
    await settle();
    assert.ok(api.monitor.tasks('Sandbox').some((task) => task.taskName === 'Spans a switch'), 'a task of the first account');
    assert.ok(!(await api.tree.getChildren()).some((node) => node.kind === 'pending'), 'nothing pending');
    assert.equal((await counts()).requestsPerOperation[START], 1, 'not re-sent on the way back: its token was removed where it was saved');
    assert.equal((await countsAt(second.endpoint)).starts, 0);
    assert.deepEqual(Object.values((await counts()).tasksPerClientToken), [1]);
  });

  test('a pending launch over a day old is shown as stale, with Re-send (same ClientToken) and Discard', async () => {
    const session = api.monitor.current;
    assert.ok(session, 'a session is open');
    const [resent, discarded] = (await knownEngagements('Sandbox', 6, false)).slice(4);
    const dayAndMore = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await session.pendingLaunches.save({ clientToken: 'stale-resent', catalog: 'Sandbox', taskName: 'Stale one', identifiers: [resent], createdAt: dayAndMore });
    await session.pendingLaunches.save({ clientToken: 'stale-discarded', catalog: 'Sandbox', taskName: 'Stale two', identifiers: [discarded], createdAt: dayAndMore });
    const pending = (await api.tree.getChildren()).filter((node) => node.kind === 'pending');
    assert.equal(pending.length, 2);
    for (const node of pending) {
      const item = api.tree.getTreeItem(node) as vscode.TreeItem;
      assert.match(String(item.contextValue), /\bpendingLaunch\b/);
      assert.match(String(item.contextValue), /\bstale\b/);
      assert.match(String(item.description), /^stale/);
    }

    await vscode.commands.executeCommand('partnerCentral.resendPendingLaunch', pending.find((node) => node.kind === 'pending' && node.launch.taskName === 'Stale one'));
    await prompts.waitForMessage(/Started prospecting task "Stale one"/);
    assert.deepEqual((await counts()).tasksPerClientToken, { 'stale-resent': 1 }, 'sent with its saved ClientToken');

    prompts.buttons.push({ match: /Discard the pending launch "Stale two"/, action: 'Discard' });
    await vscode.commands.executeCommand('partnerCentral.discardPendingLaunch', pending.find((node) => node.kind === 'pending' && node.launch.taskName === 'Stale two'));
    assert.ok(!(await api.tree.getChildren()).some((node) => node.kind === 'pending'), 'neither is pending any more');
    assert.equal((await counts()).requestsPerOperation[START], 1, 'the discarded one was never sent');
  });
});

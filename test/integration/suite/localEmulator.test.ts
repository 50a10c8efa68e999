import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { LocalEmulator } from '../../../src/ui/localEmulator/localEmulator';
import { counts, emulatorUrl } from '../support/emulatorControl';
import { EXTENSION_ID, activeApi } from '../support/extensionUnderTest';
import { ScriptedPrompts } from '../support/scriptedPrompts';
import { accountStateKey } from '../../../src/ui/session/accountState';
import { waitFor } from '../support/waitFor';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function health(endpoint: string): Promise<unknown> {
  const response = await fetch(`${endpoint}/__emulator/health`, { headers: { accept: 'application/json' } });
  assert.equal(response.status, 200);
  return response.json();
}

/** A globalState of its own, for managers made by the tests. */
class MemoryMemento implements vscode.Memento {
  private readonly values = new Map<string, unknown>();
  keys(): readonly string[] {
    return [...this.values.keys()];
  }
  get<T>(key: string, defaultValue?: T): T | undefined {
    return this.values.has(key) ? (this.values.get(key) as T) : defaultValue;
  }
  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, value);
  }
}

suite('The local emulator inside the extension', function () {
  this.timeout(90_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let log: vscode.LogOutputChannel;
  const extensionPath = () => vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
  const managerOf = (state: vscode.Memento) => new LocalEmulator({ globalState: state, asAbsolutePath: (p) => `${extensionPath()}/${p}` }, log);

  suiteSetup(async () => {
    api = await activeApi();
    log = vscode.window.createOutputChannel('Local emulator tests', { log: true });
  });

  setup(() => {
    prompts = new ScriptedPrompts();
    restore = api.usePrompts(prompts);
  });

  teardown(async () => {
    await vscode.commands.executeCommand('partnerCentral.stopLocalEmulator');
    restore.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  suiteTeardown(() => log.dispose());

  test('Use Local Emulator starts a child process on a loopback port that answers /__emulator/health', async () => {
    const endpoint = await vscode.commands.executeCommand<string | undefined>('partnerCentral.useLocalEmulator');
    assert.ok(endpoint, `Use Local Emulator failed: ${JSON.stringify(prompts.messages)}`);
    assert.match(endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(endpoint, emulatorUrl(), 'It is not the emulator the test runner started');
    const pid = api.localEmulator.pid;
    assert.ok(pid && pid !== process.pid && alive(pid), `No running child process (pid ${pid})`);
    assert.deepEqual(await health(endpoint), { ok: true });
    assert.equal(api.localEmulator.current?.endpoint, endpoint);
    const shown = await prompts.waitForMessage(/now uses the local emulator/);
    assert.deepEqual(shown.actions, ['Open Sample Engagements']);
  });

  test('a task launched from the sample engagements finishes, against the local emulator and not the configured endpoint', async () => {
    const beside = (await counts()).requestsPerOperation.StartProspectingFromEngagementTask ?? 0;
    prompts.buttons.push({ match: /only in the local emulator/, action: 'Use Local Emulator' });
    const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>('partnerCentral.openSampleEngagements');
    assert.ok(document, `Open Sample Engagements gave no document: ${JSON.stringify(prompts.messages)}`);
    assert.equal(document.isUntitled, true);
    const lines = document.getText().split('\n');
    assert.equal(lines[0], 'engagement_id,title,expect');
    const prospected = lines.map((line, i) => ({ line, i })).filter(({ line }) => line.endsWith(',prospected'));
    const failing = lines.findIndex((line) => /,fails \(/.test(line));
    assert.ok(prospected.length >= 2 && failing > 0, `The sample lacks known engagements: ${document.getText()}`);
    assert.ok(lines.some((line) => line.startsWith('eng-zzzzzzzzzzzzzz,')) && lines.some((line) => line.startsWith('eng-ABC123,')), 'The sample lacks unknown and malformed IDs');

    // The last two that succeed and the first that fails: three lines in a row.
    const editor = vscode.window.activeTextEditor;
    assert.equal(editor?.document, document);
    editor.selection = new vscode.Selection(failing - 2, 0, failing, lines[failing]!.length);
    prompts.taskName = () => 'Local sample';
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');
    assert.equal(prompts.offered[0]?.choices.length, 3);
    await prompts.waitForMessage(/Started prospecting task "Local sample" \(3 engagements\) in Sandbox/);
    const task = await waitFor('the task in the monitor', () => api.monitor.tasks('Sandbox').find((t) => t.taskName === 'Local sample'));
    const finished = await waitFor('the task to finish', () => api.monitor.task('Sandbox', task.taskId)?.endTime !== undefined && api.monitor.task('Sandbox', task.taskId));
    assert.equal(finished.totalCount, 3);
    assert.equal(finished.completedCount, 2, 'the two that succeed');
    assert.equal(finished.failedCount, 1, 'the one the emulator refuses');
    const after = (await counts()).requestsPerOperation.StartProspectingFromEngagementTask ?? 0;
    assert.equal(after, beside, 'The emulator beside code-server (the configured endpoint) received a Start');
  });

  test('Stop Local Emulator ends its process and the connection is the settings one again', async () => {
    await vscode.commands.executeCommand('partnerCentral.useLocalEmulator');
    const pid = api.localEmulator.pid;
    assert.ok(pid && alive(pid));
    await vscode.commands.executeCommand('partnerCentral.stopLocalEmulator');
    await waitFor(`pid ${pid} to end`, () => !alive(pid), 5000);
    assert.equal(api.localEmulator.current, undefined);
    assert.equal(api.localEmulator.chosenAccountKey, undefined);
    await prompts.waitForMessage(/Stopped the local emulator/);
  });

  test('when its process dies, the connection is the settings one again and a warning offers Restart', async () => {
    await vscode.commands.executeCommand('partnerCentral.useLocalEmulator');
    const pid = api.localEmulator.pid;
    assert.ok(pid && alive(pid));
    process.kill(pid, 'SIGKILL');
    const warning = await prompts.waitForMessage(/ended unexpectedly/);
    assert.equal(warning.level, 'warning');
    assert.deepEqual(warning.actions, ['Restart', 'Show Log']);
    assert.equal(api.localEmulator.current, undefined);
    assert.equal(api.localEmulator.chosenAccountKey, undefined, 'A dead emulator is still the chosen connection');
  });

  test('disposing the manager, as deactivation does, leaves no process behind', async () => {
    const manager = managerOf(new MemoryMemento());
    const override = await manager.start();
    const pid = manager.pid;
    assert.ok(pid && alive(pid));
    assert.deepEqual(await health(override.endpoint), { ok: true });
    manager.dispose();
    await waitFor(`pid ${pid} to end`, () => !alive(pid), 5000);
  });

  test('after a reload it comes back when it was chosen, afresh: the kept task history of the previous one is cleared', async () => {
    const state = new MemoryMemento();
    const first = managerOf(state);
    await first.start();
    await state.update(accountStateKey('local-emulator', 'taskHistory'), [{ taskId: 'task-0000000000000a' }]);
    first.dispose(); // the window goes away without choosing another connection
    const second = managerOf(state);
    try {
      assert.equal(second.chosenAccountKey, 'local-emulator', 'The choice was not remembered');
      second.restore();
      const override = await second.whenSettled();
      assert.ok(override, 'It did not come back');
      assert.deepEqual(await health(override.endpoint), { ok: true });
      assert.equal(state.get(accountStateKey('local-emulator', 'taskHistory')), undefined);
    } finally {
      second.dispose();
    }
  });
});

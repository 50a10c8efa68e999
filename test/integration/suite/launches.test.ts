import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import type { TaskRecord } from '../../../src/core/tasks';
import type { TaskTreeNode } from '../../../src/ui/tasks/taskTreeItems';
import { counts, knownEngagements } from '../support/emulatorControl';
import { activeApi } from '../support/extensionUnderTest';
import { type ScriptedPrompts } from '../support/scriptedPrompts';
import { waitFor } from '../support/waitFor';
import { quietSandboxWithPrompts } from '../support/scriptedPromptsEachTest';

type LaunchNode = Extract<TaskTreeNode, { kind: 'launch' }>;

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/**
 * 250 IDs selected and launched in one action: one launch of three tasks (100, 100, 50), ten of the engagements
 * failing (in the second and third tasks), followed from its start to its end.
 */
suite('One launch of 250 engagements is one thing', function () {
  this.timeout(120_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let ids: string[];
  let failing: string[];
  /** Every status bar text seen from the start to the end of the launch. */
  const statusTexts: string[] = [];

  async function launchNode(): Promise<LaunchNode> {
    const roots = await api.tree.getChildren();
    const launches = roots.filter((node): node is LaunchNode => node.kind === 'launch' && node.launch.name === 'Q3 leads');
    assert.equal(launches.length, 1, `one launch node; roots: ${roots.map((node) => node.kind).join(', ')}`);
    return launches[0];
  }

  function launchTasks(): TaskRecord[] {
    return api.monitor.tasks('Sandbox').filter((task) => /^Q3 leads \(\d\/3\)$/.test(task.taskName));
  }

  async function tasksEnded(): Promise<void> {
    await waitFor('the three tasks to end', () => {
      statusTexts.push(api.statusBarText());
      const tasks = launchTasks();
      return tasks.length === 3 && tasks.every((task) => task.endTime !== undefined);
    }, 90_000);
  }

  async function launchFinished(): Promise<LaunchNode> {
    await tasksEnded();
    return launchNode();
  }

  suiteSetup(async () => {
    api = await activeApi();
    ({ prompts, restore } = await quietSandboxWithPrompts(api));
    const succeeding = await knownEngagements('Sandbox', 240, false);
    failing = await knownEngagements('Sandbox', 10, true);
    ids = [...succeeding.slice(0, 150), ...failing.slice(0, 5), ...succeeding.slice(150), ...failing.slice(5)];
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: ['engagement', ...ids].join('\n') }));
    editor.selection = new vscode.Selection(0, 0, ids.length, 20);
    prompts.taskName = () => 'Q3 leads';
    await vscode.commands.executeCommand('partnerCentral.startFromSelection');
    await prompts.waitForMessage(/Started 3 prospecting tasks \(250 engagements\)/);
    statusTexts.push(api.statusBarText());
  });

  suiteTeardown(async () => {
    restore.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the tree shows one launch node, named as launched, with its three tasks as children', async () => {
    const node = await launchNode();
    const item = api.tree.getTreeItem(node) as vscode.TreeItem;
    assert.equal(item.label, 'Q3 leads');
    assert.match(String(item.description), /^\d+\/250 done/);
    assert.match(String(item.id), /^launch\/Sandbox\/[0-9a-f-]{36}$/);
    assert.match(String(item.contextValue), /^launch\b/);
    const children = await api.tree.getChildren(node);
    assert.deepEqual(children.map((child) => child.kind === 'task' && child.task.taskName), ['Q3 leads (1/3)', 'Q3 leads (2/3)', 'Q3 leads (3/3)']);
    const roots = await api.tree.getChildren();
    assert.ok(!roots.some((root) => root.kind === 'task' && root.task.taskName.startsWith('Q3 leads')), 'no sibling task nodes at the root');
    const [first] = await api.tree.getChildren(children[0]);
    assert.equal(first.kind, 'engagement', 'engagements below each task');
  });

  test('once every task ended, the launch node shows the outcome across its tasks, under the same id', async () => {
    const before = api.tree.getTreeItem(await launchNode()) as vscode.TreeItem;
    const item = api.tree.getTreeItem(await launchFinished()) as vscode.TreeItem;
    assert.equal(item.description, '250/250 done · 10 failed');
    assert.equal(iconId(item), 'warning');
    assert.match(String(item.contextValue), /\blaunch\b.*\bhasFailures\b.*\bfinished\b/);
    assert.equal(item.id, before.id);
  });

  test('ONE notification tells the end of the launch, naming its 250 engagements; none per task', async () => {
    await tasksEnded();
    const note = await prompts.waitForMessage(/Prospecting "Q3 leads" finished/, 20_000);
    assert.equal(note.message, 'Prospecting "Q3 leads" finished in Sandbox: 250 engagements in 3 tasks, 250/250 done · 10 failed.');
    assert.equal(note.level, 'warning');
    assert.deepEqual(note.actions, ['Show Results', 'Retry Failed']);
    assert.deepEqual(prompts.messages.filter((message) => /finished in Sandbox/.test(message.message)).map((message) => message.message), [note.message], 'one notification, not one per task');
  });

  test('the status bar counts the whole launch while it runs, and ends on its outcome', async () => {
    await tasksEnded();
    const runningTexts = statusTexts.filter((text) => text.startsWith('$(sync~spin)'));
    assert.ok(runningTexts.length > 0, 'seen while running');
    for (const text of runningTexts) assert.match(text, /^\$\(sync~spin\) Prospecting \d+\/250$/, `every task of the running launch counts, also those already ended: ${runningTexts.join(' → ')}`);
    const outcome = '$(warning) Prospecting 250/250 done · 10 failed';
    await waitFor('the status bar to end on the launch', () => api.statusBarText() === outcome, 10_000).catch(() => undefined);
    assert.equal(api.statusBarText(), outcome);
  });

  test('a task inside the launch has the launch as its parent, and can be revealed', async () => {
    const node = await launchNode();
    const [, second] = await api.tree.getChildren(node);
    const parent = api.tree.getParent(second);
    assert.ok(parent, 'a parent');
    assert.equal((api.tree.getTreeItem(parent) as vscode.TreeItem).id, (api.tree.getTreeItem(node) as vscode.TreeItem).id);
    assert.ok(second.kind === 'task');
    api.tree.setFilter('Q3');
    await vscode.commands.executeCommand('partnerCentral.revealTask', 'Sandbox', second.task.taskId);
    await vscode.commands.executeCommand('partnerCentral.revealTask', 'Sandbox', second.task.taskId, 'launch');
    api.tree.setFilter('');
  });

  test('Export from the launch node writes the results of all its tasks; from a task node, of that task', async () => {
    const node = await launchFinished();
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-launch-export-'));
    try {
      prompts.saveTo = vscode.Uri.file(path.join(folder, 'launch.csv'));
      await vscode.commands.executeCommand('partnerCentral.exportResults', node);
      await prompts.waitForMessage(/Exported 250 engagement results to launch\.csv/);
      const rows = fs.readFileSync(path.join(folder, 'launch.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
      assert.equal(rows.length, 250);
      for (const id of ids) assert.ok(rows.some((row) => row.includes(id)), `a row for ${id}`);

      const [, , third] = await api.tree.getChildren(node);
      prompts.saveTo = vscode.Uri.file(path.join(folder, 'third.csv'));
      await vscode.commands.executeCommand('partnerCentral.exportResults', third);
      await prompts.waitForMessage(/Exported 50 engagement results to third\.csv/);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('Retry Failed from the launch node retries the failed engagements of all its tasks, as one new task', async () => {
    const node = await launchFinished();
    const before = (await counts()).tasksPerCatalog.Sandbox;
    await vscode.commands.executeCommand('partnerCentral.retryFailed', node);
    await prompts.waitForMessage(/Started prospecting task "Q3 leads \(retry\)" \(10 engagements\)/);
    const retry = await waitFor('the retry task', () => api.monitor.tasks('Sandbox').find((task) => task.taskName === 'Q3 leads (retry)'));
    assert.deepEqual([...(retry.identifiers ?? [])].sort(), [...failing].sort());
    assert.equal((await counts()).tasksPerCatalog.Sandbox, before + 1);
  });

  test('Retry Failed from a task node of the launch retries that task only', async () => {
    const node = await launchFinished();
    const [, second] = await api.tree.getChildren(node);
    await vscode.commands.executeCommand('partnerCentral.retryFailed', second);
    await prompts.waitForMessage(/Started prospecting task "Q3 leads \(2\/3\) \(retry\)" \(5 engagements\)/);
    const retry = await waitFor('the retry task', () => api.monitor.tasks('Sandbox').find((task) => task.taskName === 'Q3 leads (2/3) (retry)'));
    assert.deepEqual([...(retry.identifiers ?? [])].sort(), failing.slice(0, 5).sort());
  });
});

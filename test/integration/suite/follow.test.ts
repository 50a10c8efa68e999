import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import type { TaskRecord } from '../../../src/core/tasks';
import type { TaskTreeNode } from '../../../src/ui/tasks/taskTreeItems';
import { counts, injectFault, knownEngagements } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { type ScriptedPrompts } from '../support/scriptedPrompts';
import { waitFor } from '../support/waitFor';
import { quietSandboxWithPrompts, scriptedPromptsEachTest } from '../support/scriptedPromptsEachTest';

function iconId(item: vscode.TreeItem): string | undefined {
  return item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : undefined;
}

/** Starts one task from a document of `ids`, named `name`; the task once the session holds it. */
async function launchTask(api: PartnerCentralApi, prompts: ScriptedPrompts, name: string, ids: string[]): Promise<TaskRecord> {
  const document = await vscode.workspace.openTextDocument({ content: ids.join('\n') });
  await vscode.window.showTextDocument(document);
  prompts.taskName = () => name;
  await vscode.commands.executeCommand('partnerCentral.startFromFile');
  await prompts.waitForMessage(new RegExp(`Started prospecting task "${name}"`));
  return waitFor(`task ${name} in the monitor`, () => api.monitor.tasks('Sandbox').find((task) => task.taskName === name));
}

function finishedTask(api: PartnerCentralApi, taskId: string, timeoutMs?: number): Promise<TaskRecord> {
  return waitFor(`task ${taskId} to finish`, () => {
    const task = api.monitor.task('Sandbox', taskId);
    return task?.endTime !== undefined && task;
  }, timeoutMs);
}

async function taskNode(api: PartnerCentralApi, taskId: string): Promise<{ node: TaskTreeNode; item: vscode.TreeItem }> {
  const roots = await api.tree.getChildren();
  const node = roots.find((candidate) => candidate.kind === 'task' && candidate.task.taskId === taskId);
  assert.ok(node, `task ${taskId} is in the tree`);
  return { node, item: api.tree.getTreeItem(node) as vscode.TreeItem };
}

/** One task of five engagements (one failing) followed from its start to its end: each test checks one surface. */
suite('Following one task to its end', function () {
  this.timeout(120_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let ids: string[];
  let failing: string;
  let task: TaskRecord;
  let running: { item: vscode.TreeItem; status: string };

  suiteSetup(async () => {
    api = await activeApi();
    ({ prompts, restore } = await quietSandboxWithPrompts(api));
    [failing] = await knownEngagements('Sandbox', 1, true);
    ids = [...(await knownEngagements('Sandbox', 4, false)), failing];
    task = await launchTask(api, prompts, 'Follow me', ids);
    // What the tree and the status bar show right after the start, before any poll could end the task.
    running = { item: (await taskNode(api, task.taskId)).item, status: api.statusBarText() };
    await vscode.commands.executeCommand('partnerCentral.showTaskDetails', task);
  });

  suiteTeardown(async () => {
    restore.dispose();
    api.tree.setFilter('');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('while it runs, its tree item shows its name, its progress, a running icon and a stable id', () => {
    assert.equal(running.item.label, 'Follow me');
    assert.match(String(running.item.description), /^\d\/5 done/);
    assert.ok(['clock', 'sync~spin'].includes(iconId(running.item) ?? ''), `icon while running: ${iconId(running.item)}`);
    assert.equal(running.item.id, `task/Sandbox/${task.taskId}`);
  });

  test('while it runs, the status bar counts its engagements', () => {
    assert.match(running.status, /^\$\(sync~spin\) Prospecting \d\/5$/);
  });

  test('once ended, its tree item shows the outcome, under the same id, with the tokens its menus test', async () => {
    const finished = await finishedTask(api, task.taskId);
    const done = await taskNode(api, finished.taskId);
    assert.equal(done.item.description, '5/5 done · 1 failed');
    assert.equal(iconId(done.item), 'warning');
    assert.match(String(done.item.contextValue), /\bhasFailures\b/);
    assert.match(String(done.item.contextValue), /\bfinished\b/);
    assert.equal(done.item.id, running.item.id, 'the id survives refreshes');
  });

  test('once ended, the status bar shows its outcome', async () => {
    await finishedTask(api, task.taskId);
    await waitFor('the status bar to show the outcome', () => /^\$\(warning\) Prospecting/.test(api.statusBarText()), 10_000);
    assert.equal(api.statusBarText(), '$(warning) Prospecting 5/5 done · 1 failed');
  });

  test('its engagements are listed below it in launch order, each with its outcome', async () => {
    const { node } = await taskNode(api, (await finishedTask(api, task.taskId)).taskId);
    const children = await api.tree.getChildren(node);
    assert.deepEqual(children.map((child) => child.kind === 'engagement' && child.engagement.engagementId), ids);
    const failedChild = children.find((child) => child.kind === 'engagement' && child.engagement.engagementId === failing);
    assert.ok(failedChild);
    assert.match(String((api.tree.getTreeItem(failedChild) as vscode.TreeItem).description), /^failed · [A-Z_]+/);
    assert.match(String((api.tree.getTreeItem(children[0]) as vscode.TreeItem).description), /^completed · ctx-[0-9a-z]{14}/);
  });

  test("an engagement's title fills in after its outcome", async () => {
    const { node } = await taskNode(api, (await finishedTask(api, task.taskId)).taskId);
    const titled = await waitFor('the engagement title', async () => {
      const [first] = await api.tree.getChildren(node);
      const description = String((api.tree.getTreeItem(first) as vscode.TreeItem).description);
      return /^completed · ctx-[0-9a-z]{14} · .+/.test(description) && description;
    }, 10_000);
    assert.match(titled, /^completed · ctx-[0-9a-z]{14} · .+/);
  });

  test('one notification tells its end, with Show Results and Retry Failed', async () => {
    const note = await prompts.waitForMessage(/Prospecting task "Follow me" finished in Sandbox: 5\/5 done · 1 failed/, 60_000);
    assert.equal(note.level, 'warning');
    assert.deepEqual(note.actions, ['Show Results', 'Retry Failed']);
    assert.equal(prompts.messages.filter((message) => /"Follow me" finished/.test(message.message)).length, 1, 'told once');
  });

  test('its details document, opened while it ran, follows it to its end', async () => {
    const details = vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'partnercentral-task' && document.uri.path.endsWith(`/${task.taskId}.json`));
    assert.ok(details, 'the details document opened while the task ran is still open');
    await waitFor('the details document to follow the task to its end', () => /"state": "completedWithFailures"/.test(details.getText()), 60_000);
  });

  test('revealing it while the name filter hides it clears the filter', async () => {
    api.tree.setFilter('no task is named like this');
    await vscode.commands.executeCommand('partnerCentral.revealTask', 'Sandbox', task.taskId);
    assert.equal(api.tree.filter, '');
  });
});

suite('Following tasks', function () {
  this.timeout(120_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let succeeding: string[];
  let failing: string[];

  suiteSetup(async () => {
    api = await activeApi();
    succeeding = await knownEngagements('Sandbox', 300, false);
    failing = await knownEngagements('Sandbox', 10, true);
  });

  scriptedPromptsEachTest(() => api, (made) => { prompts = made; });

  const launch = (name: string, ids: string[]): Promise<TaskRecord> => launchTask(api, prompts, name, ids);

  test('Retry Failed starts a task holding exactly the failed engagements', async () => {
    const ids = [succeeding[110], failing[1], succeeding[111], failing[2]];
    const task = await launch('Retry source', ids);
    const finished = await finishedTask(api, task.taskId);
    await vscode.commands.executeCommand('partnerCentral.retryFailed', finished);
    await prompts.waitForMessage(/Started prospecting task "Retry source \(retry\)" \(2 engagements\)/);
    const retry = await waitFor('the retry task', () => api.monitor.tasks('Sandbox').find((candidate) => candidate.taskName === 'Retry source (retry)'));
    assert.deepEqual(retry.identifiers, [failing[1], failing[2]]);
    assert.equal((await counts()).tasksPerCatalog.Sandbox, 2);
  });

  test('Export Results writes one row per engagement, as CSV and as JSON', async () => {
    const ids = [succeeding[120], succeeding[121], failing[3]];
    const task = await launch('Export me', ids);
    const finished = await finishedTask(api, task.taskId);
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-export-'));
    try {
      prompts.saveTo = vscode.Uri.file(path.join(folder, 'results.csv'));
      await vscode.commands.executeCommand('partnerCentral.exportResults', { kind: 'task', task: finished });
      await prompts.waitForMessage(/Exported 3 engagement results to results\.csv/);
      const lines = fs.readFileSync(path.join(folder, 'results.csv'), 'utf8').trim().split(/\r?\n/);
      assert.equal(lines.length, 4, 'a header and three rows');
      assert.match(lines[0], /TaskId.*EngagementIdentifier.*Status/);
      for (const id of ids) assert.ok(lines.some((line) => line.includes(id) && line.includes(finished.taskId)), `a row for ${id}`);
      assert.ok(lines.some((line) => line.includes(failing[3]) && line.includes('FAILED')));

      prompts.saveTo = vscode.Uri.file(path.join(folder, 'results.json'));
      await vscode.commands.executeCommand('partnerCentral.exportResults', { kind: 'task', task: finished });
      const json = JSON.parse(fs.readFileSync(path.join(folder, 'results.json'), 'utf8')) as unknown;
      const exported = (Array.isArray(json) ? json : [json]) as Array<{ taskId: string; engagements: unknown[] }>;
      assert.equal(exported[0].taskId, finished.taskId);
      assert.equal(exported[0].engagements.length, 3);

      api.tree.setFilter('Export me');
      prompts.saveTo = vscode.Uri.file(path.join(folder, 'filtered.csv'));
      await vscode.commands.executeCommand('partnerCentral.exportResults');
      await prompts.waitForMessage(/Exported 3 engagement results to filtered\.csv/);
      const rows = fs.readFileSync(path.join(folder, 'filtered.csv'), 'utf8').trim().split(/\r?\n/).slice(1);
      assert.ok(rows.every((row) => row.includes(finished.taskId)), 'from the view title: only the tasks the name filter shows');
    } finally {
      api.tree.setFilter('');
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  test('polling errors are told once, not a flood, and following carries on when they stop', async () => {
    const task = await launch('Bumpy ride', [succeeding[140], succeeding[141]]);
    // Two polls' worth of List attempts fail (the SDK tries each call 5 times), then the service recovers.
    await injectFault('ListProspectingFromEngagementTasks', 'internal', 10);
    const warning = await prompts.waitForMessage(/Following Sandbox tasks failed/);
    assert.equal(warning.level, 'warning');
    const finished = await finishedTask(api, task.taskId, 60_000);
    assert.equal(finished.completedCount + finished.failedCount, 2);
    assert.equal(prompts.messages.filter((message) => /Following Sandbox tasks failed/.test(message.message)).length, 1, 'one message for the whole run of failures');
  });

  test('from the palette: Copy Task ID asks which task, and Filter Tasks narrows the view by name', async () => {
    const task = await launch('Palette pick', [succeeding[150]]);
    await launch('Another name', [succeeding[151]]);
    await vscode.commands.executeCommand('workbench.action.closeSidebar'); // the view's selection is not visible
    await waitFor('the view to be hidden in the extension host', () => !api.tasksViewVisible(), 10_000);
    prompts.chooseTask = (tasks) => tasks.find((candidate) => candidate.taskId === task.taskId);
    await vscode.commands.executeCommand('partnerCentral.copyTaskId');
    assert.equal(prompts.taskPicks.length, 1, 'asked which task');
    assert.ok(prompts.taskPicks[0].offered.includes(task.taskId));
    assert.equal(await vscode.env.clipboard.readText(), task.taskId);

    prompts.taskFilter = 'palette';
    await vscode.commands.executeCommand('partnerCentral.filterTasks');
    const shown = (await api.tree.getChildren()).filter((node) => node.kind === 'task');
    assert.ok(shown.length >= 1);
    assert.ok(shown.every((node) => node.kind === 'task' && /palette/i.test(node.task.taskName)), 'only matching names');
    await vscode.commands.executeCommand('partnerCentral.clearTaskFilter');
    assert.ok((await api.tree.getChildren()).some((node) => node.kind === 'task' && node.task.taskName === 'Another name'), 'all again');
  });

  test('with catalog "ask", Switch Catalog switches only the view, and the view says which catalog it shows', async () => {
    await setSetting('catalog', 'ask');
    prompts.catalog = 'Sandbox';
    await vscode.commands.executeCommand('partnerCentral.switchCatalog');
    assert.equal(api.viewDescription(), 'Sandbox');

    prompts.catalog = 'AWS';
    await vscode.commands.executeCommand('partnerCentral.switchCatalog');
    assert.equal(vscode.workspace.getConfiguration('partnerCentral').inspect('catalog')?.globalValue, 'ask', 'the catalog is still asked for at each launch');
    assert.equal(api.viewDescription(), 'AWS');
    const roots = await api.tree.getChildren();
    assert.ok(roots.every((node) => node.kind !== 'task' || node.task.catalog === 'AWS'), 'the view lists AWS tasks only');

    prompts.catalog = 'Sandbox';
    await vscode.commands.executeCommand('partnerCentral.switchCatalog');
    assert.equal(api.viewDescription(), 'Sandbox');
  });
});

import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { SHOW_LOG_COMMAND, TASKS_VIEW } from '../../../src/ui/ids';
import { EXTENSION_ID, activeApi } from '../support/extensionUnderTest';
import { waitFor } from '../support/waitFor';

/** The contract other parts (README, walkthroughs, e2e tests) rely on. */
const VIEW_CONTAINER_ID = 'partnerCentral';
const VIEW_ID = TASKS_VIEW;
const SHOW_LOG = SHOW_LOG_COMMAND;
const COMMAND_PREFIX = 'partnerCentral.';
/** Commands the workbench itself registers for every contributed view (`<viewId>.<suffix>`). */
const WORKBENCH_VIEW_COMMAND_SUFFIXES = ['focus', 'resetViewLocation', 'toggleVisibility', 'removeView', 'open'];

interface Manifest {
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
    viewsWelcome?: { view: string; contents: string }[];
    menus?: Record<string, { command: string }[]>;
  };
}

function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `Extension ${EXTENSION_ID} is not loaded in the extension host (is extensionDevelopmentPath right?)`);
  return ext;
}

function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as Manifest;
}

function contributedViews(m: Manifest): string[] {
  return Object.values(m.contributes.views ?? {}).flat().map((v) => v.id);
}

function isWorkbenchViewCommand(command: string, viewIds: string[]): boolean {
  return viewIds.some((view) => WORKBENCH_VIEW_COMMAND_SUFFIXES.some((suffix) => command === `${view}.${suffix}`));
}

suite('Extension host', () => {
  suiteSetup(async function () {
    this.timeout(60_000);
    await activeApi();
  });

  test('every contributed command has a handler', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (manifest().contributes.commands ?? []).map((c) => c.command);
    assert.ok(contributed.length > 0, 'package.json contributes no commands');
    const missing = contributed.filter((c) => !registered.has(c));
    assert.deepEqual(missing, [], `Contributed in package.json but not registered by the extension: ${missing.join(', ')}`);
  });

  test(`every registered ${COMMAND_PREFIX}* command is contributed in package.json`, async () => {
    const m = manifest();
    const contributed = new Set((m.contributes.commands ?? []).map((c) => c.command));
    const views = contributedViews(m);
    const registered = (await vscode.commands.getCommands(true)).filter((c) => c.startsWith(COMMAND_PREFIX));
    const orphans = registered.filter((c) => !contributed.has(c) && !isWorkbenchViewCommand(c, views));
    assert.deepEqual(orphans, [], `Registered by the extension but missing from contributes.commands: ${orphans.join(', ')}`);
  });

  test('every command in menus and welcome links is contributed', () => {
    const m = manifest();
    const contributed = new Set((m.contributes.commands ?? []).map((c) => c.command));
    const referenced = Object.entries(m.contributes.menus ?? {}).flatMap(([menu, items]) => items.map((i) => ({ where: `menus.${menu}`, command: i.command })));
    for (const welcome of m.contributes.viewsWelcome ?? []) {
      for (const match of welcome.contents.matchAll(/\(command:([\w.-]+)/g)) referenced.push({ where: `viewsWelcome(${welcome.view})`, command: match[1]! });
    }
    const unknown = referenced.filter((r) => !contributed.has(r.command)).map((r) => `${r.command} (in ${r.where})`);
    assert.deepEqual(unknown, [], `Referenced but not contributed: ${unknown.join(', ')}`);
  });

  test(`the ${VIEW_ID} view is contributed in the ${VIEW_CONTAINER_ID} activity-bar container and opens`, async () => {
    const m = manifest();
    const containers = (m.contributes.viewsContainers?.activitybar ?? []).map((c) => c.id);
    assert.ok(containers.includes(VIEW_CONTAINER_ID), `Activity-bar container "${VIEW_CONTAINER_ID}" is not contributed (found: ${containers.join(', ') || 'none'})`);
    const views = (m.contributes.views?.[VIEW_CONTAINER_ID] ?? []).map((v) => v.id);
    assert.ok(views.includes(VIEW_ID), `View "${VIEW_ID}" is not contributed in container "${VIEW_CONTAINER_ID}" (found: ${views.join(', ') || 'none'})`);
    // The workbench registers `<viewId>.focus` for every view it knows; running it opens the view.
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.ok(registered.has(`${VIEW_ID}.focus`), `The workbench does not know view "${VIEW_ID}" (no ${VIEW_ID}.focus command)`);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
  });

  test(`the ${VIEW_ID} view has welcome content that links to Show Log`, () => {
    const m = manifest();
    const views = contributedViews(m);
    const orphans = (m.contributes.viewsWelcome ?? []).map((w) => w.view).filter((v) => !views.includes(v));
    assert.deepEqual(orphans, [], `viewsWelcome refers to views that are not contributed: ${orphans.join(', ')} (contributed: ${views.join(', ')})`);
    const welcome = (m.contributes.viewsWelcome ?? []).filter((w) => w.view === VIEW_ID);
    assert.ok(welcome.length > 0, `No viewsWelcome entry for view "${VIEW_ID}"`);
    const text = welcome.map((w) => w.contents).join('\n');
    assert.match(text, /No prospecting tasks yet/);
    assert.ok(text.includes(`(command:${SHOW_LOG})`), `The welcome content of ${VIEW_ID} does not link to ${SHOW_LOG}`);
  });

  test('Show Log opens the Partner Central output channel', async () => {
    const isChannel = (doc: vscode.TextDocument) => doc.uri.scheme === 'output' && decodeURIComponent(doc.uri.toString()).includes('Partner Central');
    const opened = new Promise<vscode.TextDocument>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((doc) => {
        if (isChannel(doc)) {
          sub.dispose();
          resolve(doc);
        }
      });
    });
    await vscode.commands.executeCommand(SHOW_LOG);
    const doc = await Promise.race([
      opened,
      waitFor('the Partner Central output document', () => vscode.workspace.textDocuments.find(isChannel), 10_000),
    ]);
    await waitFor('the activation line in the log', () => doc.getText().includes('activated'), 10_000);
    assert.match(doc.getText(), /Partner Central Prospecting .* activated/);
  });
});

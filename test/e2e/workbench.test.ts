import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { e2e } from './fixture';
import { CONTAINER_TITLE, LOG_CHANNEL, SHOW_LOG_TITLE, VIEW_NAME, contextMenuOnSelection, contributedEditorContextTitles, manifest, openPartnerCentralView, showLogFromPalette } from './scenes';

suite('Partner Central in the real workbench (code-server + Chromium)', () => {
  test('the Partner Central view opens from the activity bar and shows its welcome content', async () => {
    const { workbench } = e2e();
    const scene = await openPartnerCentralView(workbench);
    assert.ok(
      scene.activityBarTitles.some((t) => t.startsWith(CONTAINER_TITLE)),
      `No "${CONTAINER_TITLE}" entry in the activity bar: ${scene.activityBarTitles.join(', ')}`,
    );
    assert.match(scene.sideBarTitle, new RegExp(CONTAINER_TITLE, 'i'), `The side bar shows "${scene.sideBarTitle}", not the ${CONTAINER_TITLE} container`);
    assert.match(scene.sideBarTitle, new RegExp(VIEW_NAME, 'i'), `The side bar shows "${scene.sideBarTitle}", not the ${VIEW_NAME} view`);
    assert.ok(scene.welcome, `The ${VIEW_NAME} view shows no welcome content (is viewsWelcome attached to the right view id?)`);
    assert.match(scene.welcome, /No prospecting tasks yet/);
    assert.match(scene.welcome, /Show Log/, 'The welcome content has no Show Log link');
  });

  test('the command palette offers every contributed Partner Central command', async () => {
    const { workbench } = e2e();
    const m = manifest();
    // Commands the manifest hides from the palette (a `when` in menus.commandPalette) or disables.
    const hidden = new Set((m.contributes.menus?.commandPalette ?? []).filter((entry) => entry.when).map((entry) => entry.command));
    const missing: string[] = [];
    for (const command of (m.contributes.commands ?? []).filter((c) => !hidden.has(c.command) && !c.enablement)) {
      const title = `${command.category ? `${command.category}: ` : ''}${command.title}`;
      // The palette's list is virtual (only visible rows exist): ask for each command by its title.
      const entries = await workbench.commandPaletteEntries(title);
      if (!entries.some((e) => e.startsWith(title))) missing.push(`"${title}" (${command.command}; palette showed: ${entries.slice(0, 3).join(' / ') || 'nothing'})`);
    }
    assert.deepEqual(missing, [], `Not in the command palette: ${missing.join(', ')}`);
  });

  test('"Partner Central: Show Log" from the palette opens the output panel on its channel', async () => {
    const { workbench } = e2e();
    const output = await showLogFromPalette(workbench);
    assert.equal(output.channel, LOG_CHANNEL, `The output panel shows channel "${output.channel}" after ${SHOW_LOG_TITLE}`);
    assert.match(output.text, /Partner Central Prospecting .* activated/, `The ${LOG_CHANNEL} channel does not hold the activation line: ${output.text.slice(0, 200)}`);
  });

  test('right-clicking selected text in an editor opens the context menu', async () => {
    const { workbench, stack } = e2e();
    const id = stack.workspace.known[0] ?? stack.workspace.malformed[0]!;
    const scene = await contextMenuOnSelection(workbench, path.basename(stack.workspace.mainFile), id);
    await workbench.closeContextMenu();
    assert.equal(scene.selectedLength, id.length, `Selecting "${id}" selected ${scene.selectedLength} characters`);
    for (const standard of ['Cut', 'Copy', 'Paste', 'Command Palette...']) {
      assert.ok(scene.items.includes(standard), `The editor context menu lacks "${standard}": ${scene.items.join(' / ')}`);
    }
    for (const title of contributedEditorContextTitles()) {
      assert.ok(scene.items.includes(title), `The extension contributes "${title}" to editor/context, but the menu shows: ${scene.items.join(' / ')}`);
    }
  });

  test('the status bar shows the cursor position, the selection and the language', async () => {
    const { workbench, stack } = e2e();
    await workbench.openFile(path.basename(stack.workspace.mainFile));
    const line = stack.workspace.malformed[0]!;
    await workbench.selectText(line);
    const items = await workbench.statusBarItems();
    const cursor = items.find((t) => t.startsWith('Ln '));
    assert.ok(cursor, `No cursor position in the status bar: ${items.join(' | ')}`);
    assert.match(cursor, new RegExp(`\\(${line.length} selected\\)`));
    assert.ok(items.includes('Markdown'), `The language of engagements.md is not shown: ${items.join(' | ')}`);
  });
});

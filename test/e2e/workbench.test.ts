import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { e2e, E2E_RESULTS_DIR } from './fixture';
import { sampleEngagements } from '../../scripts/emulator';
import { SCREENSHOTS_DIR } from '../../scripts/paths';
import { TEST_TASK_SECONDS } from '../../scripts/stack';
import {
  CONTAINER_TITLE,
  LOG_CHANNEL,
  SHOW_LOG_TITLE,
  START_FROM_SELECTION_TITLE,
  TASK_NAME_TITLE,
  VIEW_NAME,
  contextMenuOnSelection,
  contributedEditorContextTitles,
  followLaunch,
  followTask,
  launchWholeFile,
  launchFromSelection,
  manifest,
  openPartnerCentralView,
  regionOf,
  seeTaskStarted,
  showLogFromPalette,
  waitForNoRunningTask,
  type LaunchScene,
  type Region,
} from './scenes';
import { describeTreeItem } from './workbench';

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

  test('the editor context menu on selected text offers the extension\'s items', async () => {
    const { workbench, stack } = e2e();
    const id = stack.workspace.known[0]!;
    const scene = await contextMenuOnSelection(workbench, path.basename(stack.workspace.mainFile), id);
    await workbench.closeContextMenu();
    assert.equal(scene.selectedLength, id.length, `Selecting "${id}" selected ${scene.selectedLength} characters`);
    const contributed = contributedEditorContextTitles();
    assert.ok(contributed.length > 0, 'package.json contributes nothing to editor/context');
    const missing = contributed.filter((title) => !scene.items.includes(title));
    assert.deepEqual(missing, [], `Contributed to editor/context but not in the menu: ${missing.join(', ')} (the menu shows: ${scene.items.join(' / ')})`);
  });
});

/** What every launch through the real prompts must have shown. */
function assertLaunchPrompts(scene: LaunchScene, region: Region, catalog: string): void {
  assert.equal(scene.selectedLength, scene.expectedLength, `Selecting ${region.file} from "${region.from}" to "${region.to}" selected ${scene.selectedLength} characters, not ${scene.expectedLength}`);
  assert.ok(scene.menuItems.includes(START_FROM_SELECTION_TITLE), `The editor context menu lacks "${START_FROM_SELECTION_TITLE}": ${scene.menuItems.join(' / ')}`);
  const n = region.ids.length;
  assert.equal(scene.pick.title, `Engagements to prospect in ${catalog} (${n} found)`);
  const shown = scene.pick.items.map((item) => ({ id: item.label, location: item.description, checked: item.checked }));
  const expected = region.ids.map(({ id, line }) => ({ id, location: `${path.basename(region.file)}:${line}`, checked: true }));
  assert.deepEqual(shown, expected, 'The engagements quick pick does not list the selected ids, all checked, with their file:line');
  assert.equal(scene.pick.selectedCount, `${n} Selected`, `The quick pick's count badge says "${scene.pick.selectedCount}"`);
  assert.equal(scene.nameBox.title, TASK_NAME_TITLE);
  assert.ok(scene.nameBox.proposed.includes(path.basename(region.file)), `The proposed task name "${scene.nameBox.proposed}" does not follow the \${fileName} \${date} template`);
}

suite('Launching and following a prospecting task through the real workbench', () => {
  test('Launch: selected ids, right-click, "Start Prospecting Task from Selection", quick pick, name: the task starts', async function () {
    this.timeout(90_000);
    const { workbench, stack } = e2e();
    const { known } = stack.workspace;
    const region = regionOf(stack.workspace.folder, path.basename(stack.workspace.mainFile), known[0]!, known[2]!);
    assert.equal(region.ids.length, 3, `The region of ${region.file} holds ${region.ids.length} ids`);
    const taskName = `E2E launch ${Date.now().toString(36)}`;

    const scene = await launchFromSelection(workbench, region, taskName);
    assertLaunchPrompts(scene, region, 'Sandbox');
    // engagements.md lists each ready id with its title: the picker shows the same title under it.
    const titles = scene.pick.items.map((item) => item.detail);
    assert.deepEqual(titles, region.ids.map(({ rest }) => rest.trim()), 'The quick pick does not show the engagement titles the emulator knows');

    const started = await seeTaskStarted(workbench, taskName);
    assert.equal(started.notification.message, `Started prospecting task "${taskName}" (3 engagements) in Sandbox.`);
    assert.equal(started.notification.severity, 'info');
    assert.ok(started.notification.buttons.includes('Show Log'), `The notification offers ${started.notification.buttons.join(', ') || 'no button'}, not Show Log`);
    assert.equal(started.logChannel, LOG_CHANNEL);
    assert.match(started.logLine, new RegExp(`Started task task-[0-9a-z]{14} "${taskName}" in Sandbox: 3 engagements`));
  });

  test('Follow: the status bar runs then shows the outcome while Prospecting Tasks fills in with each engagement\'s result', async function () {
    this.timeout(120_000);
    const { workbench, stack } = e2e();
    const { known, failing } = stack.workspace;
    assert.ok(failing.length > 0, 'The sample workspace has no failing engagement');
    // pipeline.csv: two ids that succeed, then one the emulator fails.
    const region = regionOf(stack.workspace.folder, 'pipeline.csv', known[known.length - 2]!, failing[0]!);
    assert.deepEqual(region.ids.map((i) => i.id), [...known.slice(-2), failing[0]]);
    await waitForNoRunningTask(workbench, TEST_TASK_SECONDS); // the status bar then counts this task only
    const taskName = `E2E follow ${Date.now().toString(36)}`;

    const launch = await launchFromSelection(workbench, region, taskName);
    assertLaunchPrompts(launch, region, 'Sandbox');
    const scene = await followTask(workbench, taskName, 3, TEST_TASK_SECONDS);

    assert.match(scene.running.text, /^Prospecting [0-3]\/3$/, `While running the status bar shows "${scene.running.text}"`);
    assert.deepEqual(scene.running.icons, ['sync', 'spin'], `While running the status bar item's icon is [${scene.running.icons.join(' ')}]`);
    // Every text the item showed on the way, in order: running counts that never go down, then the outcome.
    const counts = scene.statusBarTexts.slice(0, -1).map((text) => Number(/^Prospecting (\d)\/3$/.exec(text)?.[1] ?? NaN));
    assert.ok(counts.length > 0 && counts.every((k, i) => k >= (counts[i - 1] ?? 0)), `The status bar item went through: ${scene.statusBarTexts.join(' → ')}`);
    assert.match(scene.firstSeen.description, /^[0-3]\/3 done/, `The task first showed as ${describeTreeItem(scene.firstSeen)}`);

    assert.equal(scene.done.text, 'Prospecting 3/3 done · 1 failed');
    assert.deepEqual(scene.done.icons, ['warning'], `Once finished the status bar item's icon is [${scene.done.icons.join(' ')}]`);
    assert.equal(scene.task.description, '3/3 done · 1 failed');
    assert.deepEqual(scene.task.icons, ['warning'], `The finished task shows as ${describeTreeItem(scene.task)}`);
    assert.equal(scene.finished.message, `Prospecting task "${taskName}" finished in Sandbox: 3/3 done · 1 failed.`);
    assert.deepEqual(scene.finished.buttons, ['Show Results', 'Retry Failed']);

    const rows = scene.engagements.map(describeTreeItem).join(' | ');
    assert.deepEqual(scene.engagements.map((row) => row.label), region.ids.map((i) => i.id), `The task's engagements: ${rows}`);
    for (const row of scene.engagements.slice(0, 2)) {
      assert.match(row.description, /^completed · ctx-[0-9a-z]+ · \S/, `A succeeding engagement shows as ${describeTreeItem(row)}`);
      assert.deepEqual(row.icons, ['pass'], `A completed engagement shows as ${describeTreeItem(row)}`);
    }
    const failed = scene.engagements[2]!;
    assert.match(failed.description, /^failed · [A-Z_]+ · \S/, `The failing engagement shows as ${describeTreeItem(failed)}`);
    assert.deepEqual(failed.icons, ['error'], `The failing engagement shows as ${describeTreeItem(failed)}`);
  });
});

suite('One launch of 250 engagements through the real workbench', () => {
  /** PARTNER_CENTRAL_UPDATE_SCREENSHOTS=1 writes the pictures into media/screenshots (the README shows them). */
  const picture = (name: string): string => path.join(process.env.PARTNER_CENTRAL_UPDATE_SCREENSHOTS === '1' ? SCREENSHOTS_DIR : E2E_RESULTS_DIR, `${name}.png`);

  test('250 IDs selected in a CSV: one launch node with three tasks, one notification naming 250, the status bar ends on the launch; hovers and Problems after', async function () {
    this.timeout(240_000);
    const { workbench, stack } = e2e();
    // Not the sample workspace's engagements: the earlier tests prospected some, and a Start would offer to leave them out.
    const engagements = await sampleEngagements(stack.emulator.emulator.endpoint, stack.workspace.known.length + 241, stack.workspace.failing.length + 10);
    const succeeding = engagements.succeeding.map((e) => e.id).filter((id) => !stack.workspace.known.includes(id));
    const failing = engagements.failing.map((e) => e.id).filter((id) => !stack.workspace.failing.includes(id));
    assert.equal(succeeding.length, 241, 'the emulator knows enough engagements');
    // 250 IDs (ten of them fail, in the second and third tasks), below an upper-cased ID (a near miss) and a fragment.
    const ids = [...succeeding.slice(0, 150), ...failing.slice(0, 5), ...succeeding.slice(150, 240), ...failing.slice(5)];
    const typo = succeeding[240]!.toUpperCase();
    const file = 'launch-250.csv';
    fs.writeFileSync(path.join(stack.workspace.folder, file), [
      'engagement_id,owner,stage',
      `${typo},typo@example.com,qualified`,
      'eng-12345,short@example.com,qualified',
      ...ids.map((id, i) => `${id},owner${i + 1}@example.com,qualified`),
    ].join('\n') + '\n');
    await waitForNoRunningTask(workbench, TEST_TASK_SECONDS); // the status bar then counts this launch only
    const name = `Q3 leads ${Date.now().toString(36)}`;

    // By its absolute path: Quick Open finds a path that exists at once, while a file written during the test
    // reaches its file index only once the watcher has seen it (more than 15 s on a loaded machine).
    const launch = await launchWholeFile(workbench, path.join(stack.workspace.folder, file), ids[5]!, name);
    assert.match(launch.pick.title, /^Engagements to prospect in Sandbox \(250 found\)$/);
    assert.equal(launch.pick.selectedCount, '250 Selected');
    assert.match(launch.started.message, /^Started 3 prospecting tasks \(250 engagements\) in Sandbox\./);

    const scene = await followLaunch(workbench, name, 250, TEST_TASK_SECONDS);
    const sideBarWidth = (await workbench.sideBar.boundingBox())?.width ?? 300;
    await workbench.resizeSideBar(560); // the launch's counts readable in the picture
    await workbench.parkMouse();
    await workbench.page.locator('.monaco-hover').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
    await workbench.screenshot(picture('launch-node'));
    await workbench.resizeSideBar(sideBarWidth);
    const running = scene.statusBarTexts.filter((text) => !text.includes('done'));
    assert.ok(running.every((text) => /^Prospecting \d+\/250$/.test(text)), `While the launch ran the status bar went through: ${scene.statusBarTexts.join(' → ')}`);
    assert.equal(scene.done.text, 'Prospecting 250/250 done · 10 failed', `The status bar went through: ${scene.statusBarTexts.join(' → ')}`);
    assert.deepEqual(scene.done.icons, ['warning']);

    assert.equal(scene.finished.message, `Prospecting "${name}" finished in Sandbox: 250 engagements in 3 tasks, 250/250 done · 10 failed.`);
    assert.deepEqual(scene.finished.buttons, ['Show Results', 'Retry Failed']);
    const perTask = scene.notifications.filter((n) => n.message.includes(`"${name} (`));
    assert.deepEqual(perTask.map((n) => n.message), [], 'no notification per task');

    assert.equal(scene.launch.description, '250/250 done · 10 failed');
    assert.deepEqual(scene.launch.icons, ['warning'], `The launch shows as ${describeTreeItem(scene.launch)}`);
    assert.deepEqual(scene.tasks.map((task) => task.label), [`${name} (1/3)`, `${name} (2/3)`, `${name} (3/3)`], `Its children: ${scene.tasks.map(describeTreeItem).join(' | ')}`);
    assert.deepEqual(scene.tasks.map((task) => task.description), ['100/100 done', '100/100 done · 5 failed', '50/50 done · 5 failed']);
    const roots = (await workbench.treeItems(VIEW_NAME)).filter((item) => item.level === 1).map((item) => item.label);
    assert.ok(!roots.some((label) => label.startsWith(`${name} (`)), `No task of the launch at the top level: ${roots.join(' | ')}`);

    await workbench.openFile(path.join(stack.workspace.folder, file));
    const hover = await workbench.hoverOver(ids[0]!, /Prospected/);
    await workbench.screenshot(picture('hover-outcome'));
    assert.match(hover, new RegExp(`Task "${name} \\(1/3\\)"`), `The hover shows: ${hover}`);
    await workbench.goToLine(ids.indexOf(failing[0]!) + 4); // below the header and the two near misses
    const failedHover = await workbench.hoverOver(failing[0]!, /Failed/);
    assert.match(failedHover, new RegExp(`Task "${name} \\(2/3\\)"`), `The hover shows: ${failedHover}`);
    await workbench.parkMouse();

    const problems = await workbench.problems((rows) => rows.some((row) => row.includes(`did you mean ${succeeding[240]}?`)));
    await workbench.screenshot(picture('problems-near-misses'));
    assert.ok(problems.some((row) => row.startsWith(file)), `The Problems panel lists ${file}: ${problems.join(' | ')}`);
    assert.ok(problems.some((row) => /^Upper-case letters.*\[Ln 2, Col 1\]$/.test(row)), `The near miss on line 2, with its reason: ${problems.join(' | ')}`);
  });
});

import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../scripts/paths';
import { describeTreeItem, waitUntil, type Notification, type QuickPickItem, type StatusBarItem, type TreeItem, type Workbench } from './workbench';

/**
 * The scenes a person goes through, shared by the browser tests (which assert on what each returns)
 * and `npm run screenshots` (which photographs them for the README).
 */
export const CONTAINER_TITLE = 'Partner Central';
export const VIEW_NAME = 'Prospecting Tasks';
export const SHOW_LOG_TITLE = 'Partner Central: Show Log';
export const LOG_CHANNEL = 'Partner Central';

interface Manifest {
  contributes: {
    commands?: { command: string; title: string; category?: string; enablement?: string }[];
    menus?: Record<string, { command: string; when?: string }[]>;
  };
}

export function manifest(): Manifest {
  return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Manifest;
}

/** Titles of the editor context-menu entries the extension contributes for a plain text selection. */
export function contributedEditorContextTitles(): string[] {
  const m = manifest();
  const titles = new Map((m.contributes.commands ?? []).map((c) => [c.command, c.title]));
  return (m.contributes.menus?.['editor/context'] ?? [])
    .filter((entry) => !entry.when || /^\s*editorHasSelection\s*$/.test(entry.when))
    .map((entry) => titles.get(entry.command) ?? entry.command);
}

export interface ViewScene {
  activityBarTitles: string[];
  sideBarTitle: string;
  welcome: string;
  titleActions: string[];
}

/** Clicks Partner Central in the activity bar and reads the Prospecting Tasks view. */
export async function openPartnerCentralView(wb: Workbench): Promise<ViewScene> {
  await wb.activityBarItem(CONTAINER_TITLE).waitFor({ state: 'visible', timeout: 30_000 });
  const activityBarTitles = await wb.activityBarTitles();
  const sideBar = await wb.openViewContainer(CONTAINER_TITLE);
  const welcomeLocator = sideBar.locator('.welcome-view-content').first();
  const welcome = await welcomeLocator.waitFor({ state: 'visible', timeout: 10_000 }).then(
    () => welcomeLocator.innerText(),
    () => '',
  );
  const titleActions = (await sideBar.locator('.composite.title .actions-container .action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).filter(Boolean);
  await wb.waitForSideBarIdle();
  await wb.page.mouse.move(700, 450); // no hover tooltip in the pictures
  return { activityBarTitles, sideBarTitle: await wb.sideBarTitle(), welcome: welcome.trim(), titleActions };
}

/** F1, "Partner Central: Show Log", Enter; reads the output panel. */
export async function showLogFromPalette(wb: Workbench): Promise<{ channel: string; text: string }> {
  await wb.runCommand(SHOW_LOG_TITLE);
  const deadline = Date.now() + 10_000;
  let output = await wb.outputPanel();
  while (Date.now() < deadline && (output.channel !== LOG_CHANNEL || !output.text.trim())) {
    await wb.assertNoErrors(`waiting for the ${LOG_CHANNEL} output channel`);
    await wb.page.waitForTimeout(250);
    output = await wb.outputPanel();
  }
  return output;
}

/** Opens the sample file, selects `text` with the mouse and right-clicks it. */
export async function contextMenuOnSelection(wb: Workbench, file: string, text: string): Promise<{ items: string[]; selectedLength: number; statusBar: string[] }> {
  await wb.openFileWithIds(file);
  await wb.selectText(text);
  const selectedLength = await wb.selectedLength();
  const statusBar = await wb.statusBarItems();
  const { items } = await wb.openEditorContextMenu(text);
  return { items, selectedLength, statusBar };
}

export const START_FROM_SELECTION_TITLE = 'Start Prospecting Task from Selection';
export const ENGAGEMENT_PICK_TITLE = /^Engagements to prospect in (\w+) \((\d+) found\)$/;
export const TASK_NAME_TITLE = 'Prospecting task name';
/** Matches the status bar item's text while tasks run: `Prospecting 1/3` (not `… done`). */
const RUNNING_STATUS = /^Prospecting \d+\/\d+$/;

/** A region of a sample file: from the start of `from` to the end of `to`, with the ids it holds. */
export interface Region {
  /** Path relative to the workspace folder. */
  file: string;
  from: string;
  to: string;
  /** The text between (inclusive), as in the file. */
  text: string;
  /** Engagement ids in the region, in order, each with its 1-based line and the rest of its line. */
  ids: { id: string; line: number; rest: string }[];
}

/** Reads the region of `file` spanning from `from` to `to` (both must be in the file, in that order). */
export function regionOf(folder: string, file: string, from: string, to: string): Region {
  const content = fs.readFileSync(path.join(folder, file), 'utf8');
  const start = content.indexOf(from);
  const end = content.indexOf(to, start) + to.length;
  if (start < 0 || end < start + to.length) throw new Error(`"${from}" … "${to}" is not a region of ${file}`);
  const text = content.slice(start, end);
  const lines = content.split('\n');
  const firstLine = content.slice(0, start).split('\n').length;
  const ids: Region['ids'] = [];
  for (const m of text.matchAll(/\beng-[0-9a-z]{14}\b/g)) {
    const line = firstLine + text.slice(0, m.index).split('\n').length - 1;
    const full = lines[line - 1] ?? '';
    ids.push({ id: m[0], line, rest: full.slice(full.indexOf(m[0]) + m[0].length) });
  }
  return { file, from, to, text, ids };
}

export interface LaunchScene {
  /** What the editor's status bar said was selected, and what the region holds. */
  selectedLength: number;
  expectedLength: number;
  menuItems: string[];
  /** The multi-select quick pick of engagements, as shown before Enter. */
  pick: { title: string; selectedCount: string; items: QuickPickItem[] };
  /** The task name input box, as shown before typing. */
  nameBox: { title: string; proposed: string; message: string };
}

/**
 * Selects `region` in its file with the mouse, right-clicks it, chooses "Start Prospecting Task from
 * Selection", accepts the engagements quick pick as it comes (all checked) with Enter, types `taskName`
 * into the name box and presses Enter. `atQuickPick` runs while the quick pick is open (a screenshot).
 */
export async function launchFromSelection(wb: Workbench, region: Region, taskName: string, atQuickPick?: () => Promise<void>): Promise<LaunchScene> {
  await wb.openFileWithIds(region.file);
  const expectedLength = region.text.length;
  let selectedLength = await wb.selectRange(region.from, region.to, expectedLength);
  let { items: menuItems } = await wb.openEditorContextMenu(region.from);
  if (!menuItems.includes(START_FROM_SELECTION_TITLE)) {
    // A CodeLens line that appears as the right-click lands moves the text: the click falls outside the
    // selection and clears it. Select again, once, now that the lines have settled.
    await wb.page.keyboard.press('Escape');
    selectedLength = await wb.selectRange(region.from, region.to, expectedLength);
    ({ items: menuItems } = await wb.openEditorContextMenu(region.from));
  }
  await wb.chooseContextMenuItem(START_FROM_SELECTION_TITLE);

  const pickState = await wb.waitForQuickInput(ENGAGEMENT_PICK_TITLE);
  // Titles fill in as they are looked up: wait (bounded) until every row has its detail line.
  const items = await waitUntil(
    `${region.ids.length} engagement rows with their titles in the quick pick`,
    () => wb.quickPickItems(),
    (rows) => rows.length >= region.ids.length && rows.every((row) => row.detail),
    { timeoutMs: 8_000, show: (rows) => rows.map((r) => `${r.label} ${r.description} "${r.detail}"`).join(' | ') || 'no rows' },
  ).catch(() => wb.quickPickItems());
  const pick = { title: pickState.title, selectedCount: (await wb.quickInputState()).selectedCount, items };
  await wb.parkMouse();
  if (atQuickPick) await atQuickPick();
  await wb.acceptQuickInput();

  const nameState = await wb.waitForQuickInput(TASK_NAME_TITLE);
  const nameBox = { title: nameState.title, proposed: nameState.value, message: nameState.message };
  await wb.typeInQuickInput(taskName);
  await wb.acceptQuickInput();
  return { selectedLength, expectedLength, menuItems, pick, nameBox };
}

export interface StartedScene {
  notification: Notification;
  logChannel: string;
  /** The log line `Started task task-… "<name>" in <catalog>: …`. */
  logLine: string;
  taskId: string;
}

/** After a launch: the "Started prospecting task" notification, then Show Log and the log's line for it. */
export async function seeTaskStarted(wb: Workbench, taskName: string): Promise<StartedScene> {
  const notification = await wb.waitForNotification(new RegExp(`^Started prospecting task "${escapeRegExp(taskName)}"`), 20_000);
  const output = await showLogFromPalette(wb);
  const pattern = new RegExp(`Started task (task-[0-9a-z]+) "${escapeRegExp(taskName)}"`);
  const text = await waitUntil(
    `the line Started task task-… "${taskName}" in the ${LOG_CHANNEL} output channel`,
    () => wb.outputChannelText(),
    (t) => pattern.test(t),
    { timeoutMs: 10_000, show: (t) => `${t.split('\n').length} lines, ending: ${JSON.stringify(t.split('\n').slice(-4).join('\n'))}` },
  );
  const logLine = text.split('\n').find((line) => pattern.test(line))!.trim();
  return { notification, logChannel: output.channel, logLine, taskId: pattern.exec(logLine)![1]! };
}

export interface FollowScene {
  /** The status bar item while the task ran. */
  running: StatusBarItem;
  /** The task's row when first seen in the tree. */
  firstSeen: TreeItem;
  /** The status bar item once it finished. */
  done: StatusBarItem;
  /** Every text the status bar item showed, from the first running one to the outcome. */
  statusBarTexts: string[];
  /** The task's row once finished, and its engagement rows once expanded. */
  task: TreeItem;
  engagements: TreeItem[];
  /** The notification saying the task finished. */
  finished: Notification;
}

/** How long a test task runs, plus polling and slack. */
function taskWaitMs(taskSeconds: number): number {
  return (taskSeconds + 25) * 1000;
}

/**
 * Right after a launch: the status bar item runs (`$(sync~spin) Prospecting k/N`), the Partner Central
 * view shows the task (`k/N done`), the item turns to its outcome (`Prospecting N/N done`), the task is
 * expanded to its engagements' results. `atDone` runs with the results on screen (a screenshot).
 */
export async function followTask(wb: Workbench, taskName: string, total: number, taskSeconds: number, atDone?: () => Promise<void>): Promise<FollowScene> {
  const running = await wb.waitForStatusBarText('Prospecting', RUNNING_STATUS, { icon: 'spin', timeoutMs: 10_000 });
  const statusBarTexts = [running.text];
  const record = async () => {
    const item = (await wb.statusBarItemsWith('Prospecting'))[0];
    if (item && item.text !== statusBarTexts[statusBarTexts.length - 1]) statusBarTexts.push(item.text);
    return item;
  };
  await wb.openViewContainer(CONTAINER_TITLE);
  await record();
  const firstSeen = await wb.waitForTreeItem(VIEW_NAME, taskName, (item) => /^\d+\/\d+ done/.test(item.description), { what: 'with its progress', timeoutMs: 10_000 });

  const doneText = new RegExp(`^Prospecting ${total}/${total} done( · \\d+ failed)?$`);
  const done = await waitUntil(
    `the Prospecting status bar item to show ${String(doneText)}`,
    record,
    (item) => item !== undefined && doneText.test(item.text),
    { timeoutMs: taskWaitMs(taskSeconds), intervalMs: 100, show: (item) => (item ? `"${item.text}" [${item.icons.join(' ')}]` : 'no Prospecting item') },
  ) as StatusBarItem;
  const finished = await wb.waitForNotification(new RegExp(`^Prospecting task "${escapeRegExp(taskName)}" (finished|failed) in`), 15_000);
  const task = await wb.waitForTreeItem(VIEW_NAME, taskName, (item) => item.description.startsWith(`${total}/${total} done`) && !item.icons.includes('spin'), { what: 'finished', timeoutMs: 15_000 });

  await wb.expandTreeItem(VIEW_NAME, taskName);
  // Each engagement's outcome comes with the task's details; its title follows from a lookup.
  const engagements = await waitUntil(
    `the ${total} engagements of "${taskName}" with their outcomes and titles`,
    () => wb.treeChildren(VIEW_NAME, taskName),
    (rows) => rows.length === total && rows.every((row) => /^(completed · ctx-[0-9a-z]+|failed · [A-Z_]+) · \S/.test(row.description)),
    { timeoutMs: 15_000, show: (rows) => rows.map(describeTreeItem).join(' | ') || 'no rows' },
  );
  await wb.parkMouse();
  if (atDone) await atDone();
  return { running, firstSeen, done, statusBarTexts, task, engagements, finished };
}

/** Waits (bounded) until no prospecting task runs: the status bar item, if shown, does not spin. */
export async function waitForNoRunningTask(wb: Workbench, taskSeconds: number): Promise<void> {
  await waitUntil(
    'no running prospecting task (the Prospecting status bar item not spinning)',
    () => wb.statusBarItemsWith('Prospecting'),
    (items) => items.every((item) => !item.icons.includes('spin')),
    { timeoutMs: taskWaitMs(taskSeconds), show: (items) => items.map((i) => `"${i.text}" [${i.icons.join(' ')}]`).join(', ') },
  );
}

export interface ManyLaunchScene {
  selectedLength: number;
  pick: { title: string; selectedCount: string };
  started: Notification;
}

/**
 * Opens `file`, selects all of it (Ctrl+A), right-clicks an ID in it, "Start Prospecting Task from Selection",
 * accepts the quick pick with every engagement checked, names the launch: as a person launches hundreds of IDs.
 */
export async function launchWholeFile(wb: Workbench, file: string, visibleId: string, taskName: string): Promise<ManyLaunchScene> {
  await wb.openFileWithIds(file);
  const selectedLength = await wb.selectAllInEditor();
  await wb.openEditorContextMenu(visibleId);
  await wb.chooseContextMenuItem(START_FROM_SELECTION_TITLE);
  const pickState = await wb.waitForQuickInput(ENGAGEMENT_PICK_TITLE);
  const pick = { title: pickState.title, selectedCount: (await wb.quickInputState()).selectedCount };
  await wb.acceptQuickInput();
  await wb.waitForQuickInput(TASK_NAME_TITLE);
  await wb.typeInQuickInput(taskName);
  await wb.acceptQuickInput();
  const started = await wb.waitForNotification(/^Started \d+ prospecting tasks/, 30_000);
  await wb.activeEditor.locator('.view-lines').click(); // the selection has done its work
  await wb.page.keyboard.press('Control+Home');
  return { selectedLength, pick, started };
}

export interface LaunchFollowScene {
  /** Every text the Prospecting status bar item showed, from the first running one to the outcome. */
  statusBarTexts: string[];
  done: StatusBarItem;
  /** The notifications on screen when the launch's end was told. */
  notifications: Notification[];
  finished: Notification;
  /** The launch's row once finished, and its task rows once expanded. */
  launch: TreeItem;
  tasks: TreeItem[];
}

/** Follows a launch of several tasks to its end: the status bar, the one notification, the launch's node and its tasks. */
export async function followLaunch(wb: Workbench, launchName: string, total: number, taskSeconds: number): Promise<LaunchFollowScene> {
  const statusBarTexts: string[] = [];
  const record = async () => {
    const item = (await wb.statusBarItemsWith('Prospecting'))[0];
    if (item && item.text !== statusBarTexts[statusBarTexts.length - 1]) statusBarTexts.push(item.text);
    return item;
  };
  await record();
  await wb.openViewContainer(CONTAINER_TITLE);
  const doneText = new RegExp(`^Prospecting ${total}/${total} done( · \\d+ failed)?$`);
  const done = await waitUntil(
    `the Prospecting status bar item to show ${String(doneText)}`,
    record,
    (item) => item !== undefined && doneText.test(item.text),
    { timeoutMs: taskWaitMs(taskSeconds) * 2, intervalMs: 100, show: (item) => (item ? `"${item.text}" [${item.icons.join(' ')}]` : 'no Prospecting item') },
  ) as StatusBarItem;
  const finished = await wb.waitForNotification(new RegExp(`^Prospecting "${escapeRegExp(launchName)}" (finished|failed) in`), 15_000);
  const notifications = await wb.notifications();
  const launch = await wb.waitForTreeItem(VIEW_NAME, launchName, (item) => item.description.startsWith(`${total}/${total} done`), { what: 'finished', timeoutMs: 15_000 });
  const tasks = await wb.expandTreeItem(VIEW_NAME, launchName);
  await wb.parkMouse();
  return { statusBarTexts, done, notifications, finished, launch, tasks };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

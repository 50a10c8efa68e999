import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../scripts/paths';
import type { Workbench } from './workbench';

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
  await wb.openFile(file);
  await wb.selectText(text);
  const selectedLength = await wb.selectedLength();
  const statusBar = await wb.statusBarItems();
  const { items } = await wb.openEditorContextMenu(text);
  return { items, selectedLength, statusBar };
}

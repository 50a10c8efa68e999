import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

// The callbacks passed to evaluate() run in the page; this project compiles without the DOM library,
// so the few browser globals they use are declared loosely here (module scope only).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const NodeFilter: any;
type Text = any;
type HTMLElement = any;
type HTMLSelectElement = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/**
 * Page object for the real VS Code workbench (code-server in Chromium): what a person does, with the
 * selectors of VS Code 1.100 kept in one place.
 */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the workbench is interactive and the extension host has loaded extensions. */
  async waitReady(timeoutMs = 90_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: timeoutMs });
    await this.page.locator('#workbench\\.parts\\.statusbar').waitFor({ state: 'visible', timeout: timeoutMs });
    // The activity-bar entry of a contributed container appears once extensions are registered.
    await this.activityBarItem('Explorer').waitFor({ state: 'visible', timeout: timeoutMs });
  }

  activityBarItem(title: string): Locator {
    return this.page.locator(`#workbench\\.parts\\.activitybar .action-item a.action-label[aria-label^="${title}"], #workbench\\.parts\\.activitybar .action-item[aria-label^="${title}"]`).first();
  }

  /** Activity-bar entries' titles, top to bottom. */
  async activityBarTitles(): Promise<string[]> {
    const labels = await this.page.locator('#workbench\\.parts\\.activitybar .action-item a.action-label').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''));
    return labels.filter(Boolean);
  }

  get sideBar(): Locator {
    return this.page.locator('#workbench\\.parts\\.sidebar');
  }

  /** Clicks a view container in the activity bar (if it is not already open) and waits for its side bar. */
  async openViewContainer(title: string): Promise<Locator> {
    const item = this.activityBarItem(title);
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    const checked = await this.page.locator('#workbench\\.parts\\.activitybar .action-item.checked').filter({ has: this.page.locator(`[aria-label^="${title}"]`) }).count();
    if (checked === 0) await item.click();
    await this.sideBar.locator('.composite.title h2', { hasText: title }).first().waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      // Single-view containers show the view's name instead of the container's.
      await this.sideBar.waitFor({ state: 'visible', timeout: 5_000 });
    });
    return this.sideBar;
  }

  /** Waits (bounded) until the side bar shows no progress bar and the activity bar no progress badge. */
  async waitForSideBarIdle(timeoutMs = 10_000): Promise<void> {
    const busy = this.page.locator('#workbench\\.parts\\.sidebar .monaco-progress-container.active, #workbench\\.parts\\.activitybar .badge .codicon-loading, #workbench\\.parts\\.activitybar .badge .progress-badge');
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline && (await busy.filter({ visible: true }).count()) > 0) await this.page.waitForTimeout(200);
  }

  /** The pane (header + body) of a view in the side bar, by its name. */
  viewPane(name: string): Locator {
    return this.sideBar.locator('.pane', { has: this.page.locator(`.pane-header[aria-label^="${name}"]`) }).first();
  }

  async sideBarTitle(): Promise<string> {
    return (await this.sideBar.locator('.composite.title').first().innerText()).trim();
  }

  /** Runs a command the way a person does: F1, type its title, Enter. */
  async runCommand(title: string): Promise<void> {
    const input = await this.openCommandPalette();
    await input.fill(`>${title}`);
    const row = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 });
    // The first row is the best match; make sure it is the command asked for before running it.
    const label = (await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().innerText()).trim();
    if (!label.includes(title)) throw new Error(`The command palette's best match for "${title}" is "${label}"`);
    await input.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    // A failing command shows a dialog (extension development host) or an error notification.
    await this.page.waitForTimeout(300);
    await this.assertNoErrors(`running "${title}"`);
  }

  /** Texts of visible error dialogs and error notifications. */
  async errors(): Promise<string[]> {
    const dialogs = await this.page.locator('.monaco-dialog-box').filter({ visible: true }).allInnerTexts();
    const toasts = await this.page.locator('.notification-toast').filter({ visible: true }).filter({ has: this.page.locator('.codicon-error') }).allInnerTexts();
    return [...dialogs, ...toasts].map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  /** Fails with the workbench's own error message when one is showing. */
  async assertNoErrors(doing: string): Promise<void> {
    const errors = await this.errors();
    if (errors.length > 0) throw new Error(`The workbench showed an error while ${doing}: ${errors.join(' | ')}`);
  }

  /** The command palette's rows for a query (without running anything). */
  async commandPaletteEntries(query: string): Promise<string[]> {
    const input = await this.openCommandPalette();
    await input.fill(`>${query}`);
    const rows = this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    await this.page.waitForTimeout(300);
    const labels = (await rows.allInnerTexts()).map((t) => t.split('\n')[0]!.trim());
    await this.page.keyboard.press('Escape');
    return labels;
  }

  async openCommandPalette(): Promise<Locator> {
    await this.dismissOverlays();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    return input;
  }

  /** Opens a workspace file with Quick Open (Ctrl+P) and waits for its editor. */
  async openFile(relativePath: string): Promise<Locator> {
    await this.dismissOverlays();
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 15_000 });
    await input.fill(relativePath);
    const name = path.basename(relativePath);
    await this.page.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ state: 'visible', timeout: 15_000 });
    await input.press('Enter');
    await this.page.locator(`.tabs-container .tab[aria-label^="${name}"]`).first().waitFor({ state: 'visible', timeout: 15_000 });
    const editor = this.activeEditor;
    await editor.locator('.view-lines').waitFor({ state: 'visible', timeout: 15_000 });
    return editor;
  }

  get activeEditor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  /** A rendered editor line holding `text`. */
  editorLine(text: string): Locator {
    return this.activeEditor.locator('.view-line', { hasText: text }).first();
  }

  /** Selects `text` in the active editor as a person would: click before it, then shift-click after it. */
  async selectText(text: string): Promise<void> {
    const box = await this.textBox(this.editorLine(text), text);
    await this.page.mouse.click(box.x + 1, box.y + box.height / 2);
    await this.page.keyboard.down('Shift');
    await this.page.mouse.click(box.x + box.width - 1, box.y + box.height / 2);
    await this.page.keyboard.up('Shift');
    await this.page.waitForTimeout(200);
    if ((await this.selectedLength()) !== text.length) {
      // Fall back to the keyboard: put the caret at the text and extend by its length.
      await this.page.mouse.click(box.x + 1, box.y + box.height / 2);
      for (let i = 0; i < text.length; i++) await this.page.keyboard.press('Shift+ArrowRight');
    }
  }

  /**
   * Screen box of `text` within a rendered editor line. Monaco re-renders lines while it settles
   * (a fresh tab, a scroll): a box measured on a line that was just replaced is empty, so measure until
   * the box is real and inside the editor.
   */
  private async textBox(line: Locator, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      await line.waitFor({ state: 'visible', timeout: 10_000 });
      const box = await this.measureText(line, text).catch(() => undefined);
      const editor = await this.activeEditor.boundingBox();
      if (box && editor && box.width > 0 && box.height > 0 && box.y >= editor.y && box.y + box.height <= editor.y + editor.height && box.x >= editor.x) return box;
      if (Date.now() > deadline) throw new Error(`"${text}" has no usable position in the editor (measured ${JSON.stringify(box)}, editor ${JSON.stringify(editor)})`);
      await this.page.waitForTimeout(200);
    }
  }

  private async measureText(line: Locator, text: string): Promise<{ x: number; y: number; width: number; height: number } | undefined> {
    const box = await line.evaluate((el, needle) => {
      const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
      let full = '';
      const nodes: { node: Text; start: number }[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: full.length });
        full += (n as Text).data;
      }
      const normalized = full.replace(/\u00a0/g, ' ');
      const at = normalized.indexOf(needle);
      if (at < 0) return undefined;
      const range = document.createRange();
      const locate = (offset: number) => {
        const hit = nodes.filter((x) => x.start <= offset).pop()!;
        return { node: hit.node, offset: Math.min(offset - hit.start, hit.node.data.length) };
      };
      const s = locate(at);
      const e = locate(at + needle.length);
      range.setStart(s.node, s.offset);
      range.setEnd(e.node, e.offset);
      const r = range.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, text);
    return box;
  }

  /** How many characters are selected, as the status bar's "Ln x, Col y (n selected)" item says. */
  async selectedLength(): Promise<number> {
    const items = await this.statusBarItems();
    const cursor = items.find((t) => /^Ln \d+, Col \d+/.test(t)) ?? '';
    return Number(/\((\d+) selected\)/.exec(cursor)?.[1] ?? 0);
  }

  /** Right-clicks `text` in the active editor (selecting it first when asked) and returns the menu's items. */
  async openEditorContextMenu(text: string): Promise<{ menu: Locator; items: string[] }> {
    const box = await this.textBox(this.editorLine(text), text);
    await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    return this.contextMenu();
  }

  /** The open context menu (VS Code draws its own in the browser) and its enabled and disabled items. */
  async contextMenu(): Promise<{ menu: Locator; items: string[] }> {
    const menu = this.page.locator('.context-view .monaco-menu').filter({ visible: true }).first();
    await menu.waitFor({ state: 'visible', timeout: 10_000 });
    const items = (await menu.locator('.action-item:not(.disabled) .action-label, .action-item.disabled .action-label').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    return { menu, items };
  }

  async closeContextMenu(): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.locator('.context-view .monaco-menu').waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => undefined);
  }

  get statusBar(): Locator {
    return this.page.locator('#workbench\\.parts\\.statusbar');
  }

  /** Texts of the status bar's items, left to right. */
  async statusBarItems(): Promise<string[]> {
    const texts = await this.statusBar.locator('.statusbar-item').evaluateAll((els) =>
      els.filter((e) => (e as HTMLElement).offsetParent !== null).map((e) => ((e as HTMLElement).innerText || e.getAttribute('aria-label') || '').trim()),
    );
    return texts.filter(Boolean);
  }

  async statusBarText(): Promise<string> {
    return (await this.statusBarItems()).join(' | ');
  }

  get panel(): Locator {
    return this.page.locator('#workbench\\.parts\\.panel');
  }

  /** The output panel's selected channel name and its visible text. */
  async outputPanel(): Promise<{ channel: string; text: string }> {
    const panel = this.panel;
    await panel.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error('The panel (where the Output view lives) did not open');
    });
    await panel.locator('.composite.title .action-item.checked, .composite.title .panel-switcher-container .checked', { hasText: /Output/i }).first().waitFor({ state: 'visible', timeout: 10_000 }).catch(() => undefined);
    const channel = await panel.evaluate((el) => {
      const select = el.querySelector<HTMLSelectElement>('select.monaco-select-box');
      if (select) return select.options[select.selectedIndex]?.text ?? '';
      const dropdown = el.querySelector('.monaco-dropdown .action-label, .output-channel-selector, [aria-label*="Output actions"]');
      return dropdown?.textContent?.trim() ?? '';
    });
    const text = await panel.locator('.monaco-editor .view-lines').first().innerText().catch(() => '');
    // Monaco renders spaces as no-break spaces.
    return { channel, text: text.replace(/\u00a0/g, ' ') };
  }

  /** Closes dialogs, quick inputs, menus and notifications that would swallow keys (a failed test's leftovers). */
  async dismissOverlays(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      const open = await this.page.locator('.monaco-dialog-box:visible, .quick-input-widget:visible, .context-view .monaco-menu:visible').count();
      if (open === 0) break;
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(150);
    }
    const dialogClose = this.page.locator('.monaco-dialog-box .dialog-close-action, .monaco-dialog-box .dialog-buttons a.monaco-button').filter({ visible: true }).first();
    if (await dialogClose.count()) await dialogClose.click().catch(() => undefined);
    const toastClose = this.page.locator('.notification-toast .codicon-notifications-clear').filter({ visible: true });
    for (const close of await toastClose.all()) await close.click().catch(() => undefined);
  }

  async screenshot(file: string): Promise<string> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file });
    return file;
  }
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';

// The callbacks passed to evaluate() run in the page; this project compiles without the DOM library,
// so the few browser globals they use are declared loosely here (module scope only).
/* eslint-disable @typescript-eslint/no-explicit-any */
declare const document: any;
declare const NodeFilter: any;
declare const navigator: any;
type Text = any;
type HTMLElement = any;
type HTMLSelectElement = any;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** A quick pick row as drawn: label, description (e.g. `file:line`), detail, and its checkbox. */
export interface QuickPickItem {
  label: string;
  description: string;
  detail: string;
  /** Undefined when the quick pick has no checkboxes. */
  checked?: boolean;
}

/** What a quick input (quick pick or input box) shows. */
export interface QuickInputState {
  title: string;
  value: string;
  placeholder: string;
  /** The prompt, or the validation message. */
  message: string;
  /** The "n Selected" badge of a multi-select quick pick ('' when not shown). */
  selectedCount: string;
  busy: boolean;
}

export interface Notification {
  message: string;
  severity: 'info' | 'warning' | 'error' | 'unknown';
  source: string;
  buttons: string[];
}

export interface StatusBarItem {
  id: string;
  /** The text as shown, codicons left out. */
  text: string;
  /** The codicons shown, e.g. `sync` with `spin` for `$(sync~spin)`, `warning`, `pass`. */
  icons: string[];
  ariaLabel: string;
}

export interface TreeItem {
  label: string;
  description: string;
  /** 1 for top-level items. */
  level: number;
  /** Undefined for leaves. */
  expanded?: boolean;
  /** Codicon names of the item's icon, e.g. `pass`, `warning`, `sync` + `spin`. */
  icons: string[];
}

/**
 * Polls `read` until `done` accepts what it returns; fails after `timeoutMs` with a message naming
 * what was expected and the last thing seen.
 */
export async function waitUntil<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs: number; intervalMs?: number; show?: (value: T) => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  const show = options.show ?? ((value: T) => JSON.stringify(value));
  let seen = 'nothing yet';
  for (;;) {
    try {
      const value = await read();
      if (done(value)) return value;
      seen = show(value);
    } catch (error) {
      seen = `an error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    }
    if (Date.now() > deadline) throw new Error(`Timed out after ${(options.timeoutMs / 1000).toFixed(0)} s waiting for ${what}; last seen: ${seen}`);
    await sleep(options.intervalMs ?? 200);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The extension's CodeLens above the first engagement ID of a file. */
export const PROSPECT_CODELENS = /^Prospect \d+ engagements? in this file$/;

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

  /**
   * Opens a file that holds engagement IDs and waits until the extension has drawn its CodeLens above the first
   * one: that line moves every line below it, so text is measured and clicked only once it is there.
   */
  async openFileWithIds(relativePath: string): Promise<Locator> {
    const editor = await this.openFile(relativePath);
    await this.waitForCodeLens(PROSPECT_CODELENS);
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
    await this.selectRange(text, text, text.length);
  }

  /**
   * Selects from the start of `from` to the end of `to` (on the same or a later line) as a person would: click before
   * the one, shift-click after the other. Returns the number of characters selected. With
   * `expectedLength`, falls back to the keyboard when the mouse selected something else.
   */
  async selectRange(from: string, to: string, expectedLength?: number): Promise<number> {
    const start = await this.textBox(this.editorLine(from), from);
    const end = await this.textBox(this.editorLine(to), to);
    await this.page.mouse.click(start.x + 1, start.y + start.height / 2);
    await this.page.keyboard.down('Shift');
    await this.page.mouse.click(end.x + end.width - 1, end.y + end.height / 2);
    await this.page.keyboard.up('Shift');
    await this.page.waitForTimeout(200);
    let selected = await this.selectedLength();
    if (expectedLength !== undefined && selected !== expectedLength) {
      await this.page.mouse.click(start.x + 1, start.y + start.height / 2);
      for (let i = 0; i < expectedLength; i++) await this.page.keyboard.press('Shift+ArrowRight');
      await this.page.waitForTimeout(200);
      selected = await this.selectedLength();
    }
    return selected;
  }

  /**
   * Screen box of `text` within a rendered editor line. Monaco re-renders lines while it settles
   * (a fresh tab, a scroll): a box measured on a line that was just replaced is empty, so measure until
   * the box is real and inside the editor.
   */
  private async textBox(line: Locator, text: string): Promise<{ x: number; y: number; width: number; height: number }> {
    const deadline = Date.now() + 10_000;
    // Only a position that two measurements agree on: lines still move while the editor lays out (a CodeLens
    // or the breadcrumbs drawn late), and a click meant for the text then lands on what took its place.
    let previous: { x: number; y: number; width: number; height: number } | undefined;
    for (;;) {
      await line.waitFor({ state: 'visible', timeout: 10_000 });
      const box = await this.measureText(line, text).catch(() => undefined);
      const editor = await this.activeEditor.boundingBox();
      if (box && editor && box.width > 0 && box.height > 0 && box.y >= editor.y && box.y + box.height <= editor.y + editor.height && box.x >= editor.x) {
        if (previous && previous.x === box.x && previous.y === box.y && previous.width === box.width) return box;
        previous = box;
        await this.page.waitForTimeout(150);
        continue;
      }
      previous = undefined;
      if (box && editor && box.height > 0) {
        // Rendered, but above or below what the editor shows (a panel took its place): scroll it into view, as a person would.
        await this.page.mouse.move(editor.x + editor.width / 2, editor.y + editor.height / 2);
        await this.page.mouse.wheel(0, box.y < editor.y ? -box.height * 4 : box.height * 4);
      }
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

  /** Selects the whole file in the active editor as a person would: click into it, Ctrl+A. */
  async selectAllInEditor(): Promise<number> {
    await this.activeEditor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+A');
    await this.page.waitForTimeout(200);
    return this.selectedLength();
  }

  /** Ctrl+G, the line number, Enter: the active editor scrolls to the line and puts the cursor on it. */
  async goToLine(line: number): Promise<void> {
    await this.activeEditor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input.input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`:${line}`);
    await input.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: 10_000 });
    await this.page.waitForTimeout(300);
  }

  /** Moves the mouse onto `text` in the active editor and waits for the editor's hover to show `ready`; its text. */
  async hoverOver(text: string, ready: RegExp, timeoutMs = 15_000): Promise<string> {
    const box = await this.textBox(this.editorLine(text), text);
    const hover = this.page.locator('.monaco-editor .monaco-hover .monaco-hover-content, .monaco-hover .hover-contents').filter({ visible: true });
    const read = async () => (await hover.allInnerTexts()).join('\n').replace(/\u00a0/g, ' ');
    return waitUntil(
      `the hover over "${text}" to show ${String(ready)}`,
      async () => {
        if (!(await hover.count())) {
          await this.page.mouse.move(box.x + box.width / 2 - 8, box.y + box.height / 2);
          await this.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
          await this.page.waitForTimeout(800);
        }
        return read();
      },
      (shown) => ready.test(shown),
      { timeoutMs, intervalMs: 300, show: (shown) => JSON.stringify(shown.slice(0, 300)) || 'no hover' },
    );
  }

  /** Opens the Problems panel and returns its rows as they read (file rows and marker rows, top to bottom). */
  async problems(ready: (rows: string[]) => boolean, timeoutMs = 15_000): Promise<string[]> {
    await this.runCommand('Problems: Focus on Problems View');
    const rows = this.panel.locator('.markers-panel .monaco-list-row');
    return waitUntil(
      'the Problems panel rows',
      async () => (await rows.allInnerTexts()).map((row) => row.replace(/\s+/g, ' ').trim()),
      ready,
      { timeoutMs, show: (found) => found.join(' | ') || 'no rows' },
    );
  }

  /** How many characters are selected, as the status bar's "Ln x, Col y (n selected)" item says. */
  async selectedLength(): Promise<number> {
    const items = await this.statusBarItems();
    const cursor = items.find((t) => /^Ln \d+, Col \d+/.test(t)) ?? '';
    return Number(/\((\d+) selected\)/.exec(cursor)?.[1] ?? 0);
  }

  /** Right-clicks `text` in the active editor (selecting it first when asked) and returns the menu's items. */
  async openEditorContextMenu(text: string): Promise<{ menu: Locator; items: string[] }> {
    // The extension draws a CodeLens line above the first ID of a file (every file right-clicked here holds
    // some). Drawn between measuring the text and the click, it takes the click, and runs its own command.
    await this.waitForCodeLens(PROSPECT_CODELENS);
    const rightClick = async () => {
      const box = await this.textBox(this.editorLine(text), text);
      await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
      return this.contextMenu();
    };
    // A line may still move just as the right-click lands (no menu then, or a picker the click opened): close
    // what it opened, and once more, measured again.
    return rightClick().catch(async () => {
      await this.page.keyboard.press('Escape');
      return rightClick();
    });
  }

  /** Waits (bounded) until the active editor shows a CodeLens whose text matches `title`. */
  async waitForCodeLens(title: RegExp, timeoutMs = 15_000): Promise<void> {
    await this.activeEditor.locator('.codelens-decoration').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: timeoutMs });
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

  /** Clicks the item labelled exactly `label` in the open context menu and waits for the menu to close. */
  async chooseContextMenuItem(label: string): Promise<void> {
    const { menu, items } = await this.contextMenu();
    const item = menu.locator('.action-item:not(.disabled) .action-label').filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }).first();
    if ((await item.count()) === 0) throw new Error(`The context menu has no enabled item "${label}"; it shows: ${items.join(' / ')}`);
    await item.hover();
    await item.click();
    // The workbench's menu can drop a click that lands while it is still settling (seen on a busy 2-core
    // machine); the hovered item is then the focused one, and Enter chooses it as a person would.
    const closed = await menu.waitFor({ state: 'hidden', timeout: 2_000 }).then(() => true, () => false);
    if (closed) return;
    const focused = (await menu.locator('.action-item.focused .action-label').allInnerTexts()).map((text) => text.trim());
    if (!focused.includes(label)) throw new Error(`The context menu stayed open after clicking "${label}" (focused: ${focused.join(', ') || 'nothing'})`);
    await this.page.keyboard.press('Enter');
    await menu.waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {
      throw new Error(`The context menu stayed open after clicking "${label}" and pressing Enter on it`);
    });
  }

  get quickInput(): Locator {
    return this.page.locator('.quick-input-widget');
  }

  /** What the open quick input shows (throws when none is open). */
  async quickInputState(): Promise<QuickInputState> {
    const widget = this.quickInput;
    if (!(await widget.isVisible())) throw new Error('No quick input is open');
    return widget.evaluate((el) => {
      const text = (selector: string) => ((el.querySelector(selector)?.textContent as string | undefined) ?? '').trim();
      const input = el.querySelector('.quick-input-box input');
      const count = el.querySelector('.quick-input-count');
      const progress = el.querySelector('.quick-input-progress');
      return {
        title: text('.quick-input-title'),
        value: (input?.value as string | undefined) ?? '',
        placeholder: (input?.getAttribute('placeholder') as string | null) ?? '',
        message: text('.quick-input-message'),
        selectedCount: count && count.offsetParent !== null ? (count.textContent as string).trim() : '',
        busy: Boolean(progress && !progress.classList.contains('done') && progress.offsetParent !== null && progress.classList.contains('active')),
      };
    });
  }

  /** Waits for a quick input whose title matches and which is no longer busy (a quick pick's items are in). */
  async waitForQuickInput(title: string | RegExp, timeoutMs = 15_000): Promise<QuickInputState> {
    const wanted = typeof title === 'string' ? new RegExp(`^${escapeRegExp(title)}`) : title;
    return waitUntil(
      `a quick input titled ${String(wanted)} (not busy)`,
      () => this.quickInputState(),
      (state) => wanted.test(state.title) && !state.busy,
      { timeoutMs, show: (state) => `"${state.title}"${state.busy ? ' (busy)' : ''}` },
    );
  }

  /** The rows the open quick pick shows (its list is virtual: only rows in view). */
  async quickPickItems(): Promise<QuickPickItem[]> {
    const rows = this.quickInput.locator('.quick-input-list .monaco-list-row');
    return rows.evaluateAll((els) =>
      els.map((row) => {
        const text = (selector: string) => ((row.querySelector(selector)?.textContent as string | undefined) ?? '').trim();
        const checkbox = row.querySelector('.quick-input-list-label .monaco-checkbox, .quick-input-list-label input[type=checkbox]');
        const checked = checkbox
          ? checkbox.getAttribute('aria-checked') === 'true' || checkbox.checked === true || checkbox.classList.contains('checked')
          : undefined;
        const lines = row.querySelectorAll('.quick-input-list-row');
        const detail = lines.length > 1 ? ((lines[1].textContent as string) ?? '').trim() : '';
        return { label: text('.quick-input-list-row .label-name'), description: text('.quick-input-list-row .label-description'), detail, checked };
      }),
    );
  }

  /** Replaces the quick input's text by typing `text` (Ctrl+A first, as a person would). */
  async typeInQuickInput(text: string): Promise<void> {
    const input = this.quickInput.locator('.quick-input-box input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.focus();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.type(text, { delay: 5 });
    await waitUntil(`the quick input to hold "${text}"`, () => input.inputValue(), (value) => value === text, { timeoutMs: 5_000 });
  }

  /**
   * Presses Enter in the open quick input and waits until it closes or turns into the next question
   * (another title). Fails with the quick input's message (e.g. a validation error) when it stays.
   */
  async acceptQuickInput(timeoutMs = 10_000): Promise<void> {
    const before = await this.quickInputState();
    await this.quickInput.locator('.quick-input-box input').press('Enter');
    await waitUntil(
      `the quick input "${before.title}" to accept Enter (close, or ask the next question)`,
      async () => ((await this.quickInput.isVisible()) ? this.quickInputState() : undefined),
      (state) => state === undefined || state.title !== before.title,
      { timeoutMs, show: (state) => (state ? `still "${state.title}" with the message "${state.message}"` : 'closed') },
    );
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

  /** The visible status bar items whose text contains `text`, with their codicons. */
  async statusBarItemsWith(text: string): Promise<StatusBarItem[]> {
    const items = await this.statusBar.locator('.statusbar-item').evaluateAll((els) =>
      els
        .filter((e) => (e as HTMLElement).offsetParent !== null)
        .map((e) => {
          const label = e.querySelector('.statusbar-item-label') ?? e;
          const icons: string[] = [];
          for (const icon of label.querySelectorAll('.codicon')) {
            for (const c of icon.classList as Iterable<string>) {
              if (c === 'codicon') continue;
              icons.push(c.startsWith('codicon-modifier-') ? c.slice('codicon-modifier-'.length) : c.replace(/^codicon-/, ''));
            }
          }
          return { id: e.id as string, text: ((label as HTMLElement).innerText as string).replace(/\s+/g, ' ').trim(), icons, ariaLabel: (e.getAttribute('aria-label') as string | null) ?? '' };
        }),
    );
    return items.filter((item) => item.text.includes(text));
  }

  /**
   * Waits until the status bar item containing `contains` matches `pattern` (and shows `icon`, when given).
   * The item is found by its text, as a person finds it.
   */
  async waitForStatusBarText(contains: string, pattern: RegExp, options: { icon?: string; timeoutMs?: number } = {}): Promise<StatusBarItem> {
    const items = await waitUntil(
      `a status bar item "${contains}" matching ${String(pattern)}${options.icon ? ` with the $(${options.icon}) icon` : ''}`,
      () => this.statusBarItemsWith(contains),
      (found) => found.some((item) => pattern.test(item.text) && (!options.icon || item.icons.includes(options.icon))),
      { timeoutMs: options.timeoutMs ?? 15_000, show: (found) => (found.length ? found.map((i) => `"${i.text}" [${i.icons.join(' ')}]`).join(', ') : `no item with "${contains}"`) },
    );
    return items.find((item) => pattern.test(item.text) && (!options.icon || item.icons.includes(options.icon)))!;
  }

  /** The notification toasts on screen, newest last. */
  async notifications(): Promise<Notification[]> {
    const items = this.page.locator('.notifications-toasts .notification-toast .notification-list-item').filter({ visible: true });
    return items.evaluateAll((els) =>
      els.map((el) => {
        const icon = el.querySelector('.notification-list-item-icon');
        const severity = !icon ? 'unknown' : icon.classList.contains('codicon-error') ? 'error' : icon.classList.contains('codicon-warning') ? 'warning' : icon.classList.contains('codicon-info') ? 'info' : 'unknown';
        return {
          message: ((el.querySelector('.notification-list-item-message')?.textContent as string | undefined) ?? '').trim(),
          severity,
          source: ((el.querySelector('.notification-list-item-source')?.textContent as string | undefined) ?? '').replace(/^Source:\s*/, '').trim(),
          buttons: [...el.querySelectorAll('.notification-list-item-buttons-container .monaco-button')].map((b) => ((b.textContent as string) ?? '').trim()),
        } as Notification;
      }),
    ).then((list) => list.reverse());
  }

  /** Waits for a notification toast whose message matches `pattern`. */
  async waitForNotification(pattern: RegExp, timeoutMs = 15_000): Promise<Notification> {
    const list = await waitUntil(
      `a notification matching ${String(pattern)}`,
      () => this.notifications(),
      (found) => found.some((n) => pattern.test(n.message)),
      { timeoutMs, show: (found) => (found.length ? found.map((n) => `${n.severity}: "${n.message}"`).join(' | ') : 'no notification') },
    );
    return list.find((n) => pattern.test(n.message))!;
  }

  /** The rows of a tree view in the side bar, top to bottom (only those rendered: the list is virtual). */
  async treeItems(viewName: string): Promise<TreeItem[]> {
    const rows = this.viewPane(viewName).locator('.pane-body .monaco-list-row[role="treeitem"]');
    const items = await rows.evaluateAll((els) =>
      els.map((row) => {
        const icon = row.querySelector('.custom-view-tree-node-item-icon');
        const icons: string[] = [];
        for (const c of (icon?.classList ?? []) as Iterable<string>) {
          if (c.startsWith('codicon-modifier-')) icons.push(c.slice('codicon-modifier-'.length));
          else if (c.startsWith('codicon-')) icons.push(c.slice('codicon-'.length));
        }
        const expanded = row.getAttribute('aria-expanded');
        return {
          index: Number(row.getAttribute('data-index')),
          label: ((row.querySelector('.label-name')?.textContent as string | undefined) ?? '').trim(),
          description: ((row.querySelector('.label-description')?.textContent as string | undefined) ?? '').trim(),
          level: Number(row.getAttribute('aria-level') ?? 1),
          expanded: expanded === null ? undefined : expanded === 'true',
          icons,
        };
      }),
    );
    return items.sort((a, b) => a.index - b.index).map(({ index: _index, ...item }) => item);
  }

  /** Waits until the view shows an item labelled `label` that satisfies `ready`. */
  async waitForTreeItem(viewName: string, label: string, ready: (item: TreeItem) => boolean = () => true, options: { what?: string; timeoutMs?: number } = {}): Promise<TreeItem> {
    const items = await waitUntil(
      `"${label}" in the ${viewName} view${options.what ? ` ${options.what}` : ''}`,
      () => this.treeItems(viewName),
      (found) => found.some((item) => item.label === label && ready(item)),
      { timeoutMs: options.timeoutMs ?? 15_000, show: (found) => (found.length ? found.map(describeTreeItem).join(' | ') : 'an empty view') },
    );
    return items.find((item) => item.label === label && ready(item))!;
  }

  /** The rows under a top-level item (those following it, one level deeper). */
  async treeChildren(viewName: string, label: string): Promise<TreeItem[]> {
    const items = await this.treeItems(viewName);
    const at = items.findIndex((item) => item.label === label);
    if (at < 0) return [];
    const children: TreeItem[] = [];
    for (const item of items.slice(at + 1)) {
      if (item.level <= items[at]!.level) break;
      if (item.level === items[at]!.level + 1) children.push(item);
    }
    return children;
  }

  /** Expands a tree item by clicking its twistie (unless it is expanded) and waits for its children. */
  async expandTreeItem(viewName: string, label: string, timeoutMs = 15_000): Promise<TreeItem[]> {
    const item = await this.waitForTreeItem(viewName, label);
    if (item.expanded === undefined) throw new Error(`"${label}" in the ${viewName} view cannot be expanded (it is a leaf)`);
    if (!item.expanded) {
      const row = this.viewPane(viewName).locator('.pane-body .monaco-list-row[role="treeitem"]', { has: this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) }).first();
      await row.locator('.monaco-tl-twistie').click();
    }
    return waitUntil(
      `"${label}" in the ${viewName} view to expand and show its children`,
      async () => ({ item: (await this.treeItems(viewName)).find((i) => i.label === label), children: await this.treeChildren(viewName, label) }),
      (state) => state.item?.expanded === true && state.children.length > 0,
      { timeoutMs, show: (state) => (state.item ? `${describeTreeItem(state.item)} with ${state.children.length} children` : 'the item is gone') },
    ).then((state) => state.children);
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

  /**
   * The whole text of the output channel shown in the panel, as a person would take it: click into the
   * output, select all, copy (the view draws only the lines in view).
   */
  async outputChannelText(): Promise<string> {
    const editor = this.panel.locator('.monaco-editor').first();
    await editor.waitFor({ state: 'visible', timeout: 10_000 }).catch(() => {
      throw new Error('No output is showing in the panel');
    });
    await this.page.evaluate(() => navigator.clipboard.writeText(''));
    await editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    const copied = await waitUntil('the output text on the clipboard', () => this.page.evaluate(() => navigator.clipboard.readText() as Promise<string>), (text) => text.length > 0, { timeoutMs: 5_000, show: () => 'an empty clipboard' });
    // Leave the selection: a collapsed cursor at the end.
    await this.page.keyboard.press('Control+End');
    return copied.replace(/\u00a0/g, ' ').replace(/\r\n/g, '\n');
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

  /** Drags the sash between the side bar and the editor so the side bar is `width` pixels wide. */
  async resizeSideBar(width: number): Promise<void> {
    const box = await this.sideBar.boundingBox();
    if (!box) throw new Error('The side bar is not showing');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width - 1, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width, y, { steps: 8 });
    await this.page.mouse.up();
    await waitUntil(`the side bar to be about ${width} px wide`, async () => (await this.sideBar.boundingBox())?.width ?? 0, (w) => Math.abs(w - width) < 30, { timeoutMs: 5_000, show: (w) => `${w} px` });
  }

  /** Moves the mouse where it shows no hover and waits out any tooltip. */
  async parkMouse(x = 700, y = 600): Promise<void> {
    await this.page.mouse.move(x, y);
    await this.page.waitForTimeout(300);
  }

  async screenshot(file: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await this.page.screenshot({ path: file, clip });
    return file;
  }
}

export function describeTreeItem(item: TreeItem): string {
  const indent = '  '.repeat(Math.max(0, item.level - 1));
  return `${indent}${item.label}${item.description ? ` (${item.description})` : ''}${item.icons.length ? ` [${item.icons.join(' ')}]` : ''}`;
}

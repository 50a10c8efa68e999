import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchBrowser, type BrowserSession } from '../../scripts/browser';
import { startCodeServer, type CodeServer } from '../../scripts/codeServer/server';
import { REPO_ROOT } from '../../scripts/paths';
import { withTimeout } from '../../scripts/processes';
import { TEST_TASK_SECONDS } from '../../scripts/stack';
import { CONTAINER_TITLE, ENGAGEMENT_PICK_TITLE, START_FROM_SELECTION_TITLE, TASK_NAME_TITLE, followTask, type FollowScene } from './scenes';
import { PROSPECT_CODELENS, waitUntil, type Notification, type QuickPickItem, type Workbench as WorkbenchType } from './workbench';
import { Workbench } from './workbench';

/**
 * A new user: no AWS environment variables, no ~/.aws (HOME is an empty folder), an empty project, and the
 * extension either from its development path or installed from the packaged .vsix with
 * `code-server --install-extension` (PARTNER_CENTRAL_E2E_VSIX=<file>, `npm run test:e2e:vsix`).
 */
export interface NewUserWorkbench {
  server: CodeServer;
  browser: BrowserSession;
  workbench: Workbench;
  home: string;
  /** The .vsix installed, or undefined for the development path. */
  vsix?: string;
  stop(): Promise<void>;
}

export const VSIX_ENV = 'PARTNER_CENTRAL_E2E_VSIX';
export const WALKTHROUGH_TITLE = 'Get started with Partner Central Prospecting';

export async function startNewUserWorkbench(vsix = process.env[VSIX_ENV]): Promise<NewUserWorkbench> {
  if (vsix && !fs.existsSync(vsix)) throw new Error(`No ${vsix}: run \`npm run package\` first (npm run test:e2e:vsix does).`);
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-new-user-'));
  const project = path.join(home, 'project');
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, 'README.md'), '# My project\n');
  const env: Record<string, string | undefined> = { HOME: home, PARTNER_CENTRAL_EMULATOR_TASK_SECONDS: String(TEST_TASK_SECONDS) };
  for (const key of Object.keys(process.env)) if (/^AWS_|^PARTNER_CENTRAL_EMULATOR_URL$/.test(key)) env[key] = undefined;
  const server = await startCodeServer({ env, installExtensions: vsix ? [vsix] : undefined });
  try {
    const browser = await launchBrowser({ headless: process.env.PARTNER_CENTRAL_HEADFUL !== '1' });
    const url = server.url({ folder: project, extensionDevelopmentPath: vsix ? undefined : REPO_ROOT });
    await browser.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const workbench = new Workbench(browser.page);
    await withTimeout(workbench.waitReady(), 120_000, 'the new user\'s workbench');
    return {
      server,
      browser,
      workbench,
      home,
      vsix,
      async stop() {
        await browser.close();
        await server.stop();
        fs.rmSync(home, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

export interface NewUserScene {
  /** The Prospecting Tasks view's welcome with no credentials, and its buttons and links. */
  welcome: string;
  welcomeActions: string[];
  walkthroughTitle: string;
  walkthroughSteps: string[];
  emulatorStarted: Notification;
  /** The untitled CSV, as shown in the editor. */
  sample: string[];
  pick: { title: string; items: QuickPickItem[] };
  follow: FollowScene;
  /** The finished task's context menu. */
  taskMenu: string[];
}

/** Takes a picture of the workbench (full, and the named clip for the walkthrough's step). */
export type Camera = (name: string, clip?: { x: number; y: number; width: number; height: number }) => Promise<void>;

function step(wb: WorkbenchType, id: string) {
  return wb.page.locator(`.gettingStartedContainer button.getting-started-step[data-step-id$="#${id}"]`).first();
}

/** Opens a walkthrough step (if it is not open) and clicks the button of its description labelled `label`. */
async function runStepButton(wb: WorkbenchType, id: string, label: string): Promise<void> {
  const container = step(wb, id);
  await container.waitFor({ state: 'visible', timeout: 15_000 });
  if ((await container.getAttribute('aria-expanded')) !== 'true') await container.click();
  const button = container.locator('.step-description-container').locator('.monaco-button, a', { hasText: label }).first();
  await button.waitFor({ state: 'visible', timeout: 10_000 });
  await button.click();
}

/**
 * From nothing to a finished task: the view without credentials offers the ways forward; Open Walkthrough;
 * its steps Use Local Emulator and Open Sample Engagements; the CSV's lines selected, right-click, Start
 * Prospecting Task from Selection; the task followed to its end in the status bar and the view.
 */
export async function newUserToFinishedTask(wb: WorkbenchType, taskName: string, shoot: Camera): Promise<NewUserScene> {
  // 1. The view: no error line, but what to do next.
  const sideBar = await wb.openViewContainer(CONTAINER_TITLE);
  const welcomeLocator = sideBar.locator('.welcome-view-content').first();
  const welcome = await waitUntil(
    'the Prospecting Tasks view to say no credentials were found',
    () => welcomeLocator.innerText().catch(() => ''),
    (text) => /No AWS credentials found/.test(text),
    { timeoutMs: 30_000, show: (text) => JSON.stringify(text.slice(0, 200)) || 'no welcome content' },
  );
  const welcomeActions = (await welcomeLocator.locator('.monaco-button, a').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
  await wb.parkMouse();
  await shoot('connect', { x: 0, y: 0, width: 350, height: 410 });

  // 2. Open Walkthrough.
  await welcomeLocator.locator('.monaco-button, a', { hasText: 'Open Walkthrough' }).first().click();
  const header = wb.page.locator('.gettingStartedContainer h2.category-title').filter({ visible: true }).first();
  await header.waitFor({ state: 'visible', timeout: 20_000 });
  const walkthroughTitle = (await header.innerText()).trim();
  const walkthroughSteps = (await wb.page.locator('.gettingStartedContainer button.getting-started-step h3.step-title').filter({ visible: true }).allInnerTexts()).map((t) => t.trim());
  await wb.parkMouse(1300, 800);
  await shoot('walkthrough');

  // 3. Step 1: Use Local Emulator.
  await runStepButton(wb, 'connect', 'Use Local Emulator');
  const emulatorStarted = await wb.waitForNotification(/now uses the local emulator/, 30_000);

  // 4. Step 2: Open Sample Engagements: an untitled CSV.
  await runStepButton(wb, 'sampleEngagements', 'Open Sample Engagements');
  const editor = wb.activeEditor;
  await editor.locator('.view-line', { hasText: 'engagement_id,title,expect' }).waitFor({ state: 'visible', timeout: 20_000 });
  await wb.page.waitForTimeout(300);
  const sample = (await editor.locator('.view-lines').innerText()).replace(/\u00a0/g, ' ').split('\n').map((l) => l.trimEnd()).filter(Boolean);
  await wb.parkMouse();
  await shoot('sample-engagements', { x: 0, y: 0, width: 1100, height: 520 });

  // 5. Step 3: select the last two lines that succeed and the first that fails, right-click, start.
  const failingAt = sample.findIndex((line) => /,fails \(/.test(line));
  if (failingAt < 3) throw new Error(`The sample has no failing engagement after two that succeed: ${sample.join(' | ')}`);
  const region = sample.slice(failingAt - 2, failingAt + 1);
  const from = region[0]!.slice(0, 18);
  const to = region[2]!;
  const text = region.join('\n');
  await wb.waitForCodeLens(PROSPECT_CODELENS); // it moves the lines below it: select only once it is drawn
  await wb.selectRange(from, to, text.length);
  await wb.openEditorContextMenu(from);
  await wb.chooseContextMenuItem(START_FROM_SELECTION_TITLE);
  const pickState = await wb.waitForQuickInput(ENGAGEMENT_PICK_TITLE);
  const items = await waitUntil('3 engagement rows with their titles', () => wb.quickPickItems(), (rows) => rows.length >= 3 && rows.every((r) => r.detail), { timeoutMs: 8_000 }).catch(() => wb.quickPickItems());
  await wb.parkMouse();
  await shoot('start-from-selection', { x: 0, y: 0, width: 1400, height: 420 });
  await wb.acceptQuickInput();
  await wb.waitForQuickInput(TASK_NAME_TITLE);
  await wb.typeInQuickInput(taskName);
  await wb.acceptQuickInput();

  // 6. Step 4: follow it to the end.
  const follow = await followTask(wb, taskName, 3, TEST_TASK_SECONDS, async () => {
    await wb.resizeSideBar(520);
    await wb.parkMouse(900, 300);
    await shoot('follow-task', { x: 0, y: 0, width: 1000, height: 560 });
  });

  // 7. Step 5: the finished task's context menu offers Export Results….
  const row = wb.viewPane('Prospecting Tasks').locator('.monaco-list-row[role="treeitem"]', { hasText: taskName }).first();
  await row.click({ button: 'right' });
  const { items: taskMenu } = await wb.contextMenu();
  await wb.parkMouse(1300, 800);
  await shoot('export-results', { x: 0, y: 0, width: 1000, height: 600 });
  await wb.closeContextMenu();
  return { welcome, welcomeActions, walkthroughTitle, walkthroughSteps, emulatorStarted, sample, pick: { title: pickState.title, items }, follow, taskMenu };
}

import * as fs from 'node:fs';
import * as path from 'node:path';
import { launchBrowser } from './browser';
import { SCREENSHOTS_DIR } from './paths';
import { runMain, withTimeout } from './processes';
import { TEST_TASK_SECONDS } from './stack';
import { startE2e } from '../test/e2e/fixture';
import { contextMenuOnSelection, followTask, launchFromSelection, openPartnerCentralView, regionOf, showLogFromPalette } from '../test/e2e/scenes';
import { Workbench } from '../test/e2e/workbench';

/**
 * `npm run screenshots`: regenerates the README's pictures in media/screenshots/ from the same scenes
 * the browser tests go through, in a fresh code-server with the emulator and the sample workspace.
 *
 *   npm run screenshots -- --url <workbench url> [--name npm-start]
 *       photographs an already running workbench (e.g. the one `npm start` prints) with the
 *       Partner Central view open (and --open <file>, default engagements.md), into media/screenshots/<name>.png
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const out = (name: string) => path.join(process.env.PARTNER_CENTRAL_SCREENSHOTS_DIR ?? SCREENSHOTS_DIR, `${name}.png`);

runMain(async () => {
  const url = option('--url');
  if (url) {
    const session = await launchBrowser();
    await session.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const workbench = new Workbench(session.page);
    await workbench.waitReady();
    const open = option('--open') ?? 'engagements.md';
    await workbench.openFile(open).catch((error: unknown) => console.warn(`could not open ${open}: ${String(error)}`));
    const scene = await withTimeout(openPartnerCentralView(workbench), 60_000, 'opening the Partner Central view');
    await session.page.waitForTimeout(500);
    const file = await workbench.screenshot(out(option('--name') ?? 'npm-start'));
    console.log(`${path.relative(process.cwd(), file)}: side bar "${scene.sideBarTitle}", welcome: ${JSON.stringify(scene.welcome.slice(0, 60))}...`);
    await session.close();
    return 0;
  }

  const { stack, browser, workbench } = await startE2e();
  const file = path.basename(stack.workspace.mainFile);
  const shots: string[] = [];

  // 1. The view, beside a sample file full of engagement ids.
  await workbench.openFile(file);
  await openPartnerCentralView(workbench);
  await browser.page.waitForTimeout(500);
  shots.push(await workbench.screenshot(out('partner-central-view')));

  // 2. Right-click on a selected id: the editor's context menu.
  const id = stack.workspace.known[0]!;
  await contextMenuOnSelection(workbench, file, id);
  await browser.page.waitForTimeout(300);
  shots.push(await workbench.screenshot(out('editor-context-menu')));
  await workbench.closeContextMenu();

  // 3. Partner Central: Show Log from the command palette.
  await showLogFromPalette(workbench);
  await browser.page.waitForTimeout(300);
  shots.push(await workbench.screenshot(out('show-log')));
  await workbench.page.keyboard.press('Control+J'); // hide the panel again

  // 4. Launch: two ids that succeed and one the emulator fails, selected in pipeline.csv; right-click,
  //    Start Prospecting Task from Selection: the quick pick lists them, all checked, with file:line.
  const { known, failing } = stack.workspace;
  const region = regionOf(stack.workspace.folder, 'pipeline.csv', known[known.length - 2]!, failing[0]!);
  await launchFromSelection(workbench, region, 'Q3 pipeline follow-up', async () => {
    shots.push(await workbench.screenshot(out('launch-quick-pick'), { x: 0, y: 0, width: 1400, height: 400 }));
  });

  // 5. Follow: the task runs in the status bar and Prospecting Tasks, then shows each engagement's outcome.
  await followTask(workbench, 'Q3 pipeline follow-up', region.ids.length, TEST_TASK_SECONDS, async () => {
    await workbench.resizeSideBar(500);
    await workbench.parkMouse(900, 300);
    shots.push(await workbench.screenshot(out('follow-task')));
  });

  await browser.close();
  await stack.stop();
  for (const shot of shots) console.log(`${path.relative(process.cwd(), shot)} (${Math.round(fs.statSync(shot).size / 1024)} KB)`);
  return 0;
});

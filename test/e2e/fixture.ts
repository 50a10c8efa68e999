import * as fs from 'node:fs';
import * as path from 'node:path';
import type * as Mocha from 'mocha';
import { launchBrowser, type BrowserSession } from '../../scripts/browser';
import { ensureCodeServer } from '../../scripts/codeServer/install';
import { CACHE_DIR, REPO_ROOT, TEST_RESULTS_DIR } from '../../scripts/paths';
import { cleanupAll, withTimeout } from '../../scripts/processes';
import { startStack, type Stack } from '../../scripts/stack';
import { Workbench } from './workbench';

/**
 * Mocha global fixture of the browser suites (.mocharc.e2e.json requires it): starts the emulator,
 * code-server and Chromium once, opens the workbench with the extension loaded from its development
 * path, and on every failed test keeps a screenshot and the logs (code-server's, the extension's
 * `Partner Central` channel) under test-results/e2e/<test>/.
 */
export interface E2eContext {
  stack: Stack;
  browser: BrowserSession;
  workbench: Workbench;
  url: string;
}

// Source maps without node flags: with --enable-source-maps mocha would run the suites in a child
// process, and signals would reach this one twice.
process.setSourceMapsEnabled(true);

let context: E2eContext | undefined;

export function e2e(): E2eContext {
  if (!context) throw new Error('The e2e fixture did not start (see the global setup error above)');
  return context;
}

export const E2E_RESULTS_DIR = path.join(TEST_RESULTS_DIR, 'e2e');

/** Starts the emulator, code-server and Chromium, and opens the workbench (3 minutes at most, once code-server is installed). */
export async function startE2e(options: { headless?: boolean; workspaceFolder?: string } = {}): Promise<E2eContext> {
  const bundle = path.join(REPO_ROOT, 'dist', 'extension.js');
  if (!fs.existsSync(bundle)) throw new Error(`Not built: ${bundle}. Run \`node esbuild.js\` (npm run test:e2e does).`);
  // A first run installs code-server into the cache (minutes, bounded by its own steps' timeouts): not part of starting.
  await ensureCodeServer();
  return withTimeout(openWorkbench(options), 180_000, 'starting code-server and the workbench');
}

async function openWorkbench(options: { headless?: boolean; workspaceFolder?: string }): Promise<E2eContext> {
  const started = Date.now();
  const stack = await startStack({ workspaceFolder: options.workspaceFolder ?? path.join(CACHE_DIR, 'sample-workspace-e2e') });
  const browser = await launchBrowser({ headless: options.headless ?? process.env.PARTNER_CENTRAL_HEADFUL !== '1' });
  const url = stack.server.url({ folder: stack.workspace.folder, extensionDevelopmentPath: REPO_ROOT });
  await browser.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
  const workbench = new Workbench(browser.page);
  await workbench.waitReady();
  console.log(`  [e2e] workbench ready on ${stack.server.baseUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return { stack, browser, workbench, url };
}

export async function mochaGlobalSetup(): Promise<void> {
  fs.rmSync(E2E_RESULTS_DIR, { recursive: true, force: true }); // only this run's failures
  context = await startE2e();
}

export async function mochaGlobalTeardown(): Promise<void> {
  await context?.browser.close();
  await context?.stack.stop();
  context = undefined;
  await cleanupAll();
}

function slug(title: string): string {
  return title.replace(/[^a-zA-Z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/** Keeps what a person needs to understand a failure. */
export async function keepFailureArtifacts(title: string): Promise<string | undefined> {
  if (!context) return undefined;
  const dir = path.join(E2E_RESULTS_DIR, slug(title));
  fs.mkdirSync(dir, { recursive: true });
  await context.workbench.screenshot(path.join(dir, 'screenshot.png')).catch(() => undefined);
  context.stack.server.collectLogs(dir);
  fs.writeFileSync(path.join(dir, 'status-bar.txt'), await context.workbench.statusBarText().catch((e: unknown) => String(e)));
  return dir;
}

export const mochaHooks: Mocha.RootHookObject = {
  async beforeEach() {
    await context?.workbench.dismissOverlays();
  },
  async afterEach(this: Mocha.Context) {
    const test = this.currentTest;
    if (test?.state !== 'failed') return;
    const dir = await keepFailureArtifacts(test.fullTitle());
    if (dir) console.log(`      [e2e] screenshot and logs kept in ${path.relative(REPO_ROOT, dir)}/`);
  },
};

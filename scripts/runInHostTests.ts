import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InHostResults } from '../test/integration/index';
import { launchBrowser } from './browser';
import { IN_HOST_TESTS_ENTRY, REPO_ROOT, TEST_RESULTS_DIR } from './paths';
import { runMain, waitForJsonFile } from './processes';
import { inHostFailure, printResults } from './inHostResults';
import { sharedAwsFiles } from './sharedAwsFiles';
import { startStack } from './stack';

/**
 * Runs the in-host suites (test/integration) inside code-server's real extension host:
 * installs code-server into the cache if needed, starts the emulator and code-server, opens the
 * workbench in Chromium with the extension's development path and the suites' entry in the URL
 * payload, waits for the JSON results that test/integration/index.ts writes, prints them and exits
 * non-zero on any failure or on a timeout. Everything started is ended on exit, failure or signal.
 *
 *   PARTNER_CENTRAL_TEST_GREP=<regexp>     run only matching tests
 *   PARTNER_CENTRAL_INHOST_TIMEOUT=<s>     overall wait for the results (default 240)
 *   PARTNER_CENTRAL_HEADFUL=1              show the browser (needs a display)
 */
const OUT_DIR = path.join(TEST_RESULTS_DIR, 'in-host');

function requireBuilt(): void {
  const missing = [path.join(REPO_ROOT, 'dist', 'extension.js'), IN_HOST_TESTS_ENTRY].filter((f) => !fs.existsSync(f));
  if (missing.length > 0) throw new Error(`Not built: ${missing.join(', ')}. Run \`node esbuild.js && npm run compile-tests\` (npm run test:integration does).`);
}

runMain(async () => {
  const started = Date.now();
  requireBuilt();
  fs.rmSync(OUT_DIR, { recursive: true, force: true }); // only this run's results and artifacts
  fs.mkdirSync(OUT_DIR, { recursive: true });
  const resultsFile = path.join(OUT_DIR, 'results.json');
  fs.rmSync(resultsFile, { force: true });
  const timeoutMs = Number(process.env.PARTNER_CENTRAL_INHOST_TIMEOUT ?? 240) * 1000;

  const stack = await startStack({
    env: {
      PARTNER_CENTRAL_TEST_RESULTS: resultsFile,
      PARTNER_CENTRAL_TEST_GREP: process.env.PARTNER_CENTRAL_TEST_GREP,
      ...sharedAwsFiles(path.join(OUT_DIR, 'aws')),
    },
  });
  console.log(`[in-host] code-server on ${stack.server.baseUrl} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  const session = await launchBrowser({ headless: process.env.PARTNER_CENTRAL_HEADFUL !== '1' });
  const pageErrors: string[] = [];
  session.page.on('pageerror', (error) => pageErrors.push(error.message));
  const url = stack.server.url({ folder: stack.workspace.folder, extensionDevelopmentPath: REPO_ROOT, extensionTestsPath: IN_HOST_TESTS_ENTRY });
  await session.page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });

  let results: InHostResults | undefined;
  let error: unknown;
  try {
    results = await waitForJsonFile<InHostResults>(resultsFile, timeoutMs, () => stack.server.isRunning() && !session.page.isClosed());
  } catch (e) {
    error = e;
  }
  const failure = inHostFailure(results);
  if (failure) {
    await session.page.screenshot({ path: path.join(OUT_DIR, 'workbench.png') }).catch(() => undefined);
    const logs = stack.server.collectLogs(OUT_DIR);
    if (pageErrors.length > 0) fs.writeFileSync(path.join(OUT_DIR, 'page-errors.txt'), pageErrors.join('\n'));
    console.log(`[in-host] kept a screenshot and logs in ${path.relative(REPO_ROOT, OUT_DIR)}/: ${['workbench.png', ...logs.map((l) => path.basename(l))].join(', ')}`);
  }
  await session.close();
  await stack.stop();
  if (results) printResults(results);
  if (error) {
    console.error(`[in-host] FAILED: ${error instanceof Error ? error.message : String(error)} (no results from the extension host; see ${path.relative(REPO_ROOT, OUT_DIR)}/)`);
  } else if (failure) {
    console.error(`[in-host] FAILED: ${failure}`);
  }
  console.log(`[in-host] wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return failure ? 1 : 0;
});

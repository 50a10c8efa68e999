import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { inHostFailure, printResults } from '../../scripts/inHostResults';
import { CACHE_DIR, IN_HOST_TESTS_ENTRY, REPO_ROOT, TEST_RESULTS_DIR } from '../../scripts/paths';
import { onCleanup, runMain, startGroup } from '../../scripts/processes';
import { sharedAwsFiles } from '../../scripts/sharedAwsFiles';
import { TEST_TASK_SECONDS, startEmulatorWithWorkspace } from '../../scripts/stack';
import { RESULTS_ENV, type InHostResults } from './index';

/**
 * `npm run test:desktop`: the same in-host suites in a desktop VS Code that @vscode/test-electron
 * downloads into .vscode-test/ (needs access to update.code.visualstudio.com, and a display: on a
 * headless Linux run it under `xvfb-run -a`). The emulator runs beside it, as with code-server.
 *
 *   VSCODE_TEST_VERSION=<version|stable|insiders>   default 1.100.3 (what code-server 4.100.3 ships)
 */
runMain(async () => {
  const started = Date.now();
  for (const f of [path.join(REPO_ROOT, 'dist', 'extension.js'), IN_HOST_TESTS_ENTRY]) {
    if (!fs.existsSync(f)) throw new Error(`Not built: ${f}. Run \`node esbuild.js && npm run compile-tests\`.`);
  }
  const version = process.env.VSCODE_TEST_VERSION ?? '1.100.3';
  let executable: string;
  try {
    executable = await downloadAndUnzipVSCode({ version, cachePath: CACHE_DIR, timeout: 60_000 });
  } catch (error) {
    throw new Error(
      `Could not download VS Code ${version} (${String(error)}). This runner needs the internet; ` +
        'on machines without it use `npm run test:integration` (code-server).',
    );
  }

  const { emulator, workspace } = await startEmulatorWithWorkspace(path.join(CACHE_DIR, 'sample-workspace-desktop'), {
    seed: 42,
    taskDurationSeconds: TEST_TASK_SECONDS,
  });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-vscode-desktop-'));
  onCleanup('desktop scratch folders', () => fs.rmSync(scratch, { recursive: true, force: true }));
  const resultsDir = path.join(TEST_RESULTS_DIR, 'in-host-desktop');
  fs.mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, 'results.json');
  fs.rmSync(resultsFile, { force: true });

  const args = [
    workspace.folder,
    '--no-sandbox',
    '--disable-gpu-sandbox',
    '--disable-updates',
    '--skip-welcome',
    '--skip-release-notes',
    '--disable-workspace-trust',
    '--disable-extensions',
    `--user-data-dir=${path.join(scratch, 'user-data')}`,
    `--extensions-dir=${path.join(scratch, 'extensions')}`,
    `--extensionDevelopmentPath=${REPO_ROOT}`,
    `--extensionTestsPath=${IN_HOST_TESTS_ENTRY}`,
  ];
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...emulator.env,
    PARTNER_CENTRAL_EMULATOR_TASK_SECONDS: String(TEST_TASK_SECONDS),
    [RESULTS_ENV]: resultsFile,
    ...sharedAwsFiles(path.join(resultsDir, 'aws')),
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  // Own process group: Ctrl-C or a failure here ends VS Code and all its helpers.
  const vscode = startGroup('VS Code (desktop)', executable, args, { stdio: 'inherit', env });
  const timeoutMs = Number(process.env.PARTNER_CENTRAL_INHOST_TIMEOUT ?? 300) * 1000;
  const timer = setTimeout(() => {
    console.error(`[desktop] timed out after ${timeoutMs / 1000} s`);
    void vscode.stop(2000);
  }, timeoutMs);
  const code = await vscode.exited;
  clearTimeout(timer);
  await vscode.stop(2000);
  await emulator.emulator.close();
  const results = fs.existsSync(resultsFile) ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as InHostResults) : undefined;
  if (results) printResults(results);
  const failure = inHostFailure(results);
  if (failure) console.error(`[desktop] FAILED: ${failure}`);
  console.log(`[desktop] VS Code exited with ${code}; wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return code === 0 && !failure ? 0 : 1;
});

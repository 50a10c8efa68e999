import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import type * as vscodeApi from 'vscode';

/**
 * Entry of the in-host suites: VS Code's extension host (desktop via @vscode/test-electron, or
 * code-server's remote extension host via the URL payload) calls `run()` after the extension under
 * development is loaded. It runs every compiled suite: each *.test.js file below out/test/integration.
 *
 * code-server's workbench does not exit when run() ends, so when PARTNER_CENTRAL_TEST_RESULTS names a
 * file, the results (passes, failures with titles and messages) are written there as JSON for the
 * runner (scripts/runInHostTests.ts) that waits for it.
 */
export interface InHostTestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
  stack?: string;
}

export interface InHostResults {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: InHostTestResult[];
  /** Set when the suites could not even be loaded or run. */
  fatal?: string;
  vscodeVersion?: string;
  remoteName?: string;
}

export const RESULTS_ENV = 'PARTNER_CENTRAL_TEST_RESULTS';

function findTests(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...findTests(full));
    else if (entry.name.endsWith('.test.js')) out.push(full);
  }
  return out.sort();
}

function writeResults(results: InHostResults): void {
  const file = process.env[RESULTS_ENV];
  if (!file) return;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(results, null, 2));
  fs.renameSync(tmp, file); // atomic: the runner never reads half a file
}

export async function run(): Promise<void> {
  const started = Date.now();
  const tests: InHostTestResult[] = [];
  let vscodeVersion: string | undefined;
  let remoteName: string | undefined;
  try {
    // Loaded lazily: this module is also imported (for its types) outside the extension host.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const vscode = require('vscode') as typeof vscodeApi;
    vscodeVersion = vscode.version;
    remoteName = vscode.env.remoteName;
  } catch {
    // not inside VS Code
  }
  const mocha = new Mocha({
    ui: 'tdd',
    color: true,
    timeout: Number(process.env.PARTNER_CENTRAL_TEST_TIMEOUT ?? 30_000),
    // When the runner collects results through the file, keep the host's console quiet but useful.
    reporter: 'spec',
  });
  const grep = process.env.PARTNER_CENTRAL_TEST_GREP;
  if (grep) mocha.grep(grep);
  try {
    for (const file of findTests(__dirname)) mocha.addFile(file);
    const failures = await new Promise<number>((resolve, reject) => {
      try {
        const runner = mocha.run((count) => resolve(count));
        const title = (test: Mocha.Runnable) => test.titlePath().join(' › ');
        runner.on('pass', (test) => tests.push({ title: title(test), state: 'passed', durationMs: test.duration }));
        runner.on('pending', (test) => tests.push({ title: title(test), state: 'pending' }));
        runner.on('fail', (test, error: Error) =>
          tests.push({ title: title(test), state: 'failed', durationMs: test.duration, error: error?.message ?? String(error), stack: error?.stack }),
        );
      } catch (error) {
        reject(error);
      }
    });
    const results: InHostResults = {
      passes: tests.filter((t) => t.state === 'passed').length,
      failures: tests.filter((t) => t.state === 'failed').length,
      pending: tests.filter((t) => t.state === 'pending').length,
      durationMs: Date.now() - started,
      tests,
      vscodeVersion,
      remoteName,
    };
    writeResults(results);
    if (failures > 0) throw new Error(`${failures} in-host test(s) failed.`);
  } catch (error) {
    if (!fs.existsSync(process.env[RESULTS_ENV] ?? '/nonexistent')) {
      writeResults({
        passes: tests.filter((t) => t.state === 'passed').length,
        failures: Math.max(1, tests.filter((t) => t.state === 'failed').length),
        pending: 0,
        durationMs: Date.now() - started,
        tests,
        fatal: error instanceof Error ? (error.stack ?? error.message) : String(error),
        vscodeVersion,
        remoteName,
      });
    }
    throw error;
  }
}

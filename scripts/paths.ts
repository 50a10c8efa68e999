import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root: the nearest folder above this file whose package.json is the extension's. */
function findRepoRoot(): string {
  let dir = __dirname;
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest)) {
      try {
        const pkg = JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string };
        if (pkg.name === 'partner-central-prospecting') return dir;
      } catch {
        // keep walking
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`Cannot find the repository root above ${__dirname}`);
    dir = parent;
  }
}

export const REPO_ROOT = findRepoRoot();
/** Cache and scratch space (ignored by git). */
export const CACHE_DIR = path.join(REPO_ROOT, '.vscode-test');
export const TEST_RESULTS_DIR = path.join(REPO_ROOT, 'test-results');
export const SCREENSHOTS_DIR = path.join(REPO_ROOT, 'media', 'screenshots');
/** Compiled in-host suites' entry (tsc -p tsconfig.test.json). */
export const IN_HOST_TESTS_ENTRY = path.join(REPO_ROOT, 'out', 'test', 'integration', 'index.js');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Debian's ripgrep, linked into code-server's @vscode/ripgrep instead of a download. */
export const RIPGREP_PATH = process.env.RIPGREP_PATH ?? '/usr/bin/rg';

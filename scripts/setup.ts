import { runMain } from './processes';
import { ensureSystem } from './systemSetup/ensure';
import type { Purpose } from './systemSetup/plan';

/**
 * `npm run setup`: checks what the in-host and browser suites (or `npm start`) need from the system and
 * installs what is missing; `npm run test:integration`, `test:e2e` and `npm start` run the same check.
 *
 *   npm run setup                        for the test suites: Chromium, ripgrep, code-server's build tools, code-server
 *   npm run setup -- --for code-server   for `npm start` in code-server (no Chromium)
 *   npm run setup -- --dry-run           only print what would be installed
 */
const PURPOSES: Purpose[] = ['tests', 'code-server', 'desktop'];

runMain(async () => {
  const i = process.argv.indexOf('--for');
  const purpose = i >= 0 ? process.argv[i + 1] : 'tests';
  if (!PURPOSES.includes(purpose as Purpose)) {
    console.error(`--for must be one of ${PURPOSES.join(', ')}, got "${purpose ?? ''}"`);
    return 2;
  }
  return (await ensureSystem(purpose as Purpose, { dryRun: process.argv.includes('--dry-run') })) ? 0 : 1;
});

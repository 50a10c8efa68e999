import * as fs from 'node:fs';
import * as path from 'node:path';
import { CACHE_DIR, RIPGREP_PATH } from '../paths';
import { run, runMain, sleep } from '../processes';

/**
 * Installs code-server into the cache (.vscode-test/code-server-<version>) without internet beyond the
 * npm registry, following docs/real-vscode-harness.md: its own postinstall refuses root and downloads
 * ripgrep from GitHub, so its steps are done here by hand. Idempotent (a marker file is written only
 * after every step succeeded) and guarded by a lock folder so two runs never install at once.
 */
export const CODE_SERVER_VERSION = '4.100.3';
export const CODE_SERVER_DIR = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_PACKAGE = path.join(CODE_SERVER_DIR, 'node_modules', 'code-server');
export const CODE_SERVER_ENTRY = path.join(CODE_SERVER_PACKAGE, 'out', 'node', 'entry.js');
const MARKER = path.join(CODE_SERVER_DIR, '.installed');
const LOCK = path.join(CACHE_DIR, `code-server-${CODE_SERVER_VERSION}.lock`);

export function isCodeServerInstalled(): boolean {
  return fs.existsSync(MARKER) && fs.existsSync(CODE_SERVER_ENTRY);
}

/** Environment for the nested npm runs: nothing of an outer `npm run` may point them at the repository. */
function npmEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  for (const key of Object.keys(env)) {
    if (/^npm_(config_(local_prefix|prefix|global|save.*|omit|include|workspaces?)|package_.*|lifecycle_.*)$/i.test(key)) delete env[key];
  }
  return env;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function acquireLock(timeoutMs: number): Promise<() => void> {
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  const deadline = Date.now() + timeoutMs;
  let told = false;
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return () => fs.rmSync(LOCK, { recursive: true, force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock whose owner died is stale.
    let owner = NaN;
    try {
      owner = Number(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'));
    } catch {
      // being written right now, or left empty by a crash
    }
    const age = Date.now() - (fs.statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if ((Number.isFinite(owner) && owner > 0 && !pidAlive(owner)) || (!Number.isFinite(owner) && age > 30_000)) {
      fs.rmSync(LOCK, { recursive: true, force: true });
      continue;
    }
    if (!told) {
      console.log(`[code-server] another run (pid ${owner}) is installing code-server; waiting for it...`);
      told = true;
    }
    if (Date.now() > deadline) throw new Error(`Timed out waiting for the install lock ${LOCK}`);
    await sleep(1000);
  }
}

function link(target: string, at: string): void {
  fs.rmSync(at, { force: true, recursive: true });
  fs.symlinkSync(target, at);
}

/** Ensures code-server is installed in the cache and returns its entry script. */
export async function ensureCodeServer(): Promise<string> {
  if (isCodeServerInstalled()) return CODE_SERVER_ENTRY;
  const release = await acquireLock(20 * 60_000);
  try {
    if (isCodeServerInstalled()) return CODE_SERVER_ENTRY; // installed by the run we waited for
    if (!fs.existsSync(RIPGREP_PATH)) throw new Error(`ripgrep not found at ${RIPGREP_PATH} (\`npm run setup\` installs it)`);
    const started = Date.now();
    console.log(`[code-server] installing code-server ${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about 2-3 minutes, once)...`);
    fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
    fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
    // Its own package.json, so npm does not walk up to the repository's.
    fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));
    const env = npmEnv();
    const timeoutMs = 15 * 60_000;
    // 1. the package, without its root-refusing, GitHub-downloading postinstall
    await run('npm', ['install', '--prefix', CODE_SERVER_DIR, '--ignore-scripts', '--no-audit', '--no-fund', '--no-save', `code-server@${CODE_SERVER_VERSION}`], { cwd: CODE_SERVER_DIR, env, timeoutMs });
    // 2. the VS Code server's own dependencies
    const vscodeDir = path.join(CODE_SERVER_PACKAGE, 'lib', 'vscode');
    await run('npm', ['install', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: vscodeDir, env, timeoutMs });
    // 3. Debian's ripgrep instead of a download (the package's postinstall skips when bin/ exists)
    const rgBin = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
    fs.mkdirSync(rgBin, { recursive: true });
    link(RIPGREP_PATH, path.join(rgBin, 'rg'));
    // 4. native modules (node-pty, spdlog, ...); npm_config_yes answers npx node-gyp's prompt
    await run('npm', ['rebuild'], { cwd: vscodeDir, env, timeoutMs });
    // ... and code-server's own native module (password hashing; loaded at start even with --auth none).
    // Only this one: a plain `npm rebuild` there would run code-server's root-refusing postinstall.
    await run('npm', ['rebuild', 'argon2'], { cwd: CODE_SERVER_DIR, env, timeoutMs });
    // 5. links the release build would have made
    link('node_modules', path.join(vscodeDir, 'node_modules.asar'));
    const remoteCli = path.join(vscodeDir, 'bin', 'remote-cli');
    if (fs.existsSync(path.join(remoteCli, 'code-linux.sh'))) link('code-linux.sh', path.join(remoteCli, 'code-server'));
    const helpers = path.join(vscodeDir, 'bin', 'helpers');
    if (fs.existsSync(path.join(helpers, 'browser-linux.sh'))) link('browser-linux.sh', path.join(helpers, 'browser.sh'));
    if (!fs.existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server installed but ${CODE_SERVER_ENTRY} is missing`);
    fs.writeFileSync(MARKER, JSON.stringify({ version: CODE_SERVER_VERSION, installedAt: new Date().toISOString(), seconds: Math.round((Date.now() - started) / 1000) }));
    console.log(`[code-server] installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return CODE_SERVER_ENTRY;
  } finally {
    release();
  }
}

if (require.main === module) {
  runMain(async () => {
    const entry = await ensureCodeServer();
    console.log(`[code-server] ready: ${entry}`);
  });
}

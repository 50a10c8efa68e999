import { spawnSync, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CACHE_DIR, REPO_ROOT } from './paths';
import { isShuttingDown, killGroup, onCleanup, runMain, sleep, startGroup } from './processes';
import { startEmulatorWithWorkspace } from './stack';
import { startCodeServer } from './codeServer/server';
import { ensureSystem } from './systemSetup/ensure';

/**
 * `npm start`: the extension in a real VS Code against the local emulator, with a sample workspace
 * generated from the emulator's own ids (plus malformed and unknown ones).
 *
 *   npm start                      desktop VS Code if `code` is on PATH, else code-server on a loopback URL
 *   npm start -- --code-server     always code-server (installs it into .vscode-test/ if missing)
 *   npm start -- --desktop         always desktop VS Code (`code` must be on PATH)
 *   npm start -- --port 8080       code-server's port (default: a free one)
 *   npm start -- --task-seconds 10 how long the emulator's prospecting tasks run (default 20)
 *
 * Before starting anything it checks what code-server needs from the system and installs what is
 * missing (scripts/systemSetup/); desktop VS Code needs nothing.
 *
 * Ctrl-C stops everything it started: the emulator, code-server (and its children) or the desktop
 * window it opened with its own throwaway profile.
 */
function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(name);

function numberOption(name: string, fallback: number, min: number, max: number, integer = false): number {
  const text = option(name);
  if (text === undefined) return fallback;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || (integer && !Number.isInteger(value)) || value < min || value > max) {
    throw new Error(`${name} must be a${integer ? ' whole' : ''} number from ${min} to ${max}, got "${text}"`);
  }
  return value;
}

/** The desktop `code` CLI, unless it is the remote CLI of the VS Code this terminal runs in. */
function desktopCode(): string | undefined {
  if (process.env.VSCODE_IPC_HOOK_CLI) return undefined; // inside a remote/code-server terminal
  const found = spawnSync(process.platform === 'win32' ? 'where' : 'which', ['code'], { encoding: 'utf8' });
  const first = found.status === 0 ? found.stdout.split(/\r?\n/)[0]?.trim() : undefined;
  if (!first || /remote-cli|code-server/.test(fs.realpathSync(first))) return undefined;
  return first;
}

/** Pids of processes whose command line holds `marker` (the desktop window's unique profile folder). */
function pidsWith(marker: string): number[] {
  try {
    return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.includes(marker))
      .map((line) => Number(line.trim().split(/\s+/)[0]))
      .filter((pid) => Number.isInteger(pid) && pid !== process.pid);
  } catch {
    return [];
  }
}

runMain(async () => {
  const mode = flag('--code-server') ? 'code-server' : flag('--desktop') ? 'desktop' : desktopCode() ? 'desktop' : 'code-server';
  const taskSeconds = numberOption('--task-seconds', 20, 0, 86_400);
  const port = option('--port') === undefined ? undefined : numberOption('--port', 0, 1, 65_535, true);
  // Before anything is started: the system packages and code-server (desktop VS Code needs neither).
  if (!(await ensureSystem(mode === 'desktop' ? 'desktop' : 'code-server'))) return 1;
  const { emulator, workspace } = await startEmulatorWithWorkspace(path.join(CACHE_DIR, 'sample-workspace'), { taskDurationSeconds: taskSeconds });
  const env = emulator.env;

  console.log('');
  console.log(`  Emulator:   ${emulator.emulator.endpoint}  (Sandbox; access key ${emulator.credentials.accessKeyId})`);
  console.log(`  Workspace:  ${workspace.folder}  (${workspace.known.length} known, ${workspace.failing.length} failing, ${workspace.malformed.length} malformed, ${workspace.unknown.length} unknown ids)`);

  if (mode === 'desktop') {
    const code = desktopCode();
    if (!code) throw new Error('`code` is not on PATH (install the shell command from VS Code), or use `npm start -- --code-server`.');
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-start-desktop-'));
    onCleanup('desktop profile folder', () => fs.rmSync(profile, { recursive: true, force: true }));
    const args = [
      '--new-window',
      '--wait',
      `--user-data-dir=${path.join(profile, 'user-data')}`,
      `--extensions-dir=${path.join(profile, 'extensions')}`,
      '--disable-workspace-trust',
      `--extensionDevelopmentPath=${REPO_ROOT}`,
      workspace.folder,
    ];
    const processEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const [key, value] of Object.entries(env)) {
      if (value === undefined) delete processEnv[key];
      else processEnv[key] = value;
    }
    const vscode = startGroup('VS Code (desktop)', code, args, { stdio: 'inherit', env: processEnv });
    // The CLI hands the window to a separate Electron process: end that one too, found by its profile.
    onCleanup('VS Code (desktop) window', () => {
      for (const pid of pidsWith(profile)) killGroup(pid, 'SIGTERM');
    });
    console.log(`  VS Code:    desktop (${code}), extension from ${REPO_ROOT}`);
    console.log('\n  Close the window or press Ctrl-C to stop everything.\n');
    await vscode.exited;
    if (isShuttingDown()) await sleep(60_000);
    return 0;
  }

  const server = await startCodeServer({ env, port, echo: flag('--verbose') });
  const url = server.url({ folder: workspace.folder, extensionDevelopmentPath: REPO_ROOT });
  fs.writeFileSync(path.join(CACHE_DIR, 'start-url.txt'), `${url}\n`);
  console.log(`  VS Code:    code-server (VS Code in the browser), extension from ${REPO_ROOT}`);
  console.log(`\n  Open:       ${url}\n`);
  console.log('  (also in .vscode-test/start-url.txt; the Partner Central icon is in the activity bar on the left)');
  console.log('  Press Ctrl-C to stop the emulator and code-server.\n');
  const code = await server.exited;
  if (isShuttingDown()) {
    await sleep(60_000); // the signal handler ends the process
    return 0;
  }
  console.error(`code-server exited (${code}); see its log ${server.logFile}`);
  return 1;
});

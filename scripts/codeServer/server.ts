import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ensureCodeServer } from './install';
import { freePort, onCleanup, startGroup, waitForHttp } from '../processes';

export interface CodeServerOptions {
  /** Extra environment for the server and so for its extension host (emulator endpoint, credentials, ...). */
  env?: Record<string, string | undefined>;
  /** User settings written to <user-data-dir>/User/settings.json. */
  settings?: Record<string, unknown>;
  /** Print the server's output to this process's stderr (otherwise it only goes to `logFile`). */
  echo?: boolean;
  /** Loopback port (default: a free one). */
  port?: number;
  /**
   * .vsix files installed with `--install-extension` before the server starts, as a user installs them
   * (the packaged extension, not the development path: open the workbench without extensionDevelopmentPath).
   */
  installExtensions?: string[];
}

interface WorkbenchUrlOptions {
  /** Folder to open (absolute path on this machine). */
  folder?: string;
  /** Load the extension from this folder in development mode (defaults to none). */
  extensionDevelopmentPath?: string;
  /** Compiled in-host test entry whose exported run() the extension host calls. */
  extensionTestsPath?: string;
}

export interface CodeServer {
  baseUrl: string;
  /** code-server's own stdout/stderr. */
  logFile: string;
  isRunning(): boolean;
  /** Resolves when the server exits (with its exit code). */
  exited: Promise<number | null>;
  /** The workbench URL; development and test paths go through the URL payload. */
  url(options?: WorkbenchUrlOptions): string;
  /** Copies code-server's log and the extension's logs into `dir`. */
  collectLogs(dir: string): string[];
  stop(): Promise<void>;
}

const DEFAULT_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'chat.disableAIFeatures': true,
  'window.commandCenter': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
};

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, out);
    else out.push(full);
  }
  return out;
}

/** Environment without the variables of an enclosing VS Code / npm run that would confuse the server. */
function cleanEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VSCODE_|ELECTRON_|npm_)/.test(key)) continue;
    env[key] = value;
  }
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Starts code-server (installing it into the cache first if needed) on a free loopback port. */
export async function startCodeServer(options: CodeServerOptions = {}): Promise<CodeServer> {
  const entry = await ensureCodeServer();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-code-server-'));
  const userDataDir = path.join(root, 'user-data');
  const extensionsDir = path.join(root, 'extensions');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.mkdirSync(extensionsDir, { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...DEFAULT_SETTINGS, ...options.settings }, null, 2));
  const logFile = path.join(root, 'code-server.log');
  const log = fs.createWriteStream(logFile);

  for (const vsix of options.installExtensions ?? []) {
    const args = [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix)];
    const output = execFileSync(process.execPath, args, { cwd: root, env: cleanEnv({ ...options.env, XDG_RUNTIME_DIR: root }), encoding: 'utf8', timeout: 120_000 });
    log.write(output);
    if (!/successfully installed/i.test(output)) throw new Error(`code-server --install-extension ${vsix} did not report success: ${output.trim()}`);
  }

  const port = options.port ?? (await freePort());
  const baseUrl = `http://127.0.0.1:${port}`;
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--log', 'info',
  ];
  const started = startGroup('code-server', process.execPath, args, {
    cwd: root,
    // XDG_RUNTIME_DIR: VS Code's IPC sockets go into the throwaway folder, removed with it.
    env: cleanEnv({ ...options.env, PORT: undefined, XDG_RUNTIME_DIR: root }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let running = true;
  void started.exited.then(() => {
    running = false;
  });
  for (const stream of [started.child.stdout, started.child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (options.echo) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, '[code-server] '));
    });
  }
  const removeFolders = () => {
    log.end();
    fs.rmSync(root, { recursive: true, force: true });
  };
  // Registered after the process, so it runs first at cleanup: stop the server, then remove its folders
  // (removing them under a running server would let it recreate some).
  const unregister = onCleanup('code-server and its folders', async () => {
    await started.stop(5000);
    removeFolders();
  });

  const server: CodeServer = {
    baseUrl,
    logFile,
    isRunning: () => running,
    exited: started.exited,
    url(urlOptions: WorkbenchUrlOptions = {}) {
      const params = new URLSearchParams();
      if (urlOptions.folder) params.set('folder', urlOptions.folder);
      const payload: [string, string][] = [];
      const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
      if (urlOptions.extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(urlOptions.extensionDevelopmentPath)]);
      if (urlOptions.extensionTestsPath) payload.push(['extensionTestsPath', remote(urlOptions.extensionTestsPath)]);
      if (payload.length > 0) params.set('payload', JSON.stringify(payload));
      const query = params.toString();
      return `${baseUrl}/${query ? `?${query}` : ''}`;
    },
    collectLogs(dir: string) {
      fs.mkdirSync(dir, { recursive: true });
      const copied: string[] = [];
      const copy = (from: string, name: string) => {
        try {
          const to = path.join(dir, name);
          fs.copyFileSync(from, to);
          copied.push(to);
        } catch {
          // not there (yet)
        }
      };
      copy(logFile, 'code-server.log');
      const logs = path.join(userDataDir, 'logs');
      const files = fs.existsSync(logs) ? walk(logs) : [];
      files.filter((f) => f.endsWith('Partner Central.log')).forEach((f, i) => copy(f, i === 0 ? 'Partner Central.log' : `Partner Central-${i}.log`));
      files.filter((f) => /exthost\.log$/.test(f)).forEach((f, i) => copy(f, `exthost-${i}.log`));
      return copied;
    },
    async stop() {
      await started.stop(5000);
      removeFolders();
      unregister();
    },
  };

  try {
    await waitForHttp(`${baseUrl}/healthz`, 60_000, () => running);
  } catch (error) {
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-3000) : '';
    await server.stop();
    throw new Error(`code-server did not start: ${String(error)}\n${tail}`);
  }
  return server;
}

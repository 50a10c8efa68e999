import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';

/**
 * Every process (group) and resource the scripts start is registered here, so that it is ended on
 * normal exit, on a failure, on SIGINT/SIGTERM/SIGHUP and on an uncaught error. Children are spawned
 * detached (their own process group) and killed with kill(-pid), so their own children die too.
 */
type Cleanup = { name: string; run: () => Promise<void> | void };

const cleanups: Cleanup[] = [];
let handlersInstalled = false;
let cleaningUp: Promise<void> | undefined;

export function onCleanup(name: string, run: () => Promise<void> | void): () => void {
  installHandlers();
  const entry = { name, run };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

let shuttingDown = false;

/** True once a signal or an uncaught error started the shutdown. */
export function isShuttingDown(): boolean {
  return shuttingDown;
}

/** Runs every registered cleanup, newest first; safe to call more than once. */
export function cleanupAll(): Promise<void> {
  cleaningUp ??= (async () => {
    while (cleanups.length > 0) {
      const entry = cleanups.pop()!;
      try {
        await withTimeout(Promise.resolve(entry.run()), 10_000, `cleanup of ${entry.name}`);
      } catch (error) {
        console.error(`[cleanup] ${entry.name}: ${String(error)}`);
      }
    }
  })().finally(() => {
    cleaningUp = undefined;
  });
  return cleaningUp;
}

/** Synchronous last resort (process 'exit'): SIGKILL every group still registered. */
const liveGroups = new Set<number>();

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  // process.on, not once: a second signal (mocha's wrapper forwards SIGINT and adds SIGTERM; an impatient
  // Ctrl-C) must not fall back to the default action, which would exit without ending anything.
  const onSignal = (signal: NodeJS.Signals) => {
    if (shuttingDown) {
      console.error(`[processes] ${signal}: still stopping...`);
      return;
    }
    shuttingDown = true;
    console.error(`\n[processes] ${signal}: stopping everything that was started...`);
    void cleanupAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  process.on('uncaughtException', (error) => {
    console.error('[processes] uncaught exception:', error);
    void cleanupAll().finally(() => process.exit(1));
  });
  process.on('unhandledRejection', (reason) => {
    console.error('[processes] unhandled rejection:', reason);
    void cleanupAll().finally(() => process.exit(1));
  });
  process.on('exit', () => {
    for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  });
}

export function killGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export interface Started {
  child: ChildProcess;
  /** Resolves with the exit code (or null when killed by a signal). */
  exited: Promise<number | null>;
  /** SIGTERM to the whole group, SIGKILL after `graceMs` if anything in it is still alive. */
  stop(graceMs?: number): Promise<void>;
}

/**
 * Last line of defence for what no handler can catch (this process SIGKILLed): one detached watcher for all
 * groups, told each group on its stdin. Its stdin closes when this process is gone, however it ended; it then
 * ends every group it was told of that is still alive.
 */
const WATCHER = `
const groups = new Set();
// "123" watches group 123; "-123" forgets it (it ended: its number may be reused).
process.stdin.on('data', (chunk) => {
  for (const word of String(chunk).split(/\\s+/).filter(Boolean)) {
    const pid = Number(word);
    if (pid > 0) groups.add(pid); else groups.delete(-pid);
  }
});
process.stdin.on('end', () => {
  if (groups.size === 0) process.exit(0);
  const kill = (signal) => { for (const group of groups) { try { process.kill(-group, signal); } catch {} } };
  kill('SIGTERM');
  setTimeout(() => { kill('SIGKILL'); process.exit(0); }, 3000);
});
`;

let watcher: ChildProcess | undefined;

/** Tells the watcher of a group (`watch`) or that it ended; best effort. */
function tellWatcher(group: number, watch: boolean): void {
  try {
    if (!watcher) {
      if (!watch) return;
      watcher = spawn(process.execPath, ['-e', WATCHER], { detached: true, stdio: ['pipe', 'ignore', 'ignore'] });
      watcher.on('error', () => undefined);
      watcher.stdin?.on('error', () => undefined);
      watcher.unref();
      (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
    }
    watcher.stdin?.write(`${watch ? group : -group}\n`);
  } catch {
    // best effort
  }
}

/** Spawns `command` in its own process group and registers it for cleanup. */
export function startGroup(name: string, command: string, args: string[], options: SpawnOptions = {}): Started {
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`Could not start ${name} (${command})`);
  const pid = child.pid;
  liveGroups.add(pid);
  tellWatcher(pid, true);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.once('error', () => resolve(-1));
  });
  const stop = async (graceMs = 5000) => {
    if (!groupAlive(pid)) {
      liveGroups.delete(pid);
      tellWatcher(pid, false);
      return;
    }
    killGroup(pid, 'SIGTERM');
    const deadline = Date.now() + graceMs;
    while (Date.now() < deadline && groupAlive(pid)) await sleep(100);
    if (groupAlive(pid)) killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
    tellWatcher(pid, false);
  };
  const unregister = onCleanup(name, stop);
  void exited.then(() => {
    // The leader is gone; its group may still have members, which stop() will still end.
    if (!groupAlive(pid)) {
      liveGroups.delete(pid);
      tellWatcher(pid, false);
      unregister();
    }
  });
  return { child, exited, stop };
}

/** Runs a command to completion (inheriting stdio unless told otherwise); rejects on a non-zero exit. */
export async function run(command: string, args: string[], options: SpawnOptions & { timeoutMs?: number } = {}): Promise<void> {
  const { timeoutMs = 15 * 60_000, ...spawnOptions } = options;
  const started = startGroup(`${command} ${args.join(' ')}`, command, args, { stdio: 'inherit', ...spawnOptions });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void started.stop(1000);
  }, timeoutMs);
  const code = await started.exited;
  clearTimeout(timer);
  await started.stop(1000);
  const where = `(cwd ${String(spawnOptions.cwd ?? process.cwd())})`;
  if (timedOut) throw new Error(`${command} ${args.join(' ')} timed out after ${Math.round(timeoutMs / 1000)} s and was stopped ${where}`);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code} ${where}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`Timed out after ${Math.round(ms / 1000)} s: ${what}`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `url` until it answers with any HTTP status below 500. */
export async function waitForHttp(url: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError = '';
  while (Date.now() < deadline) {
    if (!isAlive()) throw new Error(`The server for ${url} exited before it answered`);
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.get(url, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.setTimeout(2000, () => req.destroy(new Error('request timeout')));
        req.on('error', reject);
      });
      if (status > 0 && status < 500) return;
      lastError = `HTTP ${status}`;
    } catch (error) {
      lastError = String(error);
    }
    await sleep(250);
  }
  throw new Error(`${url} did not answer within ${Math.round(timeoutMs / 1000)} s (${lastError})`);
}

/** Waits until `file` exists and parses as JSON; fails early if `isAlive` turns false. */
export async function waitForJsonFile<T>(file: string, timeoutMs: number, isAlive: () => boolean = () => true): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(file)) {
      try {
        return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
      } catch {
        // partially written: retry
      }
    }
    if (!isAlive()) throw new Error(`The process that should write ${file} is gone`);
    await sleep(250);
  }
  throw new Error(`Timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${file}`);
}

/** Common entry for scripts: runs main, cleans up, sets the exit code. */
export function runMain(main: () => Promise<number | void>): void {
  installHandlers();
  main().then(
    async (code) => {
      await cleanupAll();
      process.exit(typeof code === 'number' ? code : 0);
    },
    async (error: unknown) => {
      console.error(error instanceof Error ? (error.stack ?? error.message) : error);
      await cleanupAll();
      process.exit(1);
    },
  );
}

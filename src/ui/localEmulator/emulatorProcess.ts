import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';

/** A key pair only the extension knows: the emulator accepts it and nothing else. */
export interface EmulatorKeyPair {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface EmulatorProcessOptions {
  /** dist/emulator.js of the installed extension. */
  script: string;
  credentials: EmulatorKeyPair;
  taskDurationSeconds: number;
  /** How long to wait for the "listening on" line. */
  startTimeoutMs?: number;
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function randomKeyPair(): EmulatorKeyPair {
  const bytes = randomBytes(16);
  const id = Array.from(bytes, (b) => BASE32[b % 32]).join('');
  return { accessKeyId: `AKIA${id}`, secretAccessKey: randomBytes(30).toString('base64') };
}

const LISTENING = /listening on (http:\/\/127\.0\.0\.1:\d+)/;

/**
 * The bundled emulator as a child process of the extension host, on 127.0.0.1 and a free port. Its key pair
 * goes through the environment (not argv, which `ps` shows to every user); it exits when its stdin closes,
 * so it dies with the extension host even when that is killed.
 */
export class EmulatorProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly endpoint: string,
    /** Resolves with the exit code (or signal) when the process ends, for whatever reason. */
    readonly exited: Promise<string>,
  ) {}

  get pid(): number | undefined {
    return this.child.pid;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  static async start(options: EmulatorProcessOptions, onOutput: (line: string) => void): Promise<EmulatorProcess> {
    const env: NodeJS.ProcessEnv = {};
    for (const [key, value] of Object.entries(process.env)) if (!/^(AWS_|PARTNER_CENTRAL_EMULATOR_)/.test(key)) env[key] = value;
    const child = spawn(
      process.execPath,
      [options.script, '--port', '0', '--task-duration', String(options.taskDurationSeconds), '--exit-with-stdin'],
      {
        // process.execPath is Electron in desktop VS Code: this makes it plain Node.
        env: {
          ...env,
          ELECTRON_RUN_AS_NODE: '1',
          PARTNER_CENTRAL_EMULATOR_ACCESS_KEY_ID: options.credentials.accessKeyId,
          PARTNER_CENTRAL_EMULATOR_SECRET_ACCESS_KEY: options.credentials.secretAccessKey,
        },
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
      },
    );
    const exited = new Promise<string>((resolve) => {
      child.once('exit', (code, signal) => resolve(signal ?? `exit code ${code}`));
      child.once('error', (error) => resolve(error.message));
    });
    const lines = (chunk: Buffer) => chunk.toString('utf8').split(/\r?\n/).filter(Boolean).forEach(onOutput);
    child.stderr?.on('data', lines);
    child.stdout?.on('data', lines);

    let output = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => fail(`it printed no address within ${(options.startTimeoutMs ?? 15_000) / 1000} s`), options.startTimeoutMs ?? 15_000);
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill('SIGKILL');
        reject(new Error(`The local emulator did not start: ${why}.`));
      };
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = LISTENING.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
      void exited.then((how) => fail(`it ended (${how})${output.trim() ? `: ${output.trim().split('\n').slice(-3).join(' ')}` : ''}`));
    });
    return new EmulatorProcess(child, endpoint, exited);
  }

  /** Asks it to stop (closing stdin and SIGTERM), then kills it if it has not ended within `graceMs`. */
  async stop(graceMs = 3000): Promise<void> {
    if (!this.running) return;
    this.child.stdin?.end();
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}

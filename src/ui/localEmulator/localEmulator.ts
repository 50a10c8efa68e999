import * as vscode from 'vscode';
import { affectsConnection } from '../config';
import { Disposable } from '../disposable';
import type { ConnectionOverride, ConnectionOverrideSource } from './connectionOverride';
import { EmulatorProcess, randomKeyPair } from './emulatorProcess';
import { accountStateKey, type KeyValueState } from '../session/accountState';
import { errorText } from '../../core/redaction/externalText';
import { sessionSecrets } from '../../core/redaction/sessionSecrets';

/** globalState: the local emulator was the chosen connection, so a window reload starts it again. */
const CHOSEN_KEY = 'partnerCentral.localEmulator.chosen';
const LOCAL_EMULATOR_ACCOUNT_KEY = 'local-emulator';
/** Long enough to watch a task run, short enough for a first try. */
const DEFAULT_TASK_SECONDS = 10;
/** Tests shorten the tasks of the built-in emulator through the extension host's environment. */
const TASK_SECONDS_ENV = 'PARTNER_CENTRAL_EMULATOR_TASK_SECONDS';

export interface LocalEmulatorHost {
  /** globalState, through the window's WrittenThroughState. */
  readonly globalState: KeyValueState;
  asAbsolutePath(relativePath: string): string;
}

/**
 * The bundled emulator (dist/emulator.js) as a connection that needs no AWS account. It runs as a child
 * process, not in the extension host, so a crash or a busy emulator never stalls the other extensions.
 *
 * The choice is remembered: after a reload it starts again. Its data lives in the process's memory, so each
 * start is a fresh service: the local emulator's task history and pending launches are cleared then.
 * Choosing another connection (any change of the profile, region or endpoint settings) stops it.
 */
export class LocalEmulator extends Disposable implements ConnectionOverrideSource {
  private running: { process: EmulatorProcess; override: ConnectionOverride } | undefined;
  private starting: Promise<ConnectionOverride | undefined> | undefined;
  private chosen: boolean;

  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;
  private readonly ended = this.register(new vscode.EventEmitter<string>());
  /** The process ended without being asked to (a crash, a kill): how it ended. It is no longer the connection. */
  readonly onDidEndUnexpectedly = this.ended.event;

  constructor(
    private readonly host: LocalEmulatorHost,
    private readonly log: vscode.LogOutputChannel,
  ) {
    super();
    this.chosen = host.globalState.get<boolean>(CHOSEN_KEY) === true;
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsConnection(event) && this.chosen) {
        this.log.info('The connection settings changed: stopping the local emulator');
        void this.stop();
      }
    }));
    this.register({ dispose: () => void this.running?.process.stop() });
  }

  get current(): ConnectionOverride | undefined {
    return this.running?.override;
  }

  get chosenAccountKey(): string | undefined {
    return this.chosen ? LOCAL_EMULATOR_ACCOUNT_KEY : undefined;
  }

  /** The emulator's process id while it runs (tests check it is gone after a stop). */
  get pid(): number | undefined {
    return this.running?.process.pid;
  }

  whenSettled(): Promise<ConnectionOverride | undefined> {
    return this.starting ?? Promise.resolve(this.current);
  }

  /** Starts it again after a window reload when it was the chosen connection. */
  restore(): void {
    if (this.chosen) void this.start().catch(() => undefined);
  }

  /** Starts the emulator (once) and makes it the connection; rejects with a message that says what failed. */
  async start(): Promise<ConnectionOverride> {
    if (this.running?.process.running) return this.running.override;
    if (!this.starting) {
      this.starting = this.launch().finally(() => (this.starting = undefined));
      // The account is the local emulator's from now on; clients made meanwhile wait for it (whenSettled).
      this.changed.fire();
    }
    const override = await this.starting;
    if (!override) throw new Error('The local emulator was stopped while it started.');
    return override;
  }

  async stop(): Promise<void> {
    const wasChosen = this.chosen;
    this.chosen = false;
    await this.host.globalState.update(CHOSEN_KEY, undefined);
    const running = this.running;
    this.running = undefined;
    if (running) {
      await running.process.stop();
      this.log.info(`Local emulator stopped (pid ${running.process.pid})`);
    }
    if (wasChosen || running) this.changed.fire();
  }

  private async launch(): Promise<ConnectionOverride | undefined> {
    this.chosen = true;
    // Before the first await, so whoever reads them next sees them: a new process is a new, empty service,
    // and what was kept of the previous one's tasks no longer exists.
    const saved = Promise.all([
      this.host.globalState.update(CHOSEN_KEY, true),
      this.host.globalState.update(accountStateKey(LOCAL_EMULATOR_ACCOUNT_KEY, 'taskHistory'), undefined),
      this.host.globalState.update(accountStateKey(LOCAL_EMULATOR_ACCOUNT_KEY, 'pendingLaunches'), undefined),
      this.host.globalState.update(accountStateKey(LOCAL_EMULATOR_ACCOUNT_KEY, 'launches'), undefined),
      this.host.globalState.update(accountStateKey(LOCAL_EMULATOR_ACCOUNT_KEY, 'accountId'), undefined),
    ]);
    const credentials = randomKeyPair();
    sessionSecrets.register(credentials.secretAccessKey);
    let child: EmulatorProcess;
    try {
      await saved;
      child = await EmulatorProcess.start(
        { script: this.host.asAbsolutePath('dist/emulator.js'), credentials, taskDurationSeconds: taskSeconds() },
        (line) => this.log.debug(`[emulator] ${line}`),
      );
    } catch (error) {
      this.chosen = false;
      await this.host.globalState.update(CHOSEN_KEY, undefined);
      this.changed.fire();
      this.log.error(errorText(error));
      throw error;
    }
    if (!this.chosen || this.isDisposed) {
      await child.stop();
      return undefined;
    }
    const override: ConnectionOverride = { label: 'Local emulator', accountKey: LOCAL_EMULATOR_ACCOUNT_KEY, endpoint: child.endpoint, credentials };
    this.running = { process: child, override };
    this.log.info(`Local emulator started on ${child.endpoint} (pid ${child.pid}); its data lives in memory until it stops`);
    void child.exited.then((how) => this.onExit(child, how));
    this.changed.fire();
    return override;
  }

  private onExit(process: EmulatorProcess, how: string): void {
    if (this.running?.process !== process) return; // stopped on purpose
    this.running = undefined;
    this.chosen = false;
    void this.host.globalState.update(CHOSEN_KEY, undefined);
    this.log.warn(`The local emulator ended unexpectedly (${how})`);
    this.changed.fire();
    this.ended.fire(how);
  }
}

function taskSeconds(): number {
  const fromEnv = Number(process.env[TASK_SECONDS_ENV]);
  return Number.isFinite(fromEnv) && fromEnv >= 0 && process.env[TASK_SECONDS_ENV] ? fromEnv : DEFAULT_TASK_SECONDS;
}

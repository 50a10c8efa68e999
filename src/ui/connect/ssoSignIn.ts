import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { Prompts } from '../prompts';
import { findOnPath } from './findOnPath';

export const SIGN_IN = 'Sign In';
const GET_CLI = 'Get the AWS CLI';
export const AWS_CLI_INSTALL_URL = 'https://docs.aws.amazon.com/cli/latest/userguide/getting-started-install.html';

/** How `aws sso login` is started: a terminal the user sees, running the CLI directly so its exit code is known. */
export function signInTerminalOptions(awsCli: string, profile: string): vscode.TerminalOptions {
  return {
    name: `AWS SSO Sign-In (${profile})`,
    shellPath: awsCli,
    shellArgs: ['sso', 'login', '--profile', profile],
    iconPath: new vscode.ThemeIcon('key'),
  };
}

/**
 * Offers **Sign In** once per run of failures of an SSO profile: no second notification while one is open, and
 * a new one only after a success (or a new account) and then a new failure. Sign In runs `aws sso login` in a
 * terminal; when it exits with 0 `onDidSignIn` fires, so the connection is made again.
 */
export class SsoSignIn extends Disposable {
  private readonly signedIn = this.register(new vscode.EventEmitter<string>());
  readonly onDidSignIn = this.signedIn.event;
  /** Whether this run of failures has been offered sign-in (or is being offered it right now). */
  private offered = false;
  private running: vscode.Terminal | undefined;
  private readonly profileOf = new WeakMap<vscode.Terminal, string>();

  constructor(private readonly prompts: () => Prompts, private readonly log: vscode.LogOutputChannel) {
    super();
    this.register(vscode.window.onDidCloseTerminal((terminal) => this.onTerminalClosed(terminal)));
  }

  /** A success, or another account: the next failure is a new run, with its own prompt. */
  endRun(): void {
    this.offered = false;
  }

  /** Credentials of SSO profile `profile` failed because a sign-in is needed. */
  async offer(profile: string, reason: string): Promise<void> {
    if (this.offered || this.running) return;
    this.offered = true;
    const answer = await this.prompts().show('warning', `${reason} Sign in to use profile ${profile} again.`, SIGN_IN);
    if (answer === SIGN_IN) await this.signIn(profile);
  }

  /** Runs `aws sso login --profile <profile>` in a terminal, or says how to get the AWS CLI. */
  async signIn(profile: string): Promise<vscode.Terminal | undefined> {
    if (this.running) {
      this.running.show();
      return this.running;
    }
    const awsCli = findOnPath('aws');
    if (!awsCli) {
      const answer = await this.prompts().show(
        'error',
        `Signing in to profile ${profile} needs the AWS CLI (version 2), which is not on PATH. Install it, then run Sign In again, or run \`aws sso login --profile ${profile}\` yourself.`,
        GET_CLI,
      );
      if (answer === GET_CLI) await vscode.env.openExternal(vscode.Uri.parse(AWS_CLI_INSTALL_URL));
      return undefined;
    }
    this.log.info(`Signing in: ${awsCli} sso login --profile ${profile}`);
    const terminal = vscode.window.createTerminal(signInTerminalOptions(awsCli, profile));
    this.running = terminal;
    this.profileOf.set(terminal, profile);
    terminal.show();
    return terminal;
  }

  private onTerminalClosed(terminal: vscode.Terminal): void {
    const profile = this.profileOf.get(terminal);
    if (profile === undefined) return;
    if (this.running === terminal) this.running = undefined;
    const code = terminal.exitStatus?.code;
    if (code === 0) {
      this.log.info(`Signed in to the SSO session of profile ${profile}`);
      this.offered = false;
      this.signedIn.fire(profile);
      return;
    }
    this.log.warn(`aws sso login --profile ${profile} ended ${code === undefined ? 'without an exit code (closed)' : `with exit code ${code}`}`);
    void this.prompts().show('warning', `Signing in to profile ${profile} did not complete${code === undefined ? '' : ` (aws sso login exited with ${code})`}.`, SIGN_IN).then((answer) => {
      if (answer === SIGN_IN) void this.signIn(profile);
    });
  }
}

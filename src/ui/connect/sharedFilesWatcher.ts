import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SharedFilePaths } from '../../aws/profiles';
import { Disposable } from '../disposable';
import { errorText } from '../../core/redaction/externalText';

export type SharedFilesChange = 'profiles' | 'ssoCache';

const SETTLE_MS = 300;
const POLL_MS = 3_000;

/**
 * Watches the shared config and credentials files and the SSO token cache, so edits, `aws configure`, and
 * `aws sso login` run anywhere are seen without a reload. The folders are watched, not the files: editors and
 * the CLI replace files by renaming, and a file may not exist yet. A folder that does not exist is polled.
 */
export class SharedFilesWatcher extends Disposable {
  private readonly changed = this.register(new vscode.EventEmitter<SharedFilesChange>());
  /** Fired once a burst of writes has settled. */
  readonly onDidChange = this.changed.event;
  private readonly timers = new Map<SharedFilesChange, NodeJS.Timeout>();

  constructor(paths: SharedFilePaths, private readonly log: vscode.LogOutputChannel) {
    super();
    this.watchFile(paths.config, 'profiles');
    this.watchFile(paths.credentials, 'profiles');
    this.watchFolder(paths.ssoCache, 'ssoCache');
    this.register(new vscode.Disposable(() => this.timers.forEach((timer) => clearTimeout(timer))));
  }

  private watchFile(file: string, change: SharedFilesChange): void {
    const name = path.basename(file);
    this.watch(path.dirname(file), file, change, (filename) => filename === null || filename === name);
  }

  private watchFolder(folder: string, change: SharedFilesChange): void {
    this.watch(folder, folder, change, () => true);
  }

  private watch(folder: string, polled: string, change: SharedFilesChange, relevant: (filename: string | null) => boolean): void {
    try {
      const watcher = fs.watch(folder, { persistent: false }, (_event, filename) => {
        if (relevant(filename === null ? null : filename.toString())) this.settle(change);
      });
      watcher.on('error', (error) => this.log.debug(`Watching ${folder} stopped: ${errorText(error)}`));
      this.register(new vscode.Disposable(() => watcher.close()));
    } catch {
      // The folder does not exist (yet): poll the path until it appears, then on every change.
      const listener = (now: fs.Stats, before: fs.Stats): void => {
        if (now.mtimeMs !== before.mtimeMs || now.ino !== before.ino) this.settle(change);
      };
      fs.watchFile(polled, { persistent: false, interval: POLL_MS }, listener);
      this.register(new vscode.Disposable(() => fs.unwatchFile(polled, listener)));
    }
  }

  private settle(change: SharedFilesChange): void {
    if (this.isDisposed) return;
    clearTimeout(this.timers.get(change));
    this.timers.set(change, setTimeout(() => {
      this.timers.delete(change);
      this.log.info(change === 'profiles' ? 'The shared AWS config or credentials file changed' : 'The AWS SSO token cache changed');
      this.changed.fire(change);
    }, SETTLE_MS));
  }
}

import * as vscode from 'vscode';
import type { PendingLaunch, PendingLaunchStore } from '../core/pendingLaunches';

/**
 * Pending launches in the extension's global state, per account key (profile and endpoint), so a window
 * reload retries a launch whose outcome is unknown with the ClientToken it was first sent with.
 */
export class GlobalStatePendingLaunchStore implements PendingLaunchStore, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** A launch was saved or settled: the tree shows launches still pending. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: vscode.Memento, private readonly accountKey: () => string) {}

  private get key(): string {
    return `partnerCentral.pendingLaunches/${this.accountKey()}`;
  }

  list(): readonly PendingLaunch[] {
    return this.state.get<PendingLaunch[]>(this.key) ?? [];
  }

  async save(launch: PendingLaunch): Promise<void> {
    const others = this.list().filter((existing) => existing.clientToken !== launch.clientToken);
    await this.state.update(this.key, [...others, launch]);
    this.changed.fire();
  }

  async remove(clientToken: string): Promise<void> {
    await this.state.update(this.key, this.list().filter((existing) => existing.clientToken !== clientToken));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

import type * as vscode from 'vscode';
import type { PendingLaunchStore } from '../../core/pendingLaunches';
import type { StartedBatch } from '../../aws';
import type { Catalog } from '../config';
import type { PartnerCentralConnection } from '../connection';
import type { Prompts } from '../prompts';

/** What the launch commands work with; built once in activate(). */
export interface LaunchServices {
  readonly log: vscode.LogOutputChannel;
  readonly connection: PartnerCentralConnection;
  /** Read at each use: in-host tests swap the prompts. */
  prompts(): Prompts;
  readonly pendingLaunches: PendingLaunchStore;
  /** Told of every task that started, for the views that follow tasks. */
  taskStarted(task: StartedBatch, catalog: Catalog): void;
}

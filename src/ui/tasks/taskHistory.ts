import type * as vscode from 'vscode';
import { parseStoredTaskRecords, type TaskRecord } from '../../core/tasks';

/** Tasks kept per account key, so a reload shows them at once; the newest first, up to this many. */
const MAX_KEPT = 500;

export class TaskHistory {
  constructor(private readonly state: vscode.Memento, private readonly accountKey: () => string) {}

  private get key(): string {
    return `partnerCentral.taskHistory/${this.accountKey()}`;
  }

  load(): TaskRecord[] {
    return parseStoredTaskRecords(this.state.get<unknown>(this.key));
  }

  async save(tasks: readonly TaskRecord[]): Promise<void> {
    const newestFirst = [...tasks].sort((a, b) => b.startTime.localeCompare(a.startTime));
    // Tasks started here, and every active one, are always kept; others make room for them.
    const kept = newestFirst.filter((task, index) => index < MAX_KEPT || task.startedHere || task.endTime === undefined);
    await this.state.update(this.key, kept);
  }
}

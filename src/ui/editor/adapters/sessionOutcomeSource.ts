import * as vscode from 'vscode';
import { outcomesFingerprint, outcomesFromTasks, type EngagementOutcome, type EngagementOutcomeSource } from '../../../core/editor';
import type { Catalog } from '../../../core/catalog';
import { Disposable } from '../../disposable';
import type { AccountSessions } from '../../session/accountSessions';
import type { ViewCatalog } from '../../viewCatalog';

/**
 * The editor's outcomes from the current account session: the tasks of the catalog the views show.
 */
export class SessionOutcomeSource extends Disposable implements EngagementOutcomeSource {
  private outcomes: Map<string, EngagementOutcome> | undefined;
  private fingerprint = '';
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly monitor: Pick<AccountSessions, 'tasks' | 'onDidChange'>,
    private readonly catalog: { get(): Catalog; onDidChange: vscode.Event<Catalog> },
  ) {
    super();
    this.register(monitor.onDidChange(() => this.refresh()));
    this.register(catalog.onDidChange(() => this.refresh()));
  }

  outcomeOf(engagementId: string): EngagementOutcome | undefined {
    return this.current().get(engagementId);
  }

  private current(): Map<string, EngagementOutcome> {
    if (!this.outcomes) {
      this.outcomes = outcomesFromTasks(this.monitor.tasks(this.catalog.get()));
      this.fingerprint = outcomesFingerprint(this.outcomes);
    }
    return this.outcomes;
  }

  /** The sessions also change for pages and titles: only a change of some outcome is passed on. */
  private refresh(): void {
    const next = outcomesFromTasks(this.monitor.tasks(this.catalog.get()));
    const fingerprint = outcomesFingerprint(next);
    this.outcomes = next;
    if (fingerprint === this.fingerprint) return;
    this.fingerprint = fingerprint;
    this.changed.fire();
  }
}

export function sessionOutcomeSource(monitor: AccountSessions, viewCatalog: ViewCatalog): SessionOutcomeSource {
  return new SessionOutcomeSource(monitor, viewCatalog);
}

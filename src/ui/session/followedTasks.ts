import { CATALOGS } from '../../core/catalog';
import { Emitter } from '../../core/emitter';
import { explainError, explainOneLine, formatExplanation } from '../../core/errorExplanations';
import {
  Poller,
  deriveTaskState,
  describeProgress,
  pollCatalog,
  shouldReportPollError,
  type Catalog,
  type Clock,
  type TaskBook,
  type TaskChange,
  type TaskFetchers,
  type TaskRecord,
} from '../../core/tasks';
import type { TaskHistory } from './accountState';
import type { SessionLog } from './sessionLog';


export interface FollowedTasksOptions {
  book: TaskBook;
  history: TaskHistory;
  fetchers: TaskFetchers;
  clock: Clock;
  log: SessionLog;
  /** Told of every task ARN seen (the partner's account ID is in it). */
  onTaskArn(arn: string): void;
}

/**
 * One account's tasks: kept in its book and history, active ones polled until they end. Changes are logged,
 * saved and announced. Once stopped (the session is disposed) nothing is polled, and late answers are dropped.
 */
export class FollowedTasks {
  private readonly pollers = new Map<Catalog, Poller>();
  private focused = true;
  private stopped = false;

  private readonly changed = new Emitter<void>();
  /** Any task, page or title changed: views refresh. */
  readonly onDidChange = this.changed.event;
  private readonly finished = new Emitter<TaskRecord>();
  /** A task followed here reached its end (EndTime appeared). */
  readonly onDidFinish = this.finished.event;
  private readonly pollFailed = new Emitter<string>();
  /** Following tasks started failing (once per run of failures, never for throttling): what to tell the user. */
  readonly onDidFailToPoll = this.pollFailed.event;

  constructor(private readonly options: FollowedTasksOptions) {}

  get book(): TaskBook {
    return this.options.book;
  }

  get isStopped(): boolean {
    return this.stopped;
  }

  /** Starts polling the catalogs with active tasks (those restored from history, at the session's start). */
  start(): void {
    for (const catalog of CATALOGS) {
      if (this.book.active(catalog).length > 0) this.pollerFor(catalog)?.kick();
    }
  }

  /** Records learned by a call of this session: merged, saved, announced, and followed when active. */
  upsert(records: readonly TaskRecord[], catalog: Catalog): void {
    this.apply(this.book.upsert(records));
    if (this.book.active(catalog).length > 0) this.pollerFor(catalog)?.kick();
  }

  /** An immediate poll of the catalog's active tasks. */
  async pollNow(catalog: Catalog): Promise<void> {
    if (this.stopped || this.book.active(catalog).length === 0) return;
    const changes = await pollCatalog(this.book, catalog, this.options.fetchers, { onCallFailed: (error) => this.logCallFailure(catalog, error) });
    if (!this.stopped) this.apply(changes);
  }

  /** Fires onDidChange (a page or a title changed). */
  announce(): void {
    if (!this.stopped) this.changed.fire();
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    for (const poller of this.pollers.values()) poller.setFocused(focused);
  }

  /** No more polls, events or saves of answers: the session is over. */
  stop(): void {
    this.stopped = true;
    for (const poller of this.pollers.values()) poller.dispose();
    this.pollers.clear();
    this.changed.dispose();
    this.finished.dispose();
    this.pollFailed.dispose();
  }

  private apply(changes: readonly TaskChange[]): void {
    if (changes.length === 0) return;
    const { log } = this.options;
    for (const change of changes) {
      const { task, previous } = change;
      if (task.taskArn) this.options.onTaskArn(task.taskArn);
      if (change.removed) {
        log.warn(`Task ${task.taskId} "${task.taskName}" (${task.catalog}) is no longer known to Partner Central: it is no longer followed`);
        continue;
      }
      if (change.stateChanged) {
        const from = previous ? deriveTaskState(previous) : 'new';
        log.info(`Task ${task.taskId} "${task.taskName}" (${task.catalog}): ${from} → ${deriveTaskState(task)}, ${describeProgress(task)}`);
      }
      if (change.finished && previous && previous.endTime === undefined) {
        this.finished.fire(task);
      }
    }
    this.options.history.save(this.book.toJSON()).catch((error: unknown) => log.warn(`Saving task history failed: ${String(error)}`));
    this.changed.fire();
  }

  private pollerFor(catalog: Catalog): Poller | undefined {
    if (this.stopped) return undefined;
    let poller = this.pollers.get(catalog);
    if (!poller) {
      poller = new Poller({
        clock: this.options.clock,
        hasActiveWork: () => this.book.active(catalog).length > 0,
        poll: async () => {
          const changes = await pollCatalog(this.book, catalog, this.options.fetchers, { onCallFailed: (error) => this.logCallFailure(catalog, error) });
          if (this.stopped) return { changed: false };
          this.apply(changes);
          return { changed: changes.length > 0 };
        },
        onError: (error, consecutiveErrors) => this.reportPollError(catalog, error, consecutiveErrors),
      });
      poller.setFocused(this.focused);
      this.pollers.set(catalog, poller);
    }
    return poller;
  }

  /** One call of a poll failed while others answered: its tasks wait for the next poll. */
  private logCallFailure(catalog: Catalog, error: unknown): void {
    if (this.stopped) return;
    this.options.log.warn(`Following some ${catalog} tasks failed; they are asked again at the next poll: ${explainOneLine(error, { catalog })}`);
  }

  private reportPollError(catalog: Catalog, error: unknown, consecutiveErrors: number): void {
    if (this.stopped) return;
    const { log } = this.options;
    const explanation = explainError(error, { catalog });
    if (explanation.kind === 'throttled') {
      log.debug(`Polling ${catalog} tasks was throttled; slowing down`);
      return;
    }
    log.warn(`Polling ${catalog} tasks failed (${consecutiveErrors} in a row): ${formatExplanation(explanation)}`);
    if (shouldReportPollError(error, consecutiveErrors)) {
      this.pollFailed.fire(`Following ${catalog} tasks failed: ${formatExplanation(explanation)}. Retrying less often.`);
    }
  }
}

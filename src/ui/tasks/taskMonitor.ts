import * as vscode from 'vscode';
import { explainError, formatExplanation } from '../../core/errorExplanations';
import {
  Poller,
  TaskBook,
  deriveTaskState,
  describeProgress,
  pollCatalog,
  recordFromStart,
  shouldReportPollError,
  systemClock,
  type Catalog,
  type Clock,
  type TaskChange,
  type TaskFetchers,
  type TaskRecord,
} from '../../core/tasks';
import type { StartedBatch } from '../../aws';
import type { PartnerCentralConnection } from '../connection';
import { Disposable } from '../disposable';
import type { TaskHistory } from './taskHistory';

/** Tasks listed from the service, page by page, per catalog. */
interface RemotePages {
  loaded: boolean;
  loading?: Promise<void>;
  nextToken?: string;
  error?: string;
}

/** What the monitor needs of the connection (tests pass a stand-in). */
export type TaskMonitorConnection = Pick<PartnerCentralConnection, 'aws' | 'client' | 'onDidChangeAccount'>;

const PAGE_SIZE = 20;
/** A task's details are fetched again on expand only after this long. */
const DETAILS_FRESH_MS = 5000;

/**
 * Knows every task of the current account: those started here (kept across reloads) and those the service
 * lists. Polls active tasks cheaply, fetches details when a task finishes or is expanded, and tells the
 * views and the user what changed.
 *
 * When the account changes (profile, region, endpoint) the book is replaced; answers still in flight for the
 * previous account are dropped (each call checks that the book it started with is still the current one).
 */
export class TaskMonitor extends Disposable {
  private book: TaskBook;
  private readonly pollers = new Map<Catalog, Poller>();
  private readonly pages = new Map<Catalog, RemotePages>();
  private readonly detailsFetchedAt = new Map<string, number>();
  private readonly titles = new Map<string, string>();
  /** Engagements whose title was asked for (found or not), so a refresh never asks again. */
  private readonly titlesAsked = new Set<string>();
  private fetchers: Promise<TaskFetchers> | undefined;
  private focused = vscode.window.state.focused;
  private latestFinished: TaskRecord | undefined;

  private readonly changed = this.register(new vscode.EventEmitter<void>());
  /** Any task, page or title changed: views refresh. */
  readonly onDidChange = this.changed.event;
  private readonly finished = this.register(new vscode.EventEmitter<TaskRecord>());
  /** A task followed here reached its end (EndTime appeared). */
  readonly onDidFinish = this.finished.event;
  private readonly pollFailed = this.register(new vscode.EventEmitter<string>());
  /** Following tasks started failing (once per run of failures, never for throttling): what to tell the user. */
  readonly onDidFailToPoll = this.pollFailed.event;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    private readonly connection: TaskMonitorConnection,
    private readonly history: TaskHistory,
    private readonly clock: Clock = systemClock,
  ) {
    super();
    this.book = new TaskBook(history.load());
    this.register(vscode.window.onDidChangeWindowState((state) => this.setFocused(state.focused)));
    this.register(connection.onDidChangeAccount(() => this.switchAccount()));
    this.register({ dispose: () => this.stopPolling() });
    for (const catalog of ['Sandbox', 'AWS'] as const) {
      if (this.book.active(catalog).length > 0) this.pollerFor(catalog).kick();
    }
  }

  tasks(catalog: Catalog): TaskRecord[] {
    return this.book.list(catalog);
  }

  task(catalog: Catalog, taskId: string): TaskRecord | undefined {
    return this.book.get(catalog, taskId);
  }

  activeTasks(): TaskRecord[] {
    return (['Sandbox', 'AWS'] as const).flatMap((catalog) => this.book.active(catalog));
  }

  /** The task that finished most recently while this window followed it. */
  get latestFinishedTask(): TaskRecord | undefined {
    return this.latestFinished && this.book.get(this.latestFinished.catalog, this.latestFinished.taskId);
  }

  title(catalog: Catalog, engagementId: string): string | undefined {
    return this.titles.get(`${catalog}/${engagementId}`);
  }

  pageState(catalog: Catalog): Readonly<RemotePages> {
    return this.pagesOf(catalog);
  }

  /** A task Start just created: shown at once, and followed. */
  addStarted(started: StartedBatch, catalog: Catalog): void {
    const record: TaskRecord = {
      ...recordFromStart({ TaskId: started.taskId, TaskArn: started.taskArn, TaskName: started.name, StartTime: started.startTime, Identifiers: started.identifiers }, catalog),
      startedHere: true,
    };
    this.apply(this.book.upsert([record]));
    this.pollerFor(catalog).kick();
  }

  /** The first page of the service's list, once per catalog (again when `force`). */
  async loadFirstPage(catalog: Catalog, force = false): Promise<void> {
    const pages = this.pagesOf(catalog);
    if (pages.loading) return pages.loading;
    if (pages.loaded && !force) return;
    await this.loadPage(catalog, undefined);
  }

  async loadMore(catalog: Catalog): Promise<void> {
    const pages = this.pagesOf(catalog);
    if (pages.loading) return pages.loading;
    if (pages.nextToken) await this.loadPage(catalog, pages.nextToken);
  }

  /** Refresh: the first page again, and an immediate poll of active tasks. */
  async refresh(catalog: Catalog): Promise<void> {
    await this.loadFirstPage(catalog, true);
    const book = this.book;
    if (book.active(catalog).length === 0) return;
    const changes = await pollCatalog(book, catalog, await this.taskFetchers());
    if (book === this.book) this.apply(changes);
  }

  /** Per-engagement results for a task being expanded: fetched when unknown or still changing. */
  async ensureDetails(task: TaskRecord, force = false): Promise<TaskRecord> {
    const key = `${task.catalog}/${task.taskId}`;
    const fetchedAt = this.detailsFetchedAt.get(key);
    const fresh = fetchedAt !== undefined && this.clock.now() - fetchedAt < DETAILS_FRESH_MS;
    const settled = task.engagements !== undefined && task.endTime !== undefined;
    if (!force && (settled || fresh)) {
      void this.lookUpTitles(task);
      return task;
    }
    this.detailsFetchedAt.set(key, this.clock.now());
    const book = this.book;
    const details = await (await this.taskFetchers()).details(task.catalog, task.taskId);
    if (book !== this.book) return details;
    this.apply(this.book.upsert([details]));
    const updated = this.book.get(task.catalog, task.taskId) ?? details;
    void this.lookUpTitles(updated);
    return updated;
  }

  private async loadPage(catalog: Catalog, nextToken: string | undefined): Promise<void> {
    const pages = this.pagesOf(catalog);
    const book = this.book;
    pages.loading = (async () => {
      try {
        const [aws, client] = await Promise.all([this.connection.aws(), this.connection.client()]);
        const page = await aws.listRecentTasks(client, catalog, { maxResults: PAGE_SIZE, nextToken });
        if (book !== this.book) return;
        pages.loaded = true;
        pages.nextToken = page.nextToken;
        pages.error = undefined;
        this.apply(this.book.upsert(page.tasks));
        if (this.book.active(catalog).length > 0) this.pollerFor(catalog).kick();
      } catch (error) {
        if (book !== this.book) return;
        const explanation = explainError(error, { catalog });
        pages.error = formatExplanation(explanation);
        this.log.warn(`Listing ${catalog} tasks failed: ${pages.error}`);
      } finally {
        pages.loading = undefined;
        this.changed.fire();
      }
    })();
    this.changed.fire();
    return pages.loading;
  }

  private apply(changes: readonly TaskChange[]): void {
    if (changes.length === 0) return;
    for (const change of changes) {
      const { task, previous } = change;
      if (change.removed) {
        this.log.warn(`Task ${task.taskId} "${task.taskName}" (${task.catalog}) is no longer known to Partner Central: it is no longer followed`);
        continue;
      }
      if (change.stateChanged) {
        const from = previous ? deriveTaskState(previous) : 'new';
        this.log.info(`Task ${task.taskId} "${task.taskName}" (${task.catalog}): ${from} → ${deriveTaskState(task)}, ${describeProgress(task)}`);
      }
      if (change.finished && previous && previous.endTime === undefined) {
        this.latestFinished = task;
        this.finished.fire(task);
      }
    }
    void this.history.save(this.book.toJSON()).catch((error: unknown) => this.log.warn(`Saving task history failed: ${String(error)}`));
    this.changed.fire();
  }

  private pollerFor(catalog: Catalog): Poller {
    let poller = this.pollers.get(catalog);
    if (!poller) {
      poller = new Poller({
        clock: this.clock,
        hasActiveWork: () => this.book.active(catalog).length > 0,
        poll: async () => {
          const book = this.book;
          const changes = await pollCatalog(book, catalog, await this.taskFetchers());
          if (book !== this.book) return { changed: false };
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

  private reportPollError(catalog: Catalog, error: unknown, consecutiveErrors: number): void {
    const explanation = explainError(error, { catalog });
    if (explanation.kind === 'throttled') {
      this.log.debug(`Polling ${catalog} tasks was throttled; slowing down`);
      return;
    }
    this.log.warn(`Polling ${catalog} tasks failed (${consecutiveErrors} in a row): ${formatExplanation(explanation)}`);
    if (shouldReportPollError(error, consecutiveErrors)) {
      this.pollFailed.fire(`Following ${catalog} tasks failed: ${formatExplanation(explanation)}. Retrying less often.`);
    }
  }

  private setFocused(focused: boolean): void {
    this.focused = focused;
    for (const poller of this.pollers.values()) poller.setFocused(focused);
  }

  private taskFetchers(): Promise<TaskFetchers> {
    if (!this.fetchers) {
      const fetchers = Promise.all([this.connection.aws(), this.connection.client()]).then(([aws, client]) => aws.createTaskFetchers(client));
      fetchers.catch(() => { if (this.fetchers === fetchers) this.fetchers = undefined; });
      this.fetchers = fetchers;
    }
    return this.fetchers;
  }

  private async lookUpTitles(task: TaskRecord): Promise<void> {
    const ids = (task.engagements?.map((engagement) => engagement.engagementId) ?? task.identifiers ?? [])
      .filter((id) => !this.titlesAsked.has(`${task.catalog}/${id}`));
    if (ids.length === 0) return;
    for (const id of ids) this.titlesAsked.add(`${task.catalog}/${id}`);
    const book = this.book;
    try {
      const [aws, client] = await Promise.all([this.connection.aws(), this.connection.client()]);
      const titles = await aws.lookUpEngagementTitles(client, task.catalog, ids);
      if (book !== this.book) return;
      for (const [id, title] of titles) this.titles.set(`${task.catalog}/${id}`, title);
      if (titles.size > 0) this.changed.fire();
    } catch (error) {
      if (book !== this.book) return;
      for (const id of ids) this.titlesAsked.delete(`${task.catalog}/${id}`);
      this.log.debug(`Engagement titles not available: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private pagesOf(catalog: Catalog): RemotePages {
    let pages = this.pages.get(catalog);
    if (!pages) {
      pages = { loaded: false };
      this.pages.set(catalog, pages);
    }
    return pages;
  }

  /** Another profile or endpoint: another set of tasks. */
  private switchAccount(): void {
    this.stopPolling();
    this.fetchers = undefined;
    this.pages.clear();
    this.detailsFetchedAt.clear();
    this.titles.clear();
    this.titlesAsked.clear();
    this.latestFinished = undefined;
    this.book = new TaskBook(this.history.load());
    for (const catalog of ['Sandbox', 'AWS'] as const) {
      if (this.book.active(catalog).length > 0) this.pollerFor(catalog).kick();
    }
    this.changed.fire();
  }

  private stopPolling(): void {
    for (const poller of this.pollers.values()) poller.dispose();
    this.pollers.clear();
  }
}

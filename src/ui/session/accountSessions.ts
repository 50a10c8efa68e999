import { Emitter, type Subscription } from '../../core/emitter';
import type { Catalog, LaunchRecord, TaskGroup, TaskRecord } from '../../core/tasks';
import type { BatchLaunchResult, LaunchBatchesInput } from '../../aws/launchBatches';
import type { ConnectionSettings } from '../config';
import { openAccountSession, type AccountSession, type AwsModule, type SessionDependencies } from './accountSession';
import { StateOwners } from './accountState';
import type { RemotePages } from './remoteTaskPages';
import { errorText } from '../../core/redaction/externalText';

export interface AccountSessionsDependencies extends Omit<SessionDependencies, 'aws' | 'pendingLaunchesChanged' | 'owners'> {
  /** The AWS layer, loaded on first use. */
  aws(): Promise<AwsModule>;
}

export type SessionLaunchInput = Omit<LaunchBatchesInput, 'client' | 'tokenStore'>;

const NO_PAGES: Readonly<RemotePages> = { loaded: false };

/**
 * "The current session": the one AccountSession the views show and new work goes to. switchTo() retires the
 * current session and opens one for the new settings; the views follow through onDidChange, which fires for
 * the current session's changes and when the session itself changes. Until the first session is open, the
 * views see no tasks.
 */
export class AccountSessions {
  private currentSession: AccountSession | undefined;
  private opening: Promise<AccountSession> | undefined;
  /** Settles at the first switchTo: until then nobody has said which account is current. */
  private readonly firstSwitch: Promise<void>;
  private firstSwitchMade: () => void = () => undefined;
  private request = 0;
  private focused = true;
  private disposed = false;
  private relays: Subscription[] = [];
  private readonly owners = new StateOwners();

  private readonly sessionChanged = new Emitter<AccountSession>();
  /** Another session is current (at start, and after each settings change once it is open). */
  readonly onDidChangeSession = this.sessionChanged.event;
  private readonly changed = new Emitter<void>();
  /** The current session's tasks, pages or titles changed, or the session did: views refresh. */
  readonly onDidChange = this.changed.event;
  private readonly finished = new Emitter<TaskGroup>();
  /** A launch of the current session, or a task on its own, ended: told once. */
  readonly onDidFinish = this.finished.event;
  private readonly pollFailed = new Emitter<string>();
  readonly onDidFailToPoll = this.pollFailed.event;
  private readonly pendingChanged = new Emitter<string>();
  /** Some account's pending launches changed (the identity key): the tree shows the current one's. */
  readonly onDidChangePendingLaunches = this.pendingChanged.event;

  constructor(private readonly dependencies: AccountSessionsDependencies) {
    this.firstSwitch = new Promise((resolve) => { this.firstSwitchMade = resolve; });
  }

  /** The session views show; undefined while the first one opens. */
  get current(): AccountSession | undefined {
    return this.currentSession;
  }

  /** Retires the current session and opens one for `settings`; it becomes current unless another switch came since. */
  switchTo(settings: ConnectionSettings): Promise<AccountSession> {
    const request = ++this.request;
    this.firstSwitchMade();
    const previous = this.currentSession;
    this.currentSession = undefined;
    this.unrelay();
    previous?.retire();
    if (previous) this.changed.fire();
    const opening = this.dependencies.aws().then((aws) => openAccountSession(settings, { ...this.dependencies, aws, pendingLaunchesChanged: this.pendingChanged, owners: this.owners }));
    this.opening = opening.then((session) => {
      if (request !== this.request || this.disposed) {
        session.retire();
        return session;
      }
      this.becomeCurrent(session);
      return session;
    });
    this.opening.catch((error: unknown) => this.dependencies.log.error(`Opening the Partner Central session failed: ${errorText(error)}`));
    return this.opening;
  }

  /**
   * The current session, once open. One whose credentials could not be resolved is opened again first (the
   * user may have signed in since); if they still cannot be, that session is returned and its calls say why.
   */
  async session(): Promise<AccountSession> {
    let session = await this.latest();
    if (!session.identity.resolved && !this.disposed) session = await this.switchTo(session.settings);
    return session;
  }

  /**
   * Launches in `session`, holding it to the end whatever the settings do meanwhile: its tokens, started tasks
   * and unanswered starts are kept in its account (through the session that keeps that account's state now).
   */
  async launch(session: AccountSession, input: SessionLaunchInput, launchId?: string): Promise<BatchLaunchResult[]> {
    const release = session.hold();
    try {
      return await session.aws.launchBatches({
        ...input,
        client: session.client,
        tokenStore: session.launchTokens,
        onProgress: (event) => {
          if (event.type === 'done' && event.result.status === 'started') session.addStarted(event.result.task, event.result.clientToken, launchId);
          if (event.type === 'done' && event.result.status === 'failed' && event.result.outcomeUnknown && launchId) session.launchUnanswered(launchId, event.result.clientToken);
          input.onProgress?.(event);
        },
      });
    } finally {
      release();
    }
  }

  setFocused(focused: boolean): void {
    this.focused = focused;
    this.currentSession?.setFocused(focused);
  }

  // What the views read: the current session's, or nothing while it opens.
  tasks(catalog: Catalog): TaskRecord[] {
    return this.currentSession?.tasks(catalog) ?? [];
  }

  task(catalog: Catalog, taskId: string): TaskRecord | undefined {
    return this.currentSession?.task(catalog, taskId);
  }

  activeTasks(): TaskRecord[] {
    return this.currentSession?.activeTasks() ?? [];
  }

  /** The launch (or task on its own) whose end was told last. */
  get latestFinished(): TaskGroup | undefined {
    return this.currentSession?.latestFinished;
  }

  /** The catalog's tasks as the view lists them, a launch of several tasks as one entry. */
  groups(tasks: readonly TaskRecord[]): TaskGroup[] {
    return this.currentSession?.groups(tasks) ?? tasks.map((task): TaskGroup => ({ kind: 'task', task }));
  }

  launchOf(catalog: Catalog, taskId: string): LaunchRecord | undefined {
    return this.currentSession?.launchOf(catalog, taskId);
  }

  /** The known tasks of `launch`, as they are now. */
  tasksOf(launch: LaunchRecord): TaskRecord[] {
    return this.currentSession?.tasksOf(launch) ?? [];
  }

  title(catalog: Catalog, engagementId: string): string | undefined {
    return this.currentSession?.title(catalog, engagementId);
  }

  pageState(catalog: Catalog): Readonly<RemotePages> {
    return this.currentSession?.pageState(catalog) ?? NO_PAGES;
  }

  /** Failures show in the page state; without a session (it failed to open, as the log says) there is nothing to list. */
  async loadFirstPage(catalog: Catalog, force = false): Promise<void> {
    await (await this.latest().catch(() => undefined))?.loadFirstPage(catalog, force);
  }

  async loadMore(catalog: Catalog): Promise<void> {
    await (await this.latest().catch(() => undefined))?.loadMore(catalog);
  }

  async refresh(catalog: Catalog): Promise<void> {
    await (await this.latest()).refresh(catalog);
  }

  async ensureDetails(task: TaskRecord, force = false): Promise<TaskRecord> {
    return (await this.latest()).ensureDetails(task, force);
  }

  dispose(): void {
    this.disposed = true;
    this.unrelay();
    this.currentSession?.retire();
    this.currentSession = undefined;
    for (const emitter of [this.sessionChanged, this.changed, this.finished, this.pollFailed, this.pendingChanged]) emitter.dispose();
  }

  /** The current session once open, without opening it again when its credentials were not resolved. */
  async settled(): Promise<AccountSession> {
    return this.latest();
  }

  private async latest(): Promise<AccountSession> {
    await this.firstSwitch;
    for (;;) {
      const opening = this.opening;
      if (!opening) throw new Error('No Partner Central session is open yet');
      const session = await opening;
      if (opening === this.opening) return session;
    }
  }

  private becomeCurrent(session: AccountSession): void {
    this.currentSession = session;
    if (session.identity.resolved) this.owners.claim(session.identity.key, session);
    this.relays = [
      session.onDidChange(() => this.changed.fire()),
      session.onDidFinish((group) => this.finished.fire(group)),
      session.onDidFailToPoll((message) => this.pollFailed.fire(message)),
    ];
    session.setFocused(this.focused);
    session.start();
    this.sessionChanged.fire(session);
    this.changed.fire();
    this.pendingChanged.fire(session.identity.key);
  }

  private unrelay(): void {
    for (const relay of this.relays.splice(0)) relay.dispose();
  }
}

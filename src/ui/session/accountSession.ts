import type { Emitter } from '../../core/emitter';
import { accountIdFromTaskArn } from '../../core/taskArn';
import type { TaskBatch } from '../../core/batchPlanning';
import { CATALOGS } from '../../core/catalog';
import { systemClock, TaskBook, type Catalog, type Clock, type LaunchRecord, type TaskGroup, type TaskRecord } from '../../core/tasks';
import type * as Aws from '../../aws';
import type { AccountIdentity } from '../../aws/accountIdentity';
import { errorText } from '../../core/redaction/externalText';
import { redactingLogger } from '../../core/redaction/redactingLogger';
import type { ConnectionSettings } from '../config';
import type { PendingLaunchStore } from '../../core/pendingLaunches';
import { AccountPendingLaunches, accountStateKey, LaunchHistory, MemoryState, OwnedState, StateOwners, TaskHistory, type KeyValueState } from './accountState';
import { FollowedTasks } from './followedTasks';
import { SessionLaunches } from './sessionLaunches';
import { RemoteTaskPages, type RemotePages } from './remoteTaskPages';
import type { SessionLog } from './sessionLog';
import { TaskDetails } from './taskDetails';

export type AwsModule = typeof Aws;
export type PartnerCentralClient = ReturnType<AwsModule['createPartnerCentralClient']>;

/** Tasks per page of the view's list. */
/** Tasks per page of the task tree (its 'Load more…' asks for the next). */
const TASK_TREE_PAGE_SIZE = 20;

export interface SessionDependencies {
  aws: AwsModule;
  /** Where account state is kept (globalState); an unresolved identity keeps its state in memory instead. */
  state: KeyValueState;
  log: SessionLog;
  clock?: Clock;
  /** Told when any account's pending launches change, with the identity key. */
  pendingLaunchesChanged?: Emitter<string>;
  /** Which session writes each identity's keys (shared by the sessions of one window). */
  owners?: StateOwners;
}

/**
 * Opens a session for a snapshot of the connection settings: its client, and the identity that client
 * resolves (endpoint and credentials as the SDK sees them). The session's state is kept under that identity.
 */
export async function openAccountSession(settings: ConnectionSettings, given: SessionDependencies): Promise<AccountSession> {
  // Every line the session and its parts write passes the redaction boundary, whatever log it was given.
  const dependencies = { ...given, log: redactingLogger(given.log) };
  const { aws, log } = dependencies;
  log.debug(`Creating the Partner Central client: profile ${settings.profile ?? '(default chain)'}, region ${settings.region}, endpoint setting ${settings.endpoint ?? '(none: the SDK decides)'}`);
  const opened = await aws.openPartnerCentralClient(settings, log);
  const client = opened.client;
  if (opened.problem) {
    log.error(`The connection cannot be used: ${opened.problem.message}`);
    const identity = { key: 'unusable-configuration unresolved', endpoint: 'no endpoint (the configuration cannot be used)', resolved: false, problem: opened.problem.message };
    return new AccountSession(settings, identity, client, dependencies);
  }
  const resolved = await aws.resolveAccountIdentity(client);
  const identity = settings.stateKey && resolved.resolved ? { ...resolved, key: settings.stateKey } : resolved;
  if (identity.resolved) log.info(`Account: ${identity.endpoint}, ${identity.principal ?? ''}`);
  else {
    log.warn(`Account not resolved at ${identity.endpoint}: ${identity.problem ?? 'unknown reason'}. Nothing is kept or re-sent for it.`);
    if (identity.problemTraceDetail) log.trace(`Account not resolved, the error in full (redacted): ${identity.problemTraceDetail}`);
  }
  return new AccountSession(settings, identity, client, dependencies);
}

/**
 * Everything of one account, made from the settings of one moment: its client, its identity, its task history
 * and pending launches (kept under the identity's key, fixed here), the tasks it follows, the pages listed, the
 * details and titles fetched. Retiring it (the settings changed) stops its polling and drops answers that
 * arrive later; its client is destroyed once no launch holds the session any more.
 */
export class AccountSession {
  readonly pendingLaunches: AccountPendingLaunches;
  readonly history: TaskHistory;
  private readonly followed: FollowedTasks;
  private readonly launches: SessionLaunches;
  private readonly pages: RemoteTaskPages;
  private readonly details: TaskDetails;
  private readonly state: KeyValueState;
  private readonly owners: StateOwners;
  private holds = 0;
  private retired = false;
  private clientDestroyed = false;
  private relayPending: { dispose(): void } | undefined;

  readonly onDidChange;
  /** A launch, or a task on its own, ended: told once. */
  readonly onDidFinish;
  readonly onDidFailToPoll;

  constructor(
    readonly settings: ConnectionSettings,
    readonly identity: AccountIdentity,
    readonly client: PartnerCentralClient,
    private readonly dependencies: SessionDependencies,
  ) {
    const { aws } = dependencies;
    const log = redactingLogger(dependencies.log);
    const clock = dependencies.clock ?? systemClock;
    this.owners = dependencies.owners ?? new StateOwners();
    this.state = identity.resolved
      ? new OwnedState(dependencies.state, () => this.owners.owns(identity.key, this), (key) => log.debug(`Not saved by a retired session (a newer one keeps this account): ${key}`))
      : new MemoryState();
    this.history = new TaskHistory(this.state, identity.key);
    this.pendingLaunches = new AccountPendingLaunches(this.state, identity.key);
    const book = new TaskBook(this.history.load(), () => clock.now());
    this.launches = new SessionLaunches({
      book,
      history: new LaunchHistory(this.state, identity.key),
      pendingTokens: () => new Set(this.pendingLaunches.list().map((launch) => launch.clientToken)),
      clock,
      log,
    });
    const changed = dependencies.pendingLaunchesChanged;
    this.relayPending = this.pendingLaunches.onDidChange(() => {
      this.launches.pendingChanged();
      changed?.fire(identity.key);
    });
    this.followed = new FollowedTasks({
      book,
      history: this.history,
      fetchers: aws.createTaskFetchers(client),
      clock,
      log,
      onTaskArn: (arn) => this.noteAccountId(accountIdFromTaskArn(arn)),
    });
    this.pages = new RemoteTaskPages(this.followed, (catalog, nextToken) => aws.listRecentTasks(client, catalog, { maxResults: TASK_TREE_PAGE_SIZE, nextToken }), log);
    this.details = new TaskDetails(this.followed, {
      details: (catalog, taskId) => aws.fetchTaskDetails(client, catalog, taskId),
      titles: (catalog, ids) => aws.lookUpEngagementTitles(client, catalog, ids),
    }, clock, log);
    this.onDidChange = this.followed.onDidChange;
    this.followed.onDidFinish((task) => this.launches.taskFinished(task));
    this.onDidFinish = this.launches.onDidFinish;
    this.onDidFailToPoll = this.followed.onDidFailToPoll;
  }

  get aws(): AwsModule {
    return this.dependencies.aws;
  }

  get isRetired(): boolean {
    return this.retired;
  }

  /** The partner's AWS account ID: from the credentials, or from a task ARN seen under this identity. */
  get accountId(): string | undefined {
    return this.identity.accountId ?? this.state.get<string>(accountStateKey(this.identity.key, 'accountId'));
  }

  /** For messages: the endpoint and, when known, the account. */
  describe(): string {
    const account = this.accountId;
    return `${this.identity.endpoint.replace(/\/$/, '')}${account ? ` (account ${account})` : ''}`;
  }

  /** Follows the tasks restored from history that were still active. */
  start(): void {
    this.followed.start();
  }

  tasks(catalog: Catalog): TaskRecord[] {
    return this.followed.book.list(catalog);
  }

  task(catalog: Catalog, taskId: string): TaskRecord | undefined {
    return this.followed.book.get(catalog, taskId);
  }

  activeTasks(): TaskRecord[] {
    return CATALOGS.flatMap((catalog) => this.followed.book.active(catalog));
  }

  /** The launch (or task on its own) whose end was told last. */
  get latestFinished(): TaskGroup | undefined {
    return this.launches.latestFinished;
  }

  /** The catalog's tasks as the view lists them, a launch of several tasks as one entry. */
  groups(tasks: readonly TaskRecord[]): TaskGroup[] {
    return this.launches.groups(tasks);
  }

  launchOf(catalog: Catalog, taskId: string): LaunchRecord | undefined {
    return this.launches.launchOf(catalog, taskId);
  }

  tasksOf(launch: LaunchRecord): TaskRecord[] {
    return this.launches.tasksOf(launch);
  }

  /**
   * The session that keeps this account's state: this one, or, once it is retired and a newer session of the
   * same identity became current, that one. A launch that spans switches records its tasks, its launch and its
   * tokens there, in its own account, and never over a newer session's state.
   */
  private get keeper(): AccountSession {
    const owner = this.identity.resolved ? this.owners.ownerOf(this.identity.key) : undefined;
    return owner instanceof AccountSession ? owner : this;
  }

  /** Where a launch of this session saves its ClientTokens: its account's pending launches, through the keeper. */
  get launchTokens(): PendingLaunchStore {
    return {
      list: () => this.keeper.pendingLaunches.list(),
      save: (launch) => this.keeper.pendingLaunches.save(launch),
      remove: (clientToken) => this.keeper.pendingLaunches.remove(clientToken),
    };
  }

  /** A launch of `batches` (one action of the user) begins here; its id. Its record is saved at once. */
  beginLaunch(catalog: Catalog, batches: readonly TaskBatch[]): string {
    return this.keeper.launches.begin(catalog, batches);
  }

  /** More tasks of the launch are started (Start Without Them); false when it is gone (it got no task). */
  reopenLaunch(launchId: string): boolean {
    return this.keeper.launches.reopen(launchId);
  }

  /** The launch's start got no answer for the batch sent with `clientToken`: the launch waits for it. */
  launchUnanswered(launchId: string, clientToken: string): void {
    this.keeper.launches.unanswered(launchId, clientToken);
  }

  /** The launch's tasks were started (or not): its end may be told now. */
  closeLaunch(launchId: string): void {
    const keeper = this.keeper;
    keeper.launches.close(launchId);
    keeper.followed.announce();
  }

  title(catalog: Catalog, engagementId: string): string | undefined {
    return this.details.title(catalog, engagementId);
  }

  /** Engagement titles, cached for this session; never rejects (a failure is logged, the titles stay unknown). */
  lookUpTitles(catalog: Catalog, engagementIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.details.lookUpTitles(catalog, engagementIds);
  }

  pageState(catalog: Catalog): Readonly<RemotePages> {
    return this.pages.state(catalog);
  }

  loadFirstPage(catalog: Catalog, force = false): Promise<void> {
    return this.pages.loadFirstPage(catalog, force);
  }

  loadMore(catalog: Catalog): Promise<void> {
    return this.pages.loadMore(catalog);
  }

  /** Refresh: the first page again, and an immediate poll of active tasks. */
  async refresh(catalog: Catalog): Promise<void> {
    await this.pages.loadFirstPage(catalog, true);
    await this.followed.pollNow(catalog);
  }

  ensureDetails(task: TaskRecord, force = false): Promise<TaskRecord> {
    return this.details.ensure(task, force);
  }

  /** A task Start just created in this account: kept in its book and history, and followed while current. */
  addStarted(task: TaskRecord, clientToken: string, launchId?: string): void {
    const keeper = this.keeper;
    keeper.launches.started(launchId, task.taskId, clientToken);
    keeper.followed.upsert([task], task.catalog);
  }

  setFocused(focused: boolean): void {
    this.followed.setFocused(focused);
  }

  /** Keeps the client alive until the returned function is called (a launch holds its session to its end). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      this.destroyClientIfDone();
    };
  }

  /** Another account is current now: stop following, drop late answers, destroy the client when unheld. */
  retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.followed.stop();
    this.launches.stop();
    this.destroyClientIfDone();
  }

  private destroyClientIfDone(): void {
    if (!this.retired || this.holds > 0 || this.clientDestroyed) return;
    this.clientDestroyed = true;
    this.client.destroy();
    this.relayPending?.dispose();
    this.pendingLaunches.dispose();
  }

  private noteAccountId(accountId: string | undefined): void {
    if (!accountId || accountId === this.accountId || !this.identity.resolved) return;
    this.state.update(accountStateKey(this.identity.key, 'accountId'), accountId)
      .then(undefined, (error: unknown) => this.dependencies.log.warn(`Saving the account ID failed: ${errorText(error)}`));
  }
}

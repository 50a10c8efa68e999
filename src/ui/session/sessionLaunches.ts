import { randomUUID } from 'node:crypto';
import type { TaskBatch } from '../../core/batchPlanning';
import { Emitter } from '../../core/emitter';
import { groupTasks, LaunchBook, launchName, type Catalog, type Clock, type LaunchRecord, type TaskBook, type TaskGroup, type TaskRecord } from '../../core/tasks';
import type { LaunchHistory } from './accountState';
import type { SessionLog } from './sessionLog';

export interface SessionLaunchesOptions {
  book: TaskBook;
  history: LaunchHistory;
  /** The ClientTokens still pending in the account's store. */
  pendingTokens(): ReadonlySet<string>;
  clock: Clock;
  log: SessionLog;
}

/**
 * One account's launches: which tasks the user started in one action. A launch's end is told once, when its
 * last task ends (a task that belongs to no launch, or is a launch's only one, is told on its own).
 */
export class SessionLaunches {
  private readonly launches: LaunchBook;
  private latest: { kind: 'launch' | 'task'; catalog: Catalog; id: string } | undefined;
  private stopped = false;

  private readonly finished = new Emitter<TaskGroup>();
  /** A launch (or a task on its own) followed here ended. */
  readonly onDidFinish = this.finished.event;

  constructor(private readonly options: SessionLaunchesOptions) {
    this.launches = new LaunchBook(options.history.load());
  }

  /** A launch of `batches` begins; its id. */
  begin(catalog: Catalog, batches: readonly TaskBatch[]): string {
    const launch = this.launches.begin({
      launchId: randomUUID(),
      catalog,
      name: launchName(batches.map((batch) => batch.name)),
      engagementCount: batches.reduce((total, batch) => total + batch.identifiers.length, 0),
      createdAt: new Date(this.options.clock.now()).toISOString(),
    });
    // Saved at once: a reload, or a switch of account, in the middle of the launch must not lose it.
    this.save();
    return launch.launchId;
  }

  /** More tasks of an existing launch are started (Start Without Them); false when it is gone (it got no task). */
  reopen(launchId: string): boolean {
    return this.launches.reopen(launchId);
  }

  started(launchId: string | undefined, taskId: string, clientToken: string): void {
    this.launches.addTask(launchId, taskId, clientToken);
    this.save();
  }

  unanswered(launchId: string, clientToken: string): void {
    this.launches.await(launchId, clientToken);
    this.save();
  }

  /** Its tasks were started, or not: it may be over already. */
  close(launchId: string): void {
    this.launches.close(launchId);
    this.settle();
  }

  /** A followed task ended. */
  taskFinished(task: TaskRecord): void {
    const launch = this.launches.launchOf(task.catalog, task.taskId);
    if (!launch) this.announce({ kind: 'task', task });
    else this.settle();
  }

  /** The pending launches changed: a discarded one no longer holds its launch open. */
  pendingChanged(): void {
    this.launches.settleTokens(this.options.pendingTokens());
    this.settle();
  }

  launchOf(catalog: Catalog, taskId: string): LaunchRecord | undefined {
    return this.launches.launchOf(catalog, taskId);
  }

  /** The known tasks of `launch`, in the order they started. */
  tasksOf(launch: LaunchRecord): TaskRecord[] {
    return launch.taskIds.map((taskId) => this.options.book.get(launch.catalog, taskId)).filter((task): task is TaskRecord => task !== undefined);
  }

  /** The catalog's tasks as the view lists them: a launch of several tasks is one entry. */
  groups(tasks: readonly TaskRecord[]): TaskGroup[] {
    return groupTasks(tasks, (task) => this.launches.launchOf(task.catalog, task.taskId));
  }

  /** The launch or task whose end was told last, as it is now. */
  get latestFinished(): TaskGroup | undefined {
    const latest = this.latest;
    if (!latest) return undefined;
    if (latest.kind === 'task') {
      const task = this.options.book.get(latest.catalog, latest.id);
      return task && { kind: 'task', task };
    }
    const launch = this.launches.get(latest.id);
    return launch && { kind: 'launch', launch, tasks: this.tasksOf(launch) };
  }

  stop(): void {
    this.stopped = true;
    this.finished.dispose();
  }

  private settle(): void {
    if (this.stopped) {
      // A retired session tells nothing, but its launch's changes are kept: the session it is in now tells its end.
      this.save();
      return;
    }
    const ended = this.launches.takeFinished((launch) => this.tasksOf(launch), new Date(this.options.clock.now()).toISOString());
    this.save();
    for (const { launch, tasks } of ended) {
      this.announce(tasks.length === 1 ? { kind: 'task', task: tasks[0] } : { kind: 'launch', launch, tasks });
    }
  }

  private announce(group: TaskGroup): void {
    if (this.stopped) return;
    this.latest = group.kind === 'task'
      ? { kind: 'task', catalog: group.task.catalog, id: group.task.taskId }
      : { kind: 'launch', catalog: group.launch.catalog, id: group.launch.launchId };
    this.finished.fire(group);
  }

  /** Whether this session may write its account's keys is decided at the state's write boundary (OwnedState). */
  private save(): void {
    this.options.history.save(this.launches.toJSON()).catch((error: unknown) => this.options.log.warn(`Saving the launches failed: ${String(error)}`));
  }
}

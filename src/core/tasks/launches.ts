import { type Catalog, type TaskRecord } from './taskRecord';
import { aggregateProgress, isActive, type TaskState } from './taskState';

/**
 * What the user started in one action: one name, N engagements, split into tasks of at most 100. Plain JSON
 * (kept in the account's state), so a reload still shows a launch as one thing.
 */
export interface LaunchRecord {
  launchId: string;
  catalog: Catalog;
  /** The name the user gave, without the tasks' `(i/k)` suffix. */
  name: string;
  /** How many engagements the user launched (N). */
  engagementCount: number;
  /** ISO 8601. */
  createdAt: string;
  /** The tasks started for it, in the order they started. */
  taskIds: string[];
  /**
   * ClientTokens of its tasks whose start got no answer (pending launches): their outcome is not known, so the
   * launch is not over until they start (then they join it) or are discarded.
   */
  awaitingTokens: string[];
  /** Its tasks are still being started (a launch, or its Start Without Them follow-up, is under way). */
  starting: boolean;
  /** Set once its end was announced: the end of a launch is told once. */
  announcedAt?: string;
}

/** A launch with the tasks of it that are known. */
export interface LaunchWithTasks {
  launch: LaunchRecord;
  tasks: TaskRecord[];
}

/** An entry of the task list: a launch of several tasks, or a task on its own. */
export type TaskGroup = { kind: 'launch'; launch: LaunchRecord; tasks: TaskRecord[] } | { kind: 'task'; task: TaskRecord };

const SUFFIX = / \(\d+\/\d+\)$/;

/** The launch's name from its batches' names: `Leads (1/3)` → `Leads`. */
export function launchName(batchNames: readonly string[]): string {
  const first = batchNames[0] ?? '';
  return batchNames.length > 1 ? first.replace(SUFFIX, '') : first;
}

/**
 * The launches of one account, with the rules that tie tasks to them. Tasks the service lists but that were not
 * started here are never grouped: nothing the service returns says which action started them.
 */
export class LaunchBook {
  private readonly launches = new Map<string, LaunchRecord>();

  constructor(initial: readonly LaunchRecord[] = []) {
    for (const launch of initial) this.launches.set(launch.launchId, { ...launch, starting: false });
  }

  begin(launch: Pick<LaunchRecord, 'launchId' | 'catalog' | 'name' | 'engagementCount' | 'createdAt'>): LaunchRecord {
    const record: LaunchRecord = { ...launch, taskIds: [], awaitingTokens: [], starting: true };
    this.launches.set(record.launchId, record);
    return record;
  }

  /** A follow-up (Start Without Them) starts more tasks of the same launch: it is not over until they end. False when it is gone. */
  reopen(launchId: string): boolean {
    return this.update(launchId, (launch) => ({ ...launch, starting: true })) !== undefined;
  }

  get(launchId: string): LaunchRecord | undefined {
    return this.launches.get(launchId);
  }

  /** The launch a task of `catalog` belongs to. */
  launchOf(catalog: Catalog, taskId: string): LaunchRecord | undefined {
    for (const launch of this.launches.values()) {
      if (launch.catalog === catalog && launch.taskIds.includes(taskId)) return launch;
    }
    return undefined;
  }

  /**
   * A task started with `clientToken`: it joins the launch that awaited that token (a pending launch re-sent,
   * maybe after a reload), else `launchId`'s. A launch that had ended and gains a task is announced again at its new end.
   */
  addTask(launchId: string | undefined, taskId: string, clientToken?: string): LaunchRecord | undefined {
    const awaiting = clientToken ? [...this.launches.values()].find((launch) => launch.awaitingTokens.includes(clientToken)) : undefined;
    const target = awaiting ?? (launchId ? this.launches.get(launchId) : undefined);
    if (!target) return undefined;
    return this.update(target.launchId, (launch) => {
      const { announcedAt: _announced, ...rest } = launch;
      return {
        ...rest,
        taskIds: launch.taskIds.includes(taskId) ? launch.taskIds : [...launch.taskIds, taskId],
        awaitingTokens: launch.awaitingTokens.filter((token) => token !== clientToken),
      };
    });
  }

  /** A task of the launch got no answer: it stays pending under `clientToken`. */
  await(launchId: string, clientToken: string): void {
    this.update(launchId, (launch) => ({ ...launch, awaitingTokens: launch.awaitingTokens.includes(clientToken) ? launch.awaitingTokens : [...launch.awaitingTokens, clientToken] }));
  }

  /** Its tasks were started, or not: a launch that got no task and awaits none is dropped. */
  close(launchId: string): void {
    const launch = this.launches.get(launchId);
    if (!launch) return;
    if (launch.taskIds.length === 0 && launch.awaitingTokens.length === 0) this.launches.delete(launchId);
    else this.launches.set(launchId, { ...launch, starting: false });
  }

  /** Tokens no longer pending (discarded, or settled elsewhere) are no longer awaited. */
  settleTokens(stillPending: ReadonlySet<string>): void {
    for (const launch of [...this.launches.values()]) {
      const awaitingTokens = launch.awaitingTokens.filter((token) => stillPending.has(token));
      if (awaitingTokens.length === launch.awaitingTokens.length) continue;
      this.launches.set(launch.launchId, { ...launch, awaitingTokens });
      if (!launch.starting) this.close(launch.launchId);
    }
  }

  /** Launches that are over and were not announced yet: each is returned once (they are marked announced). */
  takeFinished(tasksOf: (launch: LaunchRecord) => readonly TaskRecord[], now: string): LaunchWithTasks[] {
    const finished: LaunchWithTasks[] = [];
    for (const launch of this.launches.values()) {
      if (launch.announcedAt) continue;
      const tasks = tasksOf(launch);
      if (!isLaunchOver(launch, tasks)) continue;
      const announced = { ...launch, announcedAt: now };
      this.launches.set(launch.launchId, announced);
      finished.push({ launch: announced, tasks: [...tasks] });
    }
    return finished;
  }

  list(): LaunchRecord[] {
    return [...this.launches.values()];
  }

  /** Newest first, the `max` newest kept (a launch still starting or awaiting an answer always is). */
  toJSON(max = 200): LaunchRecord[] {
    const newestFirst = this.list().sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    return newestFirst.filter((launch, index) => index < max || launch.starting || launch.awaitingTokens.length > 0);
  }

  private update(launchId: string, change: (launch: LaunchRecord) => LaunchRecord): LaunchRecord | undefined {
    const launch = this.launches.get(launchId);
    if (!launch) return undefined;
    const updated = change(launch);
    this.launches.set(launchId, updated);
    return updated;
  }
}

/** Nothing more to start or to wait for, and every known task of it ended. */
export function isLaunchOver(launch: LaunchRecord, tasks: readonly TaskRecord[]): boolean {
  return !launch.starting && launch.awaitingTokens.length === 0 && tasks.length > 0 && tasks.every((task) => !isActive(task));
}

/**
 * A launch's state across its tasks: pending until something moved, running while a task runs or more are to
 * come, then failed when every engagement failed, completed with failures when some did, completed otherwise.
 */
export function launchState(launch: LaunchRecord, tasks: readonly TaskRecord[]): TaskState {
  const progress = aggregateProgress(tasks);
  if (!isLaunchOver(launch, tasks)) return progress.done > 0 ? 'running' : 'pending';
  if (progress.failed === 0) return 'completed';
  return progress.total > 0 && progress.failed >= progress.total ? 'failed' : 'completedWithFailures';
}

/** '232/250 done · 18 failed' across the launch's tasks. */
export function describeLaunchProgress(tasks: readonly TaskRecord[]): string {
  const progress = aggregateProgress(tasks);
  return `${progress.done}/${progress.total} done${progress.failed > 0 ? ` · ${progress.failed} failed` : ''}`;
}

/**
 * The list as the view shows it, newest first: a launch of more than one listed task is one entry at the place
 * of its newest task, its tasks in the order they started; every other task stands alone.
 */
export function groupTasks(tasks: readonly TaskRecord[], launchOf: (task: TaskRecord) => LaunchRecord | undefined): TaskGroup[] {
  const byLaunch = new Map<string, { launch: LaunchRecord; tasks: TaskRecord[] }>();
  for (const task of tasks) {
    const launch = launchOf(task);
    if (!launch) continue;
    const entry = byLaunch.get(launch.launchId) ?? { launch, tasks: [] };
    entry.tasks.push(task);
    byLaunch.set(launch.launchId, entry);
  }
  const groups: TaskGroup[] = [];
  const placed = new Set<string>();
  for (const task of tasks) {
    const launch = launchOf(task);
    const entry = launch && byLaunch.get(launch.launchId);
    if (!entry || entry.tasks.length < 2) {
      groups.push({ kind: 'task', task });
      continue;
    }
    if (placed.has(entry.launch.launchId)) continue;
    placed.add(entry.launch.launchId);
    const order = entry.launch.taskIds;
    groups.push({ kind: 'launch', launch: entry.launch, tasks: [...entry.tasks].sort((a, b) => order.indexOf(a.taskId) - order.indexOf(b.taskId)) });
  }
  return groups;
}

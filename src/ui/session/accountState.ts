import { Emitter } from '../../core/emitter';
import type { PendingLaunch, PendingLaunchStore } from '../../core/pendingLaunches';
import { parseStoredTaskRecords, type LaunchRecord, type TaskRecord } from '../../core/tasks';

/** Where account state survives a reload: the extension's globalState (vscode.Memento has this shape). */
export interface KeyValueState {
  keys(): readonly string[];
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): PromiseLike<void>;
}

/** Every key of one account's state starts with this and its identity key. */
const ACCOUNT_STATE_PREFIX = 'partnerCentral.account/';

export function accountStateKey(identityKey: string, part: 'taskHistory' | 'pendingLaunches' | 'launches' | 'accountId'): string {
  return `${ACCOUNT_STATE_PREFIX}${identityKey}/${part}`;
}

/** Tasks kept per account, so a reload shows them at once; the newest first, up to this many. */
const MAX_KEPT = 500;

/** The tasks of one account, under a key fixed when the account's session was made. */
export class TaskHistory {
  private readonly key: string;

  constructor(private readonly state: KeyValueState, identityKey: string) {
    this.key = accountStateKey(identityKey, 'taskHistory');
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

/** The launches of one account (which tasks were started together), under a key fixed when its session was made. */
export class LaunchHistory {
  private readonly key: string;

  constructor(private readonly state: KeyValueState, identityKey: string) {
    this.key = accountStateKey(identityKey, 'launches');
  }

  load(): LaunchRecord[] {
    const stored = this.state.get<unknown>(this.key);
    return Array.isArray(stored) ? stored.filter(isLaunchRecord) : [];
  }

  async save(launches: readonly LaunchRecord[]): Promise<void> {
    await this.state.update(this.key, launches.length > 0 ? launches : undefined);
  }
}

function isLaunchRecord(value: unknown): value is LaunchRecord {
  if (typeof value !== 'object' || value === null) return false;
  const launch = value as Partial<LaunchRecord>;
  return typeof launch.launchId === 'string' && typeof launch.name === 'string' && typeof launch.createdAt === 'string' &&
    (launch.catalog === 'Sandbox' || launch.catalog === 'AWS') && Array.isArray(launch.taskIds) && Array.isArray(launch.awaitingTokens);
}

/**
 * The pending launches of one account, under a key fixed when its session was made: a launch saves and
 * removes its ClientTokens here whatever the settings say meanwhile, and they are re-sent only to this account.
 */
export class AccountPendingLaunches implements PendingLaunchStore {
  private readonly key: string;
  private readonly changed = new Emitter<void>();
  /** A launch was saved or settled: the tree shows launches still pending. */
  readonly onDidChange = this.changed.event;

  constructor(private readonly state: KeyValueState, identityKey: string) {
    this.key = accountStateKey(identityKey, 'pendingLaunches');
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
    const kept = this.list().filter((existing) => existing.clientToken !== clientToken);
    await this.state.update(this.key, kept.length > 0 ? kept : undefined);
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/**
 * VS Code's globalState as this window last wrote it. The Memento echoes each write back to the extension host
 * later, replacing every value with what storage held at that moment: read between a write and the echo of an
 * earlier one, a key shows its earlier value, and a list read and written back then (the pending launches)
 * brings back an entry just removed. Keys this window wrote are read from here; others from the Memento.
 */
export class WrittenThroughState implements KeyValueState {
  private readonly written = new Map<string, unknown>();

  constructor(private readonly stored: KeyValueState) {}

  keys(): readonly string[] {
    const keys = new Set(this.stored.keys().filter((key) => !this.written.has(key)));
    for (const [key, value] of this.written) if (value !== undefined) keys.add(key);
    return [...keys];
  }

  get<T>(key: string): T | undefined {
    return this.written.has(key) ? copyOf(this.written.get(key)) as T | undefined : this.stored.get<T>(key);
  }

  update(key: string, value: unknown): PromiseLike<void> {
    this.written.set(key, copyOf(value));
    return this.stored.update(key, value);
  }
}

function copyOf(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown;
}

/**
 * Which session writes each identity's keys: the last one of that identity to become current. An older session
 * of the same identity (retired: the settings changed, then changed back) must not write its stale copy over
 * the keys; its late changes go through the owner instead. An identity no session claimed is anyone's.
 */
export class StateOwners {
  private readonly owners = new Map<string, object>();

  claim(identityKey: string, owner: object): void {
    this.owners.set(identityKey, owner);
  }

  ownerOf(identityKey: string): object | undefined {
    return this.owners.get(identityKey);
  }

  owns(identityKey: string, candidate: object): boolean {
    const owner = this.owners.get(identityKey);
    return owner === undefined || owner === candidate;
  }
}

/**
 * One session's view of the account state: it reads everything, and writes only while it owns its identity's
 * keys. This is the one guard at the write boundary: history, launches, pending launches and the account ID
 * of a session that lost its keys to a newer one are never written.
 */
export class OwnedState implements KeyValueState {
  constructor(private readonly state: KeyValueState, private readonly mayWrite: () => boolean, private readonly refused: (key: string) => void) {}

  keys(): readonly string[] {
    return this.state.keys();
  }

  get<T>(key: string): T | undefined {
    return this.state.get<T>(key);
  }

  update(key: string, value: unknown): PromiseLike<void> {
    if (this.mayWrite()) return this.state.update(key, value);
    this.refused(key);
    return Promise.resolve();
  }
}

/** A KeyValueState that lives as long as its session: for an identity that could not be resolved. */
export class MemoryState implements KeyValueState {
  private readonly values = new Map<string, unknown>();

  keys(): readonly string[] {
    return [...this.values.keys()];
  }

  get<T>(key: string): T | undefined {
    return this.values.get(key) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    if (value === undefined) this.values.delete(key);
    else this.values.set(key, JSON.parse(JSON.stringify(value)) as unknown);
  }
}

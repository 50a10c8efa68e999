/**
 * A value two windows write at once without losing each other's entries: a map whose every entry carries the
 * stamp of its last change, and whose removals are kept as tombstones until they are old enough to forget.
 * Merging takes, per key, the entry with the later stamp, so it is commutative, associative and idempotent:
 * whatever order writes and late echoes arrive in, two copies that have seen the same changes are equal.
 */

/** When and by whom an entry last changed: compared by `at`, then by `by`, so two stamps never tie. */
export interface Stamp {
  /** A hybrid logical clock: at least the wall clock, and later than every stamp this writer has seen. */
  readonly at: number;
  /** The writer (a window's own random ID). */
  readonly by: string;
}

export interface Entry<T> {
  readonly stamp: Stamp;
  /** Absent for a removal (a tombstone). */
  readonly value?: T;
}

/** Plain JSON, as kept in globalState. */
export type EntryMap<T> = Readonly<Record<string, Entry<T>>>;

export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1;
  return a.by < b.by ? -1 : a.by > b.by ? 1 : 0;
}

/** Per key, the later change wins; a key only one side knows is kept. */
export function mergeEntryMaps<T>(a: EntryMap<T>, b: EntryMap<T>): EntryMap<T> {
  const merged: Record<string, Entry<T>> = { ...a };
  for (const [key, entry] of Object.entries(b)) {
    const known = merged[key];
    if (!known || compareStamps(known.stamp, entry.stamp) < 0) merged[key] = entry;
  }
  return merged;
}

export function putEntry<T>(map: EntryMap<T>, key: string, value: T, stamp: Stamp): EntryMap<T> {
  return mergeEntryMaps(map, { [key]: { stamp, value } });
}

export function removeEntry<T>(map: EntryMap<T>, key: string, stamp: Stamp): EntryMap<T> {
  return mergeEntryMaps(map, { [key]: { stamp } });
}

/** The live values, by key. */
export function liveEntries<T>(map: EntryMap<T>): Map<string, T> {
  const live = new Map<string, T>();
  for (const [key, entry] of Object.entries(map)) if (entry.value !== undefined) live.set(key, entry.value);
  return live;
}

/** True when `b` holds nothing `a` does not (merging b into a changes nothing): no write is needed. */
export function covers<T>(a: EntryMap<T>, b: EntryMap<T>): boolean {
  for (const [key, entry] of Object.entries(b)) {
    const known = a[key];
    if (!known || compareStamps(known.stamp, entry.stamp) < 0) return false;
  }
  return true;
}

/**
 * Tombstones older than `before` are forgotten. A window that was closed for longer than that could bring a
 * removed entry back, so `before` is far in the past (days), not the last poll.
 */
export function pruneTombstones<T>(map: EntryMap<T>, before: number): EntryMap<T> {
  const kept: Record<string, Entry<T>> = {};
  for (const [key, entry] of Object.entries(map)) if (entry.value !== undefined || entry.stamp.at >= before) kept[key] = entry;
  return kept;
}

/** The valid entries of a value read back from storage; anything malformed is dropped. */
export function parseEntryMap<T>(value: unknown, isValue: (candidate: unknown) => candidate is T): EntryMap<T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const parsed: Record<string, Entry<T>> = {};
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    if (typeof raw !== 'object' || raw === null) continue;
    const { stamp, value: entryValue } = raw as { stamp?: unknown; value?: unknown };
    if (!isStamp(stamp)) continue;
    if (entryValue === undefined) parsed[key] = { stamp };
    else if (isValue(entryValue)) parsed[key] = { stamp, value: entryValue };
  }
  return parsed;
}

function isStamp(value: unknown): value is Stamp {
  if (typeof value !== 'object' || value === null) return false;
  const { at, by } = value as { at?: unknown; by?: unknown };
  return typeof at === 'number' && Number.isFinite(at) && typeof by === 'string';
}

/** Issues stamps for one writer: never behind the wall clock, always after every stamp it has seen. */
export class StampClock {
  private last = 0;

  constructor(readonly writer: string, private readonly now: () => number = Date.now) {}

  next(): Stamp {
    this.last = Math.max(this.now(), this.last + 1);
    return { at: this.last, by: this.writer };
  }

  wallTime(): number {
    return this.now();
  }

  /** Stamps read from another writer move this clock past them, so a later change here wins over them. */
  observe(map: EntryMap<unknown>): void {
    for (const entry of Object.values(map)) this.last = Math.max(this.last, entry.stamp.at);
  }
}

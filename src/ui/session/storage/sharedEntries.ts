import {
  covers, liveEntries, mergeEntryMaps, parseEntryMap, pruneTombstones, putEntry, removeEntry, type EntryMap, type StampClock,
} from '../../../core/sync/entryMap';
import type { KeyValueState } from '../accountState';

/** Tombstones are kept this long: a window closed for longer may bring back an entry removed meanwhile. */
const TOMBSTONE_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * One globalState value that several windows of one account write (pending tokens, launches, active tasks),
 * merged per entry instead of replaced whole. Reads the shared Memento directly (not a WrittenThroughState):
 * this window's own changes are kept in `local`, and every read merges what storage holds now, so neither a
 * late echo of an older value nor another window's write of its whole value loses an entry.
 */
export class SharedEntries<T> {
  private local: EntryMap<T> = {};

  constructor(
    private readonly state: KeyValueState,
    private readonly key: string,
    private readonly clock: StampClock,
    private readonly isValue: (candidate: unknown) => candidate is T,
  ) {}

  /** The live entries, as both this window and storage know them. */
  list(): Map<string, T> {
    return liveEntries(this.merged());
  }

  /** Every entry with its stamp, tombstones included (for tests and diagnostics). */
  entries(): EntryMap<T> {
    return this.merged();
  }

  get(key: string): T | undefined {
    return this.list().get(key);
  }

  put(key: string, value: T): Promise<void> {
    return this.write(putEntry(this.merged(), key, value, this.clock.next()));
  }

  remove(key: string): Promise<void> {
    return this.write(removeEntry(this.merged(), key, this.clock.next()));
  }

  /**
   * Writes back what this window knows and storage lacks (another window replaced the value before seeing ours).
   * Call it when storage changes (an echo, another window's write); it writes nothing when storage covers us.
   */
  async sync(): Promise<boolean> {
    const stored = this.stored();
    if (covers(stored, this.local)) {
      this.local = mergeEntryMaps(this.local, stored);
      return false;
    }
    await this.write(mergeEntryMaps(this.local, stored));
    return true;
  }

  private merged(): EntryMap<T> {
    const stored = this.stored();
    this.clock.observe(stored);
    this.local = mergeEntryMaps(this.local, stored);
    return this.local;
  }

  private stored(): EntryMap<T> {
    return parseEntryMap(this.state.get<unknown>(this.key), this.isValue);
  }

  private async write(map: EntryMap<T>): Promise<void> {
    this.local = pruneTombstones(map, this.clock.wallTime() - TOMBSTONE_MS);
    await this.state.update(this.key, Object.keys(this.local).length > 0 ? this.local : undefined);
  }
}

import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { StampClock, compareStamps, type Stamp } from '../../../../../src/core/sync/entryMap';
import type { KeyValueState } from '../../../../../src/ui/session/accountState';
import { SharedEntries } from '../../../../../src/ui/session/storage/sharedEntries';
import { propertyRuns } from '../../../../support/propertyRuns';

const KEY = 'partnerCentral.account/acct/launches';

/**
 * One storage database shared by two windows, as VS Code has it: each window's Memento changes at once on its
 * own write, the write reaches storage later (whole value, last writer wins), and storage's value reaches each
 * window later still (an echo, or the other window's change event), replacing the window's copy.
 */
class SharedStorage {
  stored: unknown;
  readonly writes: Array<{ value: unknown }> = [];
  readonly windows: WindowMemento[] = [];

  window(): WindowMemento {
    const memento = new WindowMemento(this);
    this.windows.push(memento);
    return memento;
  }

  /** The oldest write reaches storage; every window will hear of it, later. */
  deliverWrite(): boolean {
    const write = this.writes.shift();
    if (!write) return false;
    this.stored = write.value;
    for (const window of this.windows) window.echoes.push(write.value);
    return true;
  }
}

class WindowMemento implements KeyValueState {
  value: unknown;
  readonly echoes: unknown[] = [];

  constructor(private readonly storage: SharedStorage) {}

  keys(): readonly string[] {
    return this.value === undefined ? [] : [KEY];
  }

  get<T>(key: string): T | undefined {
    return (key === KEY ? copy(this.value) : undefined) as T | undefined;
  }

  async update(key: string, value: unknown): Promise<void> {
    assert.equal(key, KEY);
    this.value = copy(value);
    this.storage.writes.push({ value: copy(value) });
  }

  deliverEcho(): boolean {
    if (this.echoes.length === 0) return false;
    this.value = this.echoes.shift();
    return true;
  }
}

function copy(value: unknown): unknown {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value)) as unknown;
}

const isString = (value: unknown): value is string => typeof value === 'string';

type Action =
  | { kind: 'put'; window: 0 | 1; key: string; value: string }
  | { kind: 'remove'; window: 0 | 1; key: string }
  | { kind: 'write' }
  | { kind: 'echo'; window: 0 | 1 }
  | { kind: 'sync'; window: 0 | 1 };

const windowIndex = fc.constantFrom<0 | 1>(0, 1);
const entryKey = fc.constantFrom('tok-1', 'tok-2', 'tok-3', 'tok-4', 'tok-5');
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), window: windowIndex, key: entryKey, value: fc.string({ maxLength: 3 }) }),
  fc.record({ kind: fc.constant('remove' as const), window: windowIndex, key: entryKey }),
  fc.record({ kind: fc.constant('write' as const) }),
  fc.record({ kind: fc.constant('echo' as const), window: windowIndex }),
  fc.record({ kind: fc.constant('sync' as const), window: windowIndex }),
);

describe('SharedEntries: two windows, one account, over one storage that echoes late', () => {
  it('converges, and every entry ends as its latest put or removal says, whatever the interleaving', async () => {
    await fc.assert(fc.asyncProperty(fc.array(action, { maxLength: 60 }), async (actions) => {
      const storage = new SharedStorage();
      let wall = 1_000;
      const now = (): number => wall;
      const windows = [storage.window(), storage.window()];
      const stores = [new SharedEntries(windows[0], KEY, new StampClock('A', now), isString), new SharedEntries(windows[1], KEY, new StampClock('B', now), isString)];
      const latest = new Map<string, { stamp: Stamp; value?: string }>();
      for (const step of actions) {
        wall += 1;
        if (step.kind === 'put' || step.kind === 'remove') {
          const store = stores[step.window];
          if (step.kind === 'put') await store.put(step.key, step.value);
          else await store.remove(step.key);
          const stamp = store.entries()[step.key].stamp;
          const known = latest.get(step.key);
          if (!known || compareStamps(known.stamp, stamp) < 0) latest.set(step.key, { stamp, ...(step.kind === 'put' ? { value: step.value } : {}) });
        } else if (step.kind === 'write') storage.deliverWrite();
        else if (step.kind === 'echo') windows[step.window].deliverEcho();
        else await stores[step.window].sync();
      }
      // Quiet: every write and echo arrives, each window repairs what storage lacks, until nobody writes.
      for (let round = 0; round < 10; round++) {
        while (storage.deliverWrite() || windows.some((window) => window.deliverEcho()));
        const wrote = [await stores[0].sync(), await stores[1].sync()];
        if (!wrote.includes(true) && storage.writes.length === 0) break;
      }
      const expected = [...latest].filter(([, entry]) => entry.value !== undefined).map(([key, entry]) => [key, entry.value]).sort();
      for (const store of stores) assert.deepEqual([...store.list()].sort(), expected);
      const fresh = new SharedEntries(windows[0], KEY, new StampClock('C', now), isString);
      assert.deepEqual([...fresh.list()].sort(), expected, 'storage itself holds every entry (what a reload reads)');
    }), propertyRuns(300));
  });

  it('keeps window B\'s launch when window A, not having seen it, writes its whole value after B (the issue\'s two tabs)', async () => {
    const storage = new SharedStorage();
    const [a, b] = [storage.window(), storage.window()];
    const storeA = new SharedEntries(a, KEY, new StampClock('A'), isString);
    const storeB = new SharedEntries(b, KEY, new StampClock('B'), isString);
    await storeB.put('launch-B', '5 IDs');
    storage.deliverWrite();
    for (let i = 0; i < 150; i++) await storeA.put(`launch-A-${i}`, '150 IDs');
    while (storage.deliverWrite()); // A's writes, made before A heard of B's, replace storage's value whole.
    while (a.deliverEcho() || b.deliverEcho());
    assert.equal(new SharedEntries(a, KEY, new StampClock('R'), isString).get('launch-B'), undefined, 'the last-writer-wins storage lost it for now');
    assert.equal(await storeB.sync(), true, 'B sees storage lacks its launch and writes it back');
    while (storage.deliverWrite());
    while (a.deliverEcho() || b.deliverEcho());
    const reloaded = new SharedEntries(b, KEY, new StampClock('R'), isString);
    assert.equal(reloaded.get('launch-B'), '5 IDs');
    assert.equal(reloaded.list().size, 151);
  });
});

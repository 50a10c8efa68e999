import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  compareStamps, covers, liveEntries, mergeEntryMaps, parseEntryMap, putEntry, removeEntry, type EntryMap, StampClock,
} from '../../../../src/core/sync/entryMap';
import { propertyRuns } from '../../../support/propertyRuns';

const stamp = fc.record({ at: fc.integer({ min: 1, max: 50 }), by: fc.constantFrom('A', 'B', 'C') });
const entryMap: fc.Arbitrary<EntryMap<number>> = fc.dictionary(
  fc.constantFrom('k1', 'k2', 'k3', 'k4'),
  // One writer never gives two changes one stamp: the entry is a function of its stamp.
  stamp.map((s) => (s.at % 3 === 0 ? { stamp: s } : { stamp: s, value: s.at * 10 + s.by.charCodeAt(0) })),
);
const canonical = (map: EntryMap<number>): string => JSON.stringify(Object.keys(map).sort().map((key) => [key, map[key]]));

describe('EntryMap merge', () => {
  it('is commutative, associative and idempotent, so copies that saw the same changes agree', () => {
    fc.assert(fc.property(entryMap, entryMap, entryMap, (a, b, c) => {
      assert.equal(canonical(mergeEntryMaps(a, b)), canonical(mergeEntryMaps(b, a)));
      assert.equal(canonical(mergeEntryMaps(mergeEntryMaps(a, b), c)), canonical(mergeEntryMaps(a, mergeEntryMaps(b, c))));
      assert.equal(canonical(mergeEntryMaps(a, a)), canonical(a));
      assert.ok(covers(mergeEntryMaps(a, b), a) && covers(mergeEntryMaps(a, b), b));
    }), propertyRuns());
  });

  it('keeps, per key, the change with the later stamp: a removal hides an older put, a newer put revives it', () => {
    const put = putEntry<number>({}, 'k', 1, { at: 1, by: 'A' });
    const removed = removeEntry(put, 'k', { at: 2, by: 'B' });
    assert.deepEqual([...liveEntries(mergeEntryMaps(put, removed))], []);
    assert.deepEqual([...liveEntries(putEntry(removed, 'k', 3, { at: 3, by: 'A' }))], [['k', 3]]);
    assert.equal(compareStamps({ at: 5, by: 'A' }, { at: 5, by: 'B' }), -1);
  });

  it('reads back only well-formed entries from storage', () => {
    const parsed = parseEntryMap({ ok: { stamp: { at: 1, by: 'A' }, value: 2 }, noStamp: { value: 1 }, badValue: { stamp: { at: 1, by: 'A' }, value: 'x' }, gone: { stamp: { at: 2, by: 'B' } } },
      (value): value is number => typeof value === 'number');
    assert.deepEqual(Object.keys(parsed).sort(), ['gone', 'ok']);
    assert.deepEqual(parseEntryMap([1, 2], (value): value is number => typeof value === 'number'), {});
  });

  it('stamps after every stamp it has seen, even when the wall clock is behind', () => {
    const clock = new StampClock('A', () => 10);
    clock.observe({ x: { stamp: { at: 100, by: 'B' } } });
    assert.ok(clock.next().at > 100);
  });
});

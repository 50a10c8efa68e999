import * as assert from 'node:assert/strict';
import { scanDocumentText } from '../../../../src/core/editor';
import { extractEngagementIds } from '../../../../src/core/engagementIds';

const immediate = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Deterministic text mixing IDs, repeats, near misses and glued look-alikes. */
function corpus(seed: number, lines: number): string {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  const body = (length = 14): string => Array.from({ length }, () => alphabet[Math.floor(next() * 36)]).join('');
  const pool = Array.from({ length: 30 }, () => `eng-${body()}`);
  const shapes = [
    () => pool[Math.floor(next() * pool.length)],
    () => `x${pool[0]}`,
    () => `${pool[1]}_notes`,
    () => `ENG-${body().toUpperCase()}`,
    () => `eng_${body()}`,
    () => `eng-${body(13)}`,
    () => `(${pool[2]})`,
    () => `"${pool[3]}",`,
    () => `eng-team-${body(4)}`,
    () => `${pool[4]}-v2`,
  ];
  const out: string[] = [];
  for (let line = 0; line < lines; line++) {
    const words = Array.from({ length: 1 + Math.floor(next() * 5) }, () => (next() < 0.5 ? shapes[Math.floor(next() * shapes.length)]() : 'lorem'));
    out.push(words.join(next() < 0.8 ? ' ' : ''));
  }
  return out.join(next() < 0.5 ? '\n' : '\r\n');
}

describe('document scan', () => {
  it('finds every occurrence the extractor counts, and exactly its distinct IDs and near misses', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const text = corpus(seed, 400);
      const scan = await scanDocumentText(text, { yield: immediate, chunkSize: 1000, sliceMs: 0 });
      assert.ok(scan);
      const extraction = extractEngagementIds(text);
      assert.deepEqual(scan.ids, extraction.ids, `seed ${seed}: distinct IDs`);
      assert.equal(scan.occurrences.length, extraction.occurrences, `seed ${seed}: occurrence count`);
      assert.deepEqual([...new Set(scan.occurrences.map((found) => found.id))], extraction.ids.map((found) => found.id), `seed ${seed}: first-seen order`);
      assert.deepEqual(scan.nearMisses, extraction.nearMisses, `seed ${seed}: near misses`);
      for (const occurrence of scan.occurrences) assert.equal(text.slice(occurrence.offset, occurrence.offset + 18), occurrence.id);
    }
  });

  it('yields between slices of work and stops when cancelled', async () => {
    const text = corpus(9, 2000);
    let yields = 0;
    const scan = await scanDocumentText(text, { yield: async () => { yields++; await immediate(); }, chunkSize: 4096, sliceMs: 0 });
    assert.ok(scan);
    assert.ok(yields >= Math.floor(text.length / 4096) - 1, `yielded ${yields} times`);

    let turns = 0;
    const cancelled = await scanDocumentText(text, { yield: immediate, isCancelled: () => ++turns >= 2, chunkSize: 4096, sliceMs: 0 });
    assert.equal(cancelled, undefined);
    assert.equal(turns, 2, 'stopped at the second turn');
  });

  it('runs without yielding while a slice is short', async () => {
    let yields = 0;
    let clock = 0;
    const scan = await scanDocumentText(corpus(11, 500), { yield: async () => { yields++; }, chunkSize: 1000, sliceMs: 1000, now: () => clock++ });
    assert.ok(scan);
    assert.equal(yields, 0);
  });
});

import * as assert from 'node:assert/strict';
import { collectEngagementIds, describeIdCap, describeNearMiss, type TextPiece } from '../../../src/core/collectedIds';

const A = 'eng-aaaaaaaaaaaaaa';
const B = 'eng-bbbbbbbbbbbbbb';
const C = 'eng-cccccccccccccc';

function piece(text: string, origin = 'accounts.csv', startLine = 0, startColumn = 0): TextPiece {
  return { origin, text, startLine, startColumn };
}

describe('collectEngagementIds', () => {
  it('keeps first-seen order across pieces and counts repeats across them', async () => {
    const found = await collectEngagementIds([piece(`${B} ${A}\n${B}`), piece(`${A} ${C}`, 'notes.md')]);
    assert.deepEqual(found.ids.map(({ id, origin }) => [id, origin]), [[B, 'accounts.csv'], [A, 'accounts.csv'], [C, 'notes.md']]);
    assert.equal(found.occurrences, 5);
    assert.deepEqual(found.duplicates, [{ id: B, count: 2 }, { id: A, count: 2 }]);
  });

  it('reports positions in the origin for a selection that starts mid-document', async () => {
    // A selection starting on line 11 (0-based 10), column 5 (0-based 4), spanning two lines.
    const found = await collectEngagementIds([piece(`x ${A}\n  ENG-BBBBBBBBBBBBBB`, 'leads.txt', 10, 4)]);
    assert.deepEqual(found.ids, [{ id: A, origin: 'leads.txt', line: 11, column: 7 }]);
    assert.equal(found.nearMissCount, 1);
    assert.equal(found.nearMisses[0].line, 12);
    assert.equal(found.nearMisses[0].column, 3, 'columns after the first line are not shifted');
    assert.match(describeNearMiss(found.nearMisses[0]), /^leads\.txt:12:3: "ENG-BBBBBBBBBBBBBB" — .+/);
  });

  it('scans in chunks, yielding between them, without losing IDs split across chunks', async () => {
    const text = Array.from({ length: 200 }, (_, i) => `row ${i}, eng-${String(i).padStart(14, '0')}\n`).join('');
    let yields = 0;
    const found = await collectEngagementIds([piece(text)], { chunkSize: 37, yieldBetweenChunks: async () => { yields++; } });
    assert.equal(found.ids.length, 200);
    assert.equal(found.ids[199].line, 200);
    assert.equal(yields, Math.ceil(text.length / 37) - 1 + 2, 'between chunks, then before finishing and before combining');
  });

  it('stops when the yield callback throws (cancellation)', async () => {
    const text = `${A}\n`.repeat(1000);
    await assert.rejects(
      collectEngagementIds([piece(text)], { chunkSize: 100, yieldBetweenChunks: async () => { throw new Error('cancelled'); } }),
      /cancelled/,
    );
  });
});

describe('collectEngagementIds over the ID cap (issue 8)', () => {
  const idOf = (n: number): string => `eng-${n.toString(36).padStart(14, '0')}`;

  it('lists the first maxIds IDs but counts them all, across pieces too', async () => {
    const found = await collectEngagementIds([piece(`${A} ${B} ${A} ${C}`), piece(`${C} ${idOf(1)} ${idOf(2)}`, 'more.txt')], { maxIds: 2 });
    assert.deepEqual(found.ids.map(({ id }) => id), [A, B]);
    assert.equal(found.distinctIds, 5, 'C, 1 and 2 are counted though not listed, C once');
    assert.equal(found.occurrences, 7);
    assert.deepEqual(found.duplicates, [{ id: A, count: 2 }]);
  });

  it('says how many were found, the limit, the setting, and what to do', async () => {
    const text = Array.from({ length: 12 }, (_, i) => idOf(i)).join(',');
    const found = await collectEngagementIds([piece(text, 'leads.csv')], { maxIds: 10 });
    assert.equal(found.ids.length, 10);
    const message = describeIdCap(found.distinctIds, 10, 'leads.csv', 'partnerCentral.maxIdsPerLaunch');
    assert.match(message, /^Found 12 engagement IDs in leads\.csv, more than the 10 one launch takes \(setting "partnerCentral\.maxIdsPerLaunch"\)\./);
    assert.match(message, /Select fewer lines or split the file/);
    assert.match(message, /continue with the first 10 IDs in leads\.csv; the other 2 are then not started/);
    assert.match(describeIdCap(2_760_000, 10_000, 'big.json', 'partnerCentral.maxIdsPerLaunch'), /^Found 2,760,000 engagement IDs in big\.json, more than the 10,000/);
  });

  it('lets a timer run during a large single-line input: no step blocks the event loop for long', async function () {
    this.timeout(120_000);
    // 20 MB on one line: over a million distinct IDs (minified JSON). Combining them all in one go blocked for seconds.
    const count = 1_050_000;
    const text = `[${Array.from({ length: count }, (_, i) => `"${idOf(i * 7919)}"`).join(',')}]`;
    // The longest run without a timer tick, in CPU time: on a busy machine the wall-clock gaps also hold the
    // time this process waited for a core, which says nothing about the code.
    const cpuMs = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const gaps: number[] = [];
    let ticks = 0;
    let last = cpuMs();
    const probe = setInterval(() => {
      const now = cpuMs();
      gaps.push(now - last);
      last = now;
      ticks++;
    }, 1);
    try {
      last = cpuMs();
      const found = await collectEngagementIds([piece(text, 'big.json')], {
        maxIds: 10_000,
        yieldBetweenChunks: () => new Promise((resolve) => setTimeout(resolve, 0)),
      });
      gaps.push(cpuMs() - last);
      assert.ok(ticks > 10, `the timer ran ${ticks} times`);
      // A 256 K step takes ~5 ms; the bound leaves room for a slow runner (combining everything at once took seconds).
      // One gap may hold a major garbage collection of the whole suite's heap (its helper threads' CPU time counts
      // too: 216 ms was seen once in CI); a step that blocks would make every gap long, and combining all at once
      // one gap of seconds.
      const [longest, secondLongest] = gaps.sort((a, b) => b - a);
      assert.ok(longest < 1_000, `the event loop was blocked for ${longest.toFixed(0)} ms of CPU time at a time`);
      assert.ok(secondLongest < 150, `the event loop was blocked twice for over 150 ms of CPU time (${secondLongest.toFixed(0)} ms)`);
      assert.equal(found.distinctIds, count);
      assert.equal(found.ids.length, 10_000);
      assert.deepEqual(found.ids[9_999], { id: idOf(9_999 * 7919), origin: 'big.json', line: 1, column: 21 * 9_999 + 3 });
    } finally {
      clearInterval(probe);
    }
  });
});

describe('collectEngagementIds on bytes (files read in chunks)', () => {
  const text = `\ufeffid,name\r\n${A},Zoë\r\nnaïve ${B} ENG-0123456789ABCD\neng\u20130123456789abcd — ${C}\n${A}`;
  const bytes = new TextEncoder().encode(text);

  it('finds what the decoded text holds, positions in UTF-16 columns, however the bytes are cut', async () => {
    const expected = await collectEngagementIds([piece(new TextDecoder().decode(bytes))]);
    assert.equal(expected.ids.length, 3);
    assert.equal(expected.nearMissCount, 2);
    for (let size = 1; size <= bytes.length; size++) {
      const chunks = (): Iterable<Uint8Array> => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.slice(i * size, (i + 1) * size));
      const found = await collectEngagementIds([{ origin: 'accounts.csv', bytes: chunks, size: bytes.length, startLine: 0, startColumn: 0 }]);
      assert.deepEqual(found, expected, `chunks of ${size} bytes`);
    }
  });
});

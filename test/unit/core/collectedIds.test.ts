import * as assert from 'node:assert/strict';
import { collectEngagementIds, describeNearMiss, type TextPiece } from '../../../src/core/collectedIds';

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
    assert.equal(yields, Math.ceil(text.length / 37) - 1);
  });

  it('stops when the yield callback throws (cancellation)', async () => {
    const text = `${A}\n`.repeat(1000);
    await assert.rejects(
      collectEngagementIds([piece(text)], { chunkSize: 100, yieldBetweenChunks: async () => { throw new Error('cancelled'); } }),
      /cancelled/,
    );
  });
});

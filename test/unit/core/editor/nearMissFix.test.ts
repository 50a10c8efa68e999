import * as assert from 'node:assert/strict';
import { nearMissFixes, nearMissMessage, verifiedFixesAt } from '../../../../src/core/editor';
import { extractEngagementIds } from '../../../../src/core/engagementIds';

const BODY = '0a1b2c3d4e5f6g';
const ID = `eng-${BODY}`;

/** The shortest of `runs` timings of `work`, in ms. */
function fastest(runs: number, work: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const started = process.hrtime.bigint();
    work();
    best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e6);
  }
  return best;
}

/** Applies the preferred fix of the only near miss in `line` and returns the fixed line. */
function fixLine(line: string): { fixed: string; title: string; fixes: number } {
  const [miss] = extractEngagementIds(line).nearMisses;
  assert.ok(miss, `a near miss in ${JSON.stringify(line)}`);
  const column = miss.column - 1;
  const found = verifiedFixesAt(line, column);
  assert.ok(found && found.fixes.length > 0, `a fix for ${JSON.stringify(line)}`);
  const [fix] = found.fixes;
  return { fixed: line.slice(0, column) + fix.replacement + line.slice(column + miss.text.length), title: fix.title, fixes: found.fixes.length };
}

describe('near-miss fixes', () => {
  const cases: Array<{ kind: string; line: string; fixed: string; title: RegExp }> = [
    { kind: 'upper case', line: `see ENG-${BODY.toUpperCase()} here`, fixed: `see ${ID} here`, title: /lower case/ },
    { kind: 'underscore separator', line: `id: eng_${BODY},`, fixed: `id: ${ID},`, title: /plain hyphen/ },
    { kind: 'typographic dash', line: `"eng\u2013${BODY}"`, fixed: `"${ID}"`, title: /plain hyphen/ },
    { kind: 'minus sign and upper case', line: `Eng\u2212${BODY}`, fixed: ID, title: /lower case, plain hyphen/ },
    { kind: 'stray character inside', line: `x eng-0a1b2c3!d4e5f6g y`, fixed: `x ${ID} y`, title: /drop '!'/ },
    { kind: 'stray hyphen inside', line: `eng-0a1b2c3-d4e5f6g`, fixed: ID, title: /drop '-'/ },
    { kind: 'joined to the preceding word', line: `ref:x${ID} `, fixed: `ref:x ${ID} `, title: /space after 'x'/ },
    { kind: 'glued to a suffix', line: `${ID}_notes.txt`, fixed: `${ID} _notes.txt`, title: /space before '_notes'/ },
  ];
  for (const { kind, line, fixed, title } of cases) {
    it(`${kind}: the preferred fix yields the ID`, () => {
      const result = fixLine(line);
      assert.equal(result.fixed, fixed);
      assert.match(result.title, new RegExp(`^Change to ${ID}`));
      assert.match(result.title, title);
      const after = extractEngagementIds(result.fixed);
      assert.deepEqual(after.ids.map((found) => found.id), [ID]);
      assert.equal(after.nearMissCount, 0, 'no near miss is left');
    });
  }

  it('a suffix glued to the ID can also be dropped', () => {
    const line = `${ID}-v2 done`;
    const found = verifiedFixesAt(line, 0);
    assert.ok(found);
    assert.deepEqual(found.fixes.map((fix) => fix.replacement), [`${ID} -v2`, ID]);
    assert.match(found.fixes[1].title, /drop '-v2'/);
  });

  it('a wrong length has no fix: which character is missing is anyone\'s guess', () => {
    const line = `eng-${BODY.slice(0, 13)} and eng-${BODY}x1`;
    const misses = extractEngagementIds(line).nearMisses;
    assert.equal(misses.length, 2);
    for (const miss of misses) {
      assert.equal(miss.suggestion, undefined);
      assert.deepEqual(nearMissFixes(miss, '', ''), []);
      assert.deepEqual(verifiedFixesAt(line, miss.column - 1)?.fixes, []);
    }
  });

  it('a stray character that leaves the ID glued to the rest gets a space as well', () => {
    const line = 'eng-0a1b2c3!d4e5f6g_x';
    const { fixed } = fixLine(line);
    assert.equal(fixed, `${ID} _x`);
  });

  it('finds the near miss at a column of a very long line by looking only around it', () => {
    const padding = 'eng-x '.repeat(500_000); // every word a candidate the whole-line scan must judge
    const line = `${padding}ENG-${BODY.toUpperCase()} ${padding}`;
    // Compared with scanning the whole line on the same machine at the same moment, so load slows both alike.
    const found = verifiedFixesAt(line, padding.length);
    const aroundMs = fastest(5, () => verifiedFixesAt(line, padding.length));
    const wholeLineMs = fastest(3, () => extractEngagementIds(line));
    assert.equal(found?.fixes[0].replacement, ID);
    assert.ok(aroundMs * 10 < wholeLineMs, `the look-up took ${aroundMs} ms, a scan of the whole line ${wholeLineMs} ms`);
    assert.equal(verifiedFixesAt(line, padding.length + 1), undefined, 'no near miss starts one column later');
  });

  it('the message is the extractor\'s reason, with its suggestion', () => {
    const [miss] = extractEngagementIds(`ENG-${BODY.toUpperCase()}`).nearMisses;
    assert.equal(nearMissMessage(miss), `${miss.reason} (did you mean ${ID}?)`);
    assert.match(nearMissMessage(miss), /^Upper-case letters/);
    assert.equal(nearMissMessage({ reason: 'Too short' }), 'Too short');
  });

  it('offers nothing for text the extractor shortened (its extent is unknown)', () => {
    assert.deepEqual(nearMissFixes({ text: `${'x'.repeat(39)}…`, suggestion: ID }, '', ''), []);
  });
});

import * as assert from 'node:assert/strict';
import { EngagementIdByteScanner, EngagementIdScanner, extractEngagementIds, type IdExtraction } from '../../../../src/core/engagementIds';

// Issue 16, findings 6 and 8: lines end where VS Code's editor ends them (a lone CR too), and a percent-escape
// right before an ID is a boundary. Both scanners, however the input is cut.

const A = 'eng-0123456789abcd';
const B = 'eng-zyxwvutsrqponm';
const C = 'eng-a1b2c3d4e5f6g7';
const D = 'eng-00000000000000';
const E = 'eng-zzzzzzzzzzzzzz';

function byteScan(text: string, cuts: number[] = []): IdExtraction {
  const bytes = new TextEncoder().encode(text);
  const scanner = new EngagementIdByteScanner();
  let from = 0;
  for (const cut of [...cuts, bytes.length]) {
    scanner.push(bytes.subarray(from, cut));
    from = cut;
  }
  return scanner.finish();
}

function textScan(text: string, cuts: number[] = []): IdExtraction {
  const scanner = new EngagementIdScanner();
  let from = 0;
  for (const cut of cuts) {
    scanner.push(text.slice(from, cut));
    from = cut;
  }
  return scanner.finish(text.slice(from));
}

const positions = (result: IdExtraction): Array<[string, number, number]> => result.ids.map(({ id, line, column }) => [id, line, column]);

describe('line breaks as the editor counts them (issue 16, finding 6)', () => {
  // A CSV saved with classic Mac line endings: VS Code shows the IDs on lines 2 to 6.
  const crOnly = `id,title\r${A},First\r${B},Second\r"${C}","Third"\r  ${D}\r${E}`;
  const expected: Array<[string, number, number]> = [[A, 2, 1], [B, 3, 1], [C, 4, 2], [D, 5, 3], [E, 6, 1]];

  it('a lone CR ends a line: every ID of a CR-only file is on its own line, in both scanners', () => {
    assert.deepEqual(positions(extractEngagementIds(crOnly)), expected);
    assert.deepEqual(positions(byteScan(crOnly)), expected);
  });

  it('CRLF is one break and LF, CR and CRLF mix in one file', () => {
    const mixed = `a\r\n${A}\r\r\n  ${B}\n\r${C}\r\n\n${D}`;
    const want: Array<[string, number, number]> = [[A, 2, 1], [B, 4, 3], [C, 6, 1], [D, 8, 1]];
    assert.deepEqual(positions(extractEngagementIds(mixed)), want);
    assert.deepEqual(positions(byteScan(mixed)), want);
  });

  it('a CRLF cut between its CR and its LF is still one break, at every cut and around the byte scanner\'s search seams', () => {
    for (const before of [0, 1, 15, 16, 17, 4095, 4096, 4097, 4400, 4500, 5000]) {
      const text = `${'x'.repeat(before)}\r\n${A} \r${B}\r\n\r\n${C}`;
      const want: Array<[string, number, number]> = [[A, 2, 1], [B, 3, 1], [C, 5, 1]];
      const cr = before;
      for (const cuts of [[cr + 1], [cr, cr + 1], [cr + 1, cr + 2], [1, cr + 1]].map((list) => list.filter((cut) => cut > 0 && cut < text.length))) {
        assert.deepEqual(positions(textScan(text, cuts)), want, `text scanner, ${before} before, cuts ${cuts.join(',')}`);
        assert.deepEqual(positions(byteScan(text, cuts)), want, `byte scanner, ${before} before, cuts ${cuts.join(',')}`);
      }
    }
  });

  it('U+2028, U+2029 and NEL (U+0085) are characters on the line, as in the editor, not line breaks', () => {
    const text = `x\u2028${A}\u2029${B}\u0085${C}`;
    const want: Array<[string, number, number]> = [[A, 1, 3], [B, 1, 22], [C, 1, 41]];
    assert.deepEqual(positions(extractEngagementIds(text)), want);
    assert.deepEqual(positions(byteScan(text)), want);
  });

  it('a near miss after a lone CR is placed on its line too', () => {
    const text = `x\r\ry ENG-0123456789ABCD`;
    for (const result of [extractEngagementIds(text), byteScan(text)]) {
      assert.deepEqual(result.nearMisses.map(({ line, column }) => [line, column]), [[3, 3]]);
    }
  });
});

describe('percent-escapes around IDs (issue 16, finding 8)', () => {
  it('takes an ID right after a percent-escape in any case, as after the character it stands for', () => {
    for (const escape of ['%3D', '%3d', '%2F', '%2f', '%20', '%22', '%0A', '%aB']) {
      const text = `https://example.com/search?q=id${escape}${A}&x=1`;
      assert.deepEqual(extractEngagementIds(text).ids.map(({ id }) => id), [A], text);
      assert.deepEqual(byteScan(text).ids.map(({ id }) => id), [A], text);
      assert.deepEqual(extractEngagementIds(text).nearMisses, [], text);
    }
  });

  it('takes an ID right before a percent-escape', () => {
    const text = `q=${A}%26next%3D${B}%26`;
    assert.deepEqual(positions(extractEngagementIds(text)), [[A, 1, 3], [B, 1, 31]]);
    assert.deepEqual(positions(byteScan(text)), [[A, 1, 3], [B, 1, 31]]);
  });

  it('does not take text glued on otherwise: not an escape (%3G, %G3, 3D, %3), or the escape\'s own last digit is the e', () => {
    for (const text of [`%3G${A}`, `%G3${A}`, `x3D${A}`, `%3${A}`, `%2${A}`, `%%3${A}`]) {
      assert.deepEqual(extractEngagementIds(text).ids, [], text);
      assert.deepEqual(byteScan(text).ids, [], text);
      assert.equal(extractEngagementIds(text).nearMissCount, 1, text);
    }
  });

  it('judges a near miss after an escape by its own faults, not as joined to the escape', () => {
    const text = `q%3DENG-0123456789ABCD`;
    for (const result of [extractEngagementIds(text), byteScan(text)]) {
      assert.equal(result.nearMisses.length, 1);
      assert.doesNotMatch(result.nearMisses[0].reason, /joined/);
      assert.equal(result.nearMisses[0].suggestion, A);
    }
  });

  it('sees the escape when a chunk boundary falls inside it, in both scanners', () => {
    for (const before of [0, 1, 4093, 4094, 4095, 4096, 4400, 4450]) {
      const text = `${'y'.repeat(before)} %3D${A} %2f${B}`;
      for (let cut = before; cut < before + 6; cut++) {
        assert.deepEqual(textScan(text, [cut]).ids.map(({ id }) => id), [A, B], `text scanner, cut ${cut}`);
        assert.deepEqual(byteScan(text, [cut]).ids.map(({ id }) => id), [A, B], `byte scanner, cut ${cut}`);
      }
    }
  });
});

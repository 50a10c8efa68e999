import * as assert from 'node:assert/strict';
import { EngagementIdScanner, extractEngagementIds } from '../../../src/core/engagementIds';
import { classifyNearMiss, isNearMiss, isNearMissInAsciiBytes } from '../../../src/core/engagementIds/nearMisses';
import { seededRandom } from '../../support/seededRandom';

const A = 'eng-0123456789abcd';
const B = 'eng-zyxwvutsrqponm';
const C = 'eng-a1b2c3d4e5f6g7';

function ids(text: string): string[] {
  return extractEngagementIds(text).ids.map((found) => found.id);
}

describe('extractEngagementIds', () => {
  it('takes IDs at the start and end of the text and around punctuation', () => {
    assert.deepEqual(ids(A), [A]);
    assert.deepEqual(ids(`${A},${B}`), [A, B]);
    assert.deepEqual(ids(`(${A}) [${B}] {${C}}`), [A, B, C]);
    assert.deepEqual(ids(`${A}.`), [A]);
    assert.deepEqual(ids(`'${A}'; "${B}"!`), [A, B]);
  });

  it('takes IDs inside URLs, JSON and CSV', () => {
    assert.deepEqual(ids(`https://partnercentral.aws/engagements/${A}?tab=1#${B}`), [A, B]);
    assert.deepEqual(ids(JSON.stringify({ ids: [A, B], nested: { id: C } })), [A, B, C]);
    assert.deepEqual(ids(`id,title\n${A},First\n"${B}","Second"\n`), [A, B]);
  });

  it('does not take an ID that is part of a longer token', () => {
    for (const text of [`x${A}`, `_${A}`, `-${A}`, `9${A}`, `${A}e`, `${A}_notes`, `${A}-v2`, `${A}Z`]) {
      assert.deepEqual(ids(text), [], text);
    }
  });

  it('reports first positions (1-based line and column) with LF and CRLF', () => {
    const lf = extractEngagementIds(`x\n  ${A}\n\n${B} ${A}`);
    assert.deepEqual(lf.ids, [
      { id: A, line: 2, column: 3 },
      { id: B, line: 4, column: 1 },
    ]);
    const crlf = extractEngagementIds(`x\r\n  ${A}\r\n\r\n${B} ${A}`);
    assert.deepEqual(crlf.ids, lf.ids);
  });

  it('removes duplicates, counting every occurrence', () => {
    const result = extractEngagementIds(`${A} ${B} ${A}\n${A} ${C} ${B}`);
    assert.deepEqual(result.ids.map((found) => found.id), [A, B, C]);
    assert.equal(result.occurrences, 6);
    assert.deepEqual(result.duplicates, [
      { id: A, count: 3 },
      { id: B, count: 2 },
    ]);
  });

  describe('near misses', () => {
    function nearMiss(text: string): { text: string; line: number; column: number; reason: string; suggestion?: string } {
      const result = extractEngagementIds(text);
      assert.equal(result.ids.length, 0, `no ID expected in ${text}`);
      assert.equal(result.nearMisses.length, 1, `one near miss expected in ${text}`);
      return result.nearMisses[0];
    }

    it('explains upper case', () => {
      const miss = nearMiss('see ENG-0123456789ABCD');
      assert.equal(miss.column, 5);
      assert.match(miss.reason, /upper-case letters: IDs are lower case/i);
      assert.equal(miss.suggestion, A);
      assert.match(nearMiss('eng-0123456789ABcd').reason, /upper-case/i);
    });

    it('explains a wrong length', () => {
      assert.match(nearMiss('eng-0123456789abc').reason, /13 characters after 'eng-', 14 expected/);
      assert.match(nearMiss('eng-0123456789abcde').reason, /15 characters after 'eng-', 14 expected/);
      const stopped = nearMiss('eng-1234567890abc!');
      assert.match(stopped.reason, /13 characters after 'eng-', 14 expected \(stops at '!'\)/);
    });

    it('explains a stray character and the wrong separator', () => {
      const stray = nearMiss('eng-12345678-90abcd');
      assert.match(stray.reason, /'-' at position 9 after 'eng-'/);
      assert.equal(stray.suggestion, 'eng-1234567890abcd');
      assert.match(nearMiss('eng_0123456789abcd').reason, /'_' after 'eng' where a hyphen '-' is expected/);
      assert.match(nearMiss('eng\u20130123456789abcd').reason, /U\+2013/);
    });

    it('explains glued text before and after', () => {
      assert.match(nearMiss(`x${A}`).reason, /joined to the preceding 'x'/i);
      const after = nearMiss(`${A}_notes`);
      assert.match(after.reason, /followed by '_notes'/i);
      assert.equal(after.suggestion, A);
    });

    it('gives lines and columns, ignores words that are not attempted IDs', () => {
      const result = extractEngagementIds(`eng-team and long-term\r\nok ${A}\r\n  ENG-0123456789ABCD`);
      assert.deepEqual(result.nearMisses.map(({ line, column }) => ({ line, column })), [{ line: 3, column: 3 }]);
      assert.deepEqual(result.ids, [{ id: A, line: 2, column: 4 }]);
    });

    it('keeps at most maxNearMisses but counts all', () => {
      const text = Array.from({ length: 30 }, () => 'ENG-0123456789ABCD').join('\n');
      const result = extractEngagementIds(text, { maxNearMisses: 10 });
      assert.equal(result.nearMisses.length, 10);
      assert.equal(result.nearMissCount, 30);
      assert.equal(result.nearMisses[9].line, 10);
    });
  });
});

describe('EngagementIdScanner', () => {
  const text = `start ${A} x${B}\r\nENG-0123456789ABCD, "${C}"\n${A} eng-1234567890abc!\r\n${B}_x ${B}\n`;
  const expected = extractEngagementIds(text);

  it('gives the one-shot result when the text is split at every offset', () => {
    for (let cut = 0; cut <= text.length; cut++) {
      const scanner = new EngagementIdScanner();
      scanner.push(text.slice(0, cut));
      scanner.push(text.slice(cut));
      assert.deepEqual(scanner.finish(), expected, `cut at ${cut}`);
    }
  });

  it('gives the one-shot result when fed one character at a time, and in uneven chunks', () => {
    const scanner = new EngagementIdScanner();
    for (const char of text) scanner.push(char);
    assert.deepEqual(scanner.finish(), expected);

    const long = text.repeat(200);
    const chunked = new EngagementIdScanner();
    for (let at = 0, size = 1; at < long.length; at += size, size = (size * 7) % 97 + 1) chunked.push(long.slice(at, at + size));
    assert.deepEqual(chunked.finish(), extractEngagementIds(long));

    const large = new EngagementIdScanner();
    for (let at = 0, size = 150; at < long.length; at += size, size = (size * 13) % 997 + 72) large.push(long.slice(at, at + size));
    assert.deepEqual(large.finish(), extractEngagementIds(long));
  });

  it('refuses push after finish', () => {
    const scanner = new EngagementIdScanner();
    scanner.finish();
    assert.throws(() => scanner.push('x'));
  });

  it('scans a 50 MB input in linear time with the right counts', function () {
    this.timeout(60_000);
    const line = `row,${A},noise ENG-0123456789ABCD text text text text text text\r\n`;
    const unique = `${B} and ${C}\n`;
    const repeats = Math.ceil(50e6 / line.length);
    const big = line.repeat(repeats) + unique;
    const started = Date.now();
    const result = extractEngagementIds(big);
    const elapsed = Date.now() - started;
    assert.equal(result.occurrences, repeats + 2);
    assert.deepEqual(result.ids.map((found) => found.id), [A, B, C]);
    assert.equal(result.ids[1].line, repeats + 1);
    assert.equal(result.nearMissCount, repeats);
    assert.deepEqual(result.duplicates, [{ id: A, count: repeats }]);
    assert.ok(elapsed < 10_000, `took ${elapsed} ms`);
  });

  it('reads a long line holding many distinct IDs once, not once per ID (minified JSON)', function () {
    this.timeout(60_000);
    // 200,000 IDs on one 4 MB line: searching the rest of the line for '\n' at every new ID took over 10 s.
    const many = Array.from({ length: 200_000 }, (_, i) => `eng-${i.toString(36).padStart(14, '0')}`);
    const json = `{\n"ids":${JSON.stringify(many)}}\n${A}`;
    const started = Date.now();
    const oneShot = extractEngagementIds(json);
    const scanner = new EngagementIdScanner();
    for (let at = 0; at < json.length; at += 1 << 20) scanner.push(json.slice(at, at + (1 << 20)));
    const chunked = scanner.finish();
    const elapsed = Date.now() - started;
    assert.equal(oneShot.ids.length, many.length + 1);
    assert.deepEqual(oneShot.ids[many.length - 1], { id: many[many.length - 1], line: 2, column: 8 + 21 * (many.length - 1) + 1 });
    assert.deepEqual(oneShot.ids[many.length], { id: A, line: 3, column: 1 });
    assert.deepEqual(chunked, oneShot);
    assert.ok(elapsed < 5_000, `took ${elapsed} ms`);
  });
});

describe('the scanner at scale (issue 11)', () => {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

  it('counts 60,000 distinct IDs and their repeats exactly as a Map would, and caps the list with maxIds', () => {
    const next = seededRandom(7);
    const pool = Array.from({ length: 60_000 }, () => `eng-${Array.from({ length: 14 }, () => alphabet[Math.floor(next() * 36)]).join('')}`);
    pool.push('eng-00000000000000', 'eng-zzzzzzzzzzzzzz');
    const picks = Array.from({ length: 150_000 }, (_, i) => (i < pool.length ? pool[i] : pool[Math.floor(next() * pool.length)]));
    const text = picks.join('\n');
    const counts = new Map<string, number>();
    for (const id of picks) counts.set(id, (counts.get(id) ?? 0) + 1);

    const result = extractEngagementIds(text);
    assert.deepEqual(result.ids.map(({ id }) => id), [...counts.keys()]);
    assert.deepEqual(result.ids[pool.length - 1], { id: 'eng-zzzzzzzzzzzzzz', line: pool.length, column: 1 });
    assert.equal(result.distinctIds, counts.size);
    assert.equal(result.occurrences, picks.length);
    assert.deepEqual(result.duplicates, [...counts].filter(([, count]) => count > 1).map(([id, count]) => ({ id, count })));

    const capped = extractEngagementIds(text, { maxIds: 100 });
    assert.deepEqual(capped.ids, result.ids.slice(0, 100));
    assert.equal(capped.distinctIds, counts.size);
    assert.deepEqual(capped.duplicates, result.duplicates.filter(({ id }) => capped.ids.some((found) => found.id === id)));
  });

  it('counts near misses without describing them exactly when it would describe them (isNearMiss = classifyNearMiss)', () => {
    const next = seededRandom(11);
    const pieces = ['eng', 'ENG', 'Eng', 'eNg', '-', '_', '\u2013', 'x', 'A', '0', '9', 'z', 'Z', ' ', ',', '.', '!', "'", '\n', 'é', '😀', '\u00a0', 'eng-', 'eng-0123456789', 'abcd'];
    let checked = 0;
    for (let sample = 0; sample < 20_000; sample++) {
      let text = '';
      while (text.length < 40) text += pieces[Math.floor(next() * pieces.length)];
      for (let start = text.indexOf('eng'); start !== -1; start = text.indexOf('eng', start + 1)) {
        for (const end of [text.length, Math.min(text.length, start + 12), Math.min(text.length, start + 19)]) {
          assert.equal(isNearMiss(text, start, end), classifyNearMiss(text, start, end) !== undefined, `${JSON.stringify(text)} at ${start}..${end}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 10_000, `${checked} candidates`);
  });

  it('counts near misses in ASCII bytes exactly as in text (isNearMissInAsciiBytes = isNearMiss)', () => {
    const next = seededRandom(12);
    const pieces = ['eng', 'ENG', 'Eng', 'eNg', '-', '_', 'x', 'A', '0', '9', 'z', 'Z', ' ', ',', '.', '!', "'", '\n', '\t', 'eng-', 'eng-0123456789', 'abcd'];
    let checked = 0;
    for (let sample = 0; sample < 20_000; sample++) {
      let text = '';
      while (text.length < 40) text += pieces[Math.floor(next() * pieces.length)];
      const bytes = Buffer.from(text, 'latin1');
      for (const { index: start } of text.matchAll(/eng[-_]/gi)) {
        for (const end of [text.length, Math.min(text.length, start + 12), Math.min(text.length, start + 19)]) {
          assert.equal(isNearMissInAsciiBytes(bytes, start, end), isNearMiss(text, start, end), `${JSON.stringify(text)} at ${start}..${end}`);
          checked++;
        }
      }
    }
    assert.ok(checked > 10_000, `${checked} candidates`);
  });

  it('names a character outside the BMP whole in a reason, never half of its surrogate pair', () => {
    for (const text of ['eng-1234567890abc😀', 'eng-1234567😀890abc']) {
      const [miss] = extractEngagementIds(text).nearMisses;
      assert.ok(miss, text);
      assert.ok(miss.reason.includes("'😀'"), miss.reason);
      assert.ok(!/\p{Cs}/u.test(miss.reason), `lone surrogate in ${JSON.stringify(miss.reason)}`);
    }
  });

  it('keeps counting near misses beyond maxNearMisses', () => {
    const text = 'ENG-0123456789ABCD eng-0123456789abc eng_0123456789abcd\n'.repeat(2_000);
    const result = extractEngagementIds(text, { maxNearMisses: 5 });
    assert.equal(result.nearMissCount, 6_000);
    assert.equal(result.nearMisses.length, 5);
  });
});

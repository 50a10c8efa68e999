import * as assert from 'node:assert/strict';
import { CandidateSearch } from '../../../../src/core/engagementIds/candidateSearch';
import { CANDIDATE_SEARCH_WASM } from '../../../../src/core/engagementIds/candidateSearchWasm';
import { compileWat, WASM_MODULES } from '../../../../scripts/buildWasm';
import { seededRandom } from '../../../support/seededRandom';

/** What find() must report, computed the plain way. */
function expectedRecords(bytes: Uint8Array, from: number, end: number): { records: number[][]; newlines: number; lastNewline: number } {
  const records: number[][] = [];
  let newlines = 0;
  let lastNewline = -1;
  for (let at = from; at < end; at++) {
    const lower = (code: number): number => code | 0x20;
    if (lower(bytes[at]) === 0x65 && lower(bytes[at + 1]) === 0x6e && lower(bytes[at + 2]) === 0x67 && [0x2d, 0x5f, 0xe2].includes(bytes[at + 3])) {
      records.push([at, newlines, lastNewline]);
    }
    // A line break as VS Code's text model has it: '\n', or a '\r' not followed by '\n'.
    if (bytes[at] === 10 || (bytes[at] === 13 && bytes[at + 1] !== 10)) {
      newlines++;
      lastNewline = at;
    }
  }
  return { records, newlines, lastNewline };
}

function found(search: CandidateSearch, from: number, end: number): { records: number[][]; newlines: number; lastNewline: number } {
  const count = search.find(from, end);
  const records: number[][] = [];
  for (let index = 0, at = search.firstRecord; index < count; index++, at += 3) records.push([...search.records.subarray(at, at + 3)]);
  return { records, newlines: search.newlines, lastNewline: search.lastNewline };
}

describe('CandidateSearch (WebAssembly)', () => {
  it('is built from its source: candidateSearchWasm.ts is what `npm run build:wasm` makes of candidateSearch.wat', async () => {
    const [{ source }] = WASM_MODULES;
    assert.deepEqual(Buffer.from(await compileWat(source)), Buffer.from(CANDIDATE_SEARCH_WASM), 'stale module: run `npm run build:wasm`');
  });

  it('finds every candidate in any case, with the newlines before it, at every alignment and range end', () => {
    const search = CandidateSearch.take(4096);
    const text = 'x\nENG-a eng_b\nEnG\u2013c eng-\neng=eNg-eng-\r\neng-\reng-\r\r\n\n\reng-\r';
    const bytes = new TextEncoder().encode(text);
    for (let shift = 0; shift < 20; shift++) {
      search.bytes.fill(0);
      search.bytes.set(bytes, shift);
      for (let from = shift; from <= shift + bytes.length; from++) {
        for (let end = from; end <= shift + bytes.length; end++) {
          assert.deepEqual(found(search, from, end), expectedRecords(search.bytes, from, end), `shift ${shift}, [${from}, ${end})`);
        }
      }
    }
  });

  it('agrees with the plain search on random bytes drawn from the letters that matter', () => {
    const next = seededRandom(11);
    const alphabet = [0x65, 0x45, 0x6e, 0x4e, 0x67, 0x47, 0x2d, 0x5f, 0xe2, 0x0a, 0x0d, 0x20, 0x61];
    const search = CandidateSearch.take(1 << 16);
    for (let round = 0; round < 50; round++) {
      const length = 1 + Math.floor(next() * 5000);
      search.bytes.fill(0);
      for (let i = 0; i < length; i++) search.bytes[i] = alphabet[Math.floor(next() * alphabet.length)];
      const from = Math.floor(next() * 40);
      assert.deepEqual(found(search, from, length), expectedRecords(search.bytes, from, length), `round ${round}`);
    }
  });
});

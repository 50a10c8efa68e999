import * as assert from 'node:assert/strict';
import {
  EngagementIdByteScanner,
  extractEngagementIds,
  type EngagementIdScannerOptions,
  type IdExtraction,
} from '../../../src/core/engagementIds';
import { chunksOf, scannerInputs, type ScannerInput } from '../../support/scannerInputs';
import { seededRandom } from '../../support/seededRandom';

// The byte scanner's contract: for any bytes, split into chunks in any way, with any options, it gives exactly
// what the string scanner gives for the text a TextDecoder makes of those bytes (a leading BOM dropped, malformed
// sequences as U+FFFD). The string scanner is the reference; its own tests are in engagementIds.test.ts.

const BLOCK = 1 << 20;

/** Options the caps are tried with: lists cut short at once, after a few, or on one side only. */
const CAPPED_OPTIONS: EngagementIdScannerOptions[] = [
  { maxIds: 3, maxNearMisses: 2 },
  { maxIds: 0, maxNearMisses: 0 },
  { maxIds: 1, maxNearMisses: 0 },
  { maxIds: 0, maxNearMisses: 5 },
];

interface Chunking {
  name: string;
  chunks: (bytes: Uint8Array) => Uint8Array[];
}

const whole: Chunking = { name: 'one push', chunks: (bytes) => [bytes] };

function fixedSize(size: number): Chunking {
  return { name: `chunks of ${size}`, chunks: (bytes) => chunksOf(bytes, () => size) };
}

function randomSizes(seed: number, min: number, max: number): Chunking {
  return {
    name: `random chunks of ${min}..${max} (seed ${seed})`,
    chunks: (bytes) => {
      const next = seededRandom(seed);
      return chunksOf(bytes, () => min + next() * (max - min + 1));
    },
  };
}

/** Sizes from a list in turn, e.g. around the scanner's block size. */
function cycledSizes(sizes: number[]): Chunking {
  return {
    name: `chunks of ${sizes.join(', ')}, …`,
    chunks: (bytes) => {
      let index = 0;
      return chunksOf(bytes, () => sizes[index++ % sizes.length]);
    },
  };
}

function scanBytes(chunks: Uint8Array[], options: EngagementIdScannerOptions | undefined, emptyPushes = false): IdExtraction {
  const scanner = new EngagementIdByteScanner(options);
  for (const chunk of chunks) {
    if (emptyPushes) scanner.push(new Uint8Array(0));
    scanner.push(chunk);
  }
  if (emptyPushes) scanner.push(new Uint8Array(0));
  return scanner.finish();
}

/** Pushes every chunk through one buffer that is overwritten right after, as a file reader does. */
function scanThroughReusedBuffer(chunks: Uint8Array[], options: EngagementIdScannerOptions | undefined): IdExtraction {
  const scanner = new EngagementIdByteScanner(options);
  const buffer = new Uint8Array(chunks.reduce((max, chunk) => Math.max(max, chunk.length), 0));
  for (const chunk of chunks) {
    buffer.set(chunk);
    scanner.push(buffer.subarray(0, chunk.length));
    buffer.fill(0x65); // 'e': stale bytes would make candidates
  }
  return scanner.finish();
}

function expectedFor(bytes: Uint8Array, options: EngagementIdScannerOptions | undefined): IdExtraction {
  return extractEngagementIds(new TextDecoder('utf-8').decode(bytes), options);
}

/**
 * Runs every comparison and fails with the first mismatch's diff, naming it and how many others failed, so that
 * one bug does not hide behind another and the message says which case and chunking to replay.
 */
class Comparisons {
  private readonly failures: string[] = [];
  private firstError: unknown;
  count = 0;

  check(input: ScannerInput, how: string, options: EngagementIdScannerOptions | undefined, actual: () => IdExtraction, expected: IdExtraction): void {
    this.count++;
    const label = `${input.name} [${input.bytes.length} bytes]: ${how}${options ? `, options ${JSON.stringify(options)}` : ''}`;
    let result: IdExtraction;
    try {
      result = actual();
    } catch (error) {
      this.fail(error, `${label}: threw ${String(error)}`);
      return;
    }
    try {
      assert.deepEqual(result, expected, label);
    } catch (error) {
      this.fail(error, label);
    }
  }

  done(): void {
    if (this.failures.length === 0) return;
    const list = this.failures.slice(0, 25).join('\n  ');
    const more = this.failures.length > 25 ? `\n  … and ${this.failures.length - 25} more` : '';
    if (this.firstError instanceof assert.AssertionError) {
      this.firstError.message = `${this.failures.length} of ${this.count} comparisons failed:\n  ${list}${more}\nFirst: ${this.firstError.message}`;
      throw this.firstError;
    }
    throw new Error(`${this.failures.length} of ${this.count} comparisons failed:\n  ${list}${more}\nFirst: ${String(this.firstError)}`);
  }

  private fail(error: unknown, line: string): void {
    if (this.failures.length === 0) this.firstError = error;
    this.failures.push(line);
  }
}

/**
 * Fillers to put around a small input so that the byte scanner's search seam falls inside it. The scanner (as
 * written today) holds back its first ~4 KB, plus a carry of a few hundred bytes, before it searches, so an input
 * smaller than that is searched in one piece at finish() however it was chunked. With HEAD_FILLER bytes in front,
 * TAIL_FILLER bytes behind, and the input in chunks of k bytes, the first search ends within the input's first
 * k bytes (a different place for each k), and what comes after it is carried into the next search. One filler
 * is ASCII; the other holds 2-, 3- and 4-byte characters and malformed bytes, so that columns are counted both
 * ways the scanner counts them. Both are one line, ending in a space.
 */
const HEAD_FILLER = 4096;
const TAIL_FILLER = 400;
const SEAM_FILLERS: ReadonlyArray<{ name: string; pattern: Uint8Array }> = [
  { name: 'ASCII', pattern: new TextEncoder().encode('lorem ipsum, dolor sit amet; ') },
  { name: 'non-ASCII', pattern: Uint8Array.from([...new TextEncoder().encode('é—😀 中 x'), 0xff, 0xe2, 0x80, 0x20]) },
];

function filler(pattern: Uint8Array, length: number): Uint8Array {
  const bytes = new Uint8Array(length);
  for (let at = 0; at < length; at++) bytes[at] = pattern[at % pattern.length];
  bytes[length - 1] = 0x20;
  return bytes;
}

interface Sandwich {
  input: ScannerInput;
  /** Bytes of the head filler, pushed in one piece. */
  head: number;
}

/** `input` between a 4 KB head filler and a tail filler. */
function sandwiched(input: ScannerInput, fillerIndex: number): Sandwich {
  const { name, pattern } = SEAM_FILLERS[fillerIndex];
  const bytes = new Uint8Array(HEAD_FILLER + input.bytes.length + TAIL_FILLER);
  bytes.set(filler(pattern, HEAD_FILLER));
  bytes.set(input.bytes, HEAD_FILLER);
  bytes.set(filler(pattern, TAIL_FILLER), HEAD_FILLER + input.bytes.length);
  return { input: { ...input, name: `${input.name}, between ${name} fillers`, bytes }, head: HEAD_FILLER };
}

/** The head in one push, then the rest as `chunking` cuts it. */
function afterHead(sandwich: Sandwich, chunking: Chunking): Uint8Array[] {
  const bytes = sandwich.input.bytes;
  return [bytes.subarray(0, sandwich.head), ...chunking.chunks(bytes.subarray(sandwich.head))];
}

describe('EngagementIdByteScanner gives what extractEngagementIds gives for the decoded bytes', function () {
  this.timeout(60_000);
  const inputs = scannerInputs();
  const small = inputs.filter((input) => !input.big);
  const big = inputs.filter((input) => input.big);
  const handWritten = small.filter(({ source }) => source === 'hand-written');
  /** The reference result with default options, per input (a scan costs a quarter of a millisecond even when tiny). */
  const reference = new Map<ScannerInput, IdExtraction>();
  const expectedOf = (input: ScannerInput): IdExtraction => {
    let result = reference.get(input);
    if (!result) reference.set(input, (result = expectedFor(input.bytes, undefined)));
    return result;
  };
  /** Each small input between fillers (ASCII or not, in turn). */
  const sandwiches = new Map(small.map((input, index) => [input, sandwiched(input, index % SEAM_FILLERS.length)]));
  const sandwichOf = (input: ScannerInput): Sandwich => sandwiches.get(input) as Sandwich;

  it('has the inputs it means to test', () => {
    assert.ok(handWritten.length > 250, `${handWritten.length} hand-written small inputs`);
    assert.ok(small.length - handWritten.length >= 300, `${small.length - handWritten.length} small mixtures`);
    assert.ok(big.length >= 7, `${big.length} big inputs`);
    assert.ok(big.every((input) => input.bytes.length > BLOCK), 'every big input spans more than one block');
    assert.equal(new Set(inputs.map((input) => input.name)).size, inputs.length, 'names are unique');
    // The reference finds things in them: IDs, near misses, and both beyond the caps.
    const totals = { ids: 0, nearMisses: 0, overCaps: 0, over4K: 0 };
    for (const input of small) {
      const result = expectedOf(input);
      totals.ids += result.occurrences;
      totals.nearMisses += result.nearMissCount;
      if (result.distinctIds > 3 && result.nearMissCount > 2) totals.overCaps++;
      if (input.bytes.length > 4500) totals.over4K++;
    }
    assert.ok(totals.ids > 1000 && totals.nearMisses > 1000 && totals.overCaps > 100 && totals.over4K > 30, JSON.stringify(totals));
  });

  it('fed each input in one push', () => {
    const comparisons = new Comparisons();
    for (const input of inputs) comparisons.check(input, whole.name, undefined, () => scanBytes([input.bytes], undefined), expectedOf(input));
    comparisons.done();
  });

  it('fed hand-written inputs between fillers in chunks of every size from 1 to 40 (the search seam at 40 places)', () => {
    const comparisons = new Comparisons();
    handWritten.forEach((input) => {
      const sandwich = sandwichOf(input);
      const expected = expectedOf(sandwich.input);
      for (let size = 1; size <= 40; size++) {
        const chunking = fixedSize(size);
        comparisons.check(sandwich.input, `${HEAD_FILLER} bytes in one push, then ${chunking.name}`, undefined, () => scanBytes(afterHead(sandwich, chunking), undefined), expected);
      }
    });
    comparisons.done();
  });

  it('fed small inputs as they are in chunks of 1 and 3, and of 2 with empty pushes between', () => {
    const comparisons = new Comparisons();
    for (const input of small) {
      const expected = expectedOf(input);
      for (const size of input.source === 'hand-written' ? [1, 3] : [3]) {
        const chunking = fixedSize(size);
        comparisons.check(input, chunking.name, undefined, () => scanBytes(chunking.chunks(input.bytes), undefined), expected);
      }
      comparisons.check(input, 'chunks of 2 with empty pushes between', undefined, () => scanBytes(fixedSize(2).chunks(input.bytes), undefined, true), expected);
    }
    comparisons.done();
  });

  it('fed small inputs in random chunk sizes, between fillers and not, through a reused buffer', () => {
    const comparisons = new Comparisons();
    small.forEach((input, index) => {
      const sandwich = sandwichOf(input);
      const asIs = randomSizes(index, 1, 700);
      comparisons.check(input, asIs.name, undefined, () => scanBytes(asIs.chunks(input.bytes), undefined), expectedOf(input));
      const chunking = randomSizes(1000 + index, 1, 64);
      comparisons.check(sandwich.input, `${HEAD_FILLER} bytes in one push, then ${chunking.name}`, undefined, () => scanBytes(afterHead(sandwich, chunking), undefined), expectedOf(sandwich.input));
      const reused = randomSizes(3000 + index, 1, 5000);
      comparisons.check(sandwich.input, `${reused.name}, through one reused buffer`, undefined, () => scanThroughReusedBuffer(reused.chunks(sandwich.input.bytes), undefined), expectedOf(sandwich.input));
    });
    comparisons.done();
  });

  it('fed big inputs in chunks around the 1 MB block size and in random sizes', () => {
    const comparisons = new Comparisons();
    const chunkings: Chunking[] = [
      fixedSize(BLOCK - 1),
      cycledSizes([BLOCK - 300, BLOCK + 3, BLOCK - 2, 5]),
      cycledSizes([BLOCK + 289, 1, BLOCK - 290, 4095, 4096, 4097]),
    ];
    big.forEach((input, index) => {
      const expected = expectedOf(input);
      const randomChunkings = [randomSizes(5000 + index, 1, 2 * BLOCK), randomSizes(7000 + index, 1, 20_000)];
      for (const chunking of [...chunkings, ...randomChunkings]) {
        comparisons.check(input, chunking.name, undefined, () => scanBytes(chunking.chunks(input.bytes), undefined), expected);
      }
      const reused = randomSizes(8000 + index, BLOCK - 5, BLOCK + 5);
      comparisons.check(input, `${reused.name}, through one reused buffer`, undefined, () => scanThroughReusedBuffer(reused.chunks(input.bytes), undefined), expected);
    });
    comparisons.done();
  });

  it('keeps to maxIds and maxNearMisses exactly as the string scanner does', () => {
    const comparisons = new Comparisons();
    inputs.forEach((input, index) => {
      // Two of the options (in turn) in one push, and one between fillers in random chunks.
      const options = [CAPPED_OPTIONS[index % CAPPED_OPTIONS.length], CAPPED_OPTIONS[(index + 1) % CAPPED_OPTIONS.length]];
      for (const one of options) comparisons.check(input, whole.name, one, () => scanBytes([input.bytes], one), expectedFor(input.bytes, one));
      const chunked = options[index % 2];
      if (input.big) {
        const chunking = randomSizes(9000 + index, BLOCK - 300, BLOCK + 300);
        comparisons.check(input, chunking.name, chunked, () => scanBytes(chunking.chunks(input.bytes), chunked), expectedFor(input.bytes, chunked));
      } else {
        const sandwich = sandwichOf(input);
        const chunking = randomSizes(10_000 + index, 1, 300);
        comparisons.check(sandwich.input, `${HEAD_FILLER} bytes in one push, then ${chunking.name}`, chunked, () => scanBytes(afterHead(sandwich, chunking), chunked), expectedFor(sandwich.input.bytes, chunked));
      }
    });
    comparisons.done();
  });
});

describe('EngagementIdByteScanner', () => {
  it('refuses push() after finish()', () => {
    const scanner = new EngagementIdByteScanner();
    scanner.push(new TextEncoder().encode('eng-0123456789abcd'));
    scanner.finish();
    assert.throws(() => scanner.push(new Uint8Array([0x20])));
    assert.throws(() => scanner.push(new Uint8Array(0)));
    const empty = new EngagementIdByteScanner();
    empty.finish();
    assert.throws(() => empty.push(new Uint8Array([0x20])));
  });

  it('finishes with an empty result when nothing was pushed', () => {
    const empty: IdExtraction = { ids: [], distinctIds: 0, occurrences: 0, duplicates: [], nearMisses: [], nearMissCount: 0 };
    assert.deepEqual(new EngagementIdByteScanner().finish(), empty);
    assert.deepEqual(new EngagementIdByteScanner({ maxIds: 3, maxNearMisses: 2 }).finish(), empty);
    assert.deepEqual(extractEngagementIds(''), empty);
  });

  it('gives the same result when finish() is called again', () => {
    const scanner = new EngagementIdByteScanner();
    scanner.push(new TextEncoder().encode('eng-0123456789abcd ENG-0123456789ABCD'));
    const first = scanner.finish();
    assert.deepEqual(scanner.finish(), first);
  });

  it('lets several scanners run interleaved', () => {
    const text = new TextEncoder().encode(`é eng-0123456789abcd\nENG-0123456789ABCD ${'x'.repeat(5000)} eng-zyxwvutsrqponm`);
    const one = new EngagementIdByteScanner();
    const two = new EngagementIdByteScanner({ maxIds: 1 });
    for (let at = 0; at < text.length; at += 100) {
      one.push(text.subarray(at, at + 100));
      two.push(text.subarray(at, at + 100));
    }
    assert.deepEqual(one.finish(), expectedFor(text, undefined));
    assert.deepEqual(two.finish(), expectedFor(text, { maxIds: 1 }));
  });
});

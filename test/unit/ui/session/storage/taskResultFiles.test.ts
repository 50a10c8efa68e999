import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { decodeResultFile, encodeResultFile } from '../../../../../src/ui/session/storage/resultFileFormat';
import { TaskResultFiles } from '../../../../../src/ui/session/storage/taskResultFiles';
import { seededRandom } from '../../../../support/seededRandom';
import { payload, wholeWriteOf } from './resultPayload';

const CHILD = path.join(__dirname, 'resultWriterChild.js');
const TASK = 'task-0000000000000a';

function writer(folder: string, label: string, count: number, writes: number): { child: ChildProcess; written: () => number; done: Promise<number | null> } {
  const child = spawn(process.execPath, [CHILD, folder, TASK, label, String(count), String(writes)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let written = 0;
  child.stdout?.on('data', (chunk: Buffer) => { written += chunk.toString().split('\n').length - 1; });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const done = new Promise<number | null>((resolve) => child.on('exit', (code) => {
    if (code !== 0 && code !== null) process.stderr.write(stderr);
    resolve(code);
  }));
  return { child, written: () => written, done };
}

describe('TaskResultFiles: a file per finished task, written to a temporary file then renamed', () => {
  let folder: string;
  beforeEach(() => { folder = mkdtempSync(path.join(tmpdir(), 'pc-results-')); });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('reads back what it wrote, and nothing for a task it never wrote', async () => {
    const files = new TaskResultFiles(folder);
    const results = payload(TASK, 'a', 100, 0);
    const bytes = await files.write(results);
    assert.ok(bytes > 0);
    assert.deepEqual(await files.read('Sandbox', TASK), results);
    assert.equal(await files.read('AWS', TASK), undefined, 'the other catalog is another task');
    assert.equal(await files.read('Sandbox', 'task-0000000000000b'), undefined);
  });

  it('gives a file name every file system accepts, distinct for IDs that differ only in case or hold separators', () => {
    const files = new TaskResultFiles(folder);
    const names = ['task-ABC', 'task-abc', '../../etc/passwd', 'con', 'a\\b:c'].map((id) => files.fileOf('Sandbox', id));
    assert.equal(new Set(names.map((name) => name.toLowerCase())).size, names.length);
    for (const name of names) assert.equal(path.dirname(name), path.join(folder, 'Sandbox'));
  });

  it('reads a file cut short at any byte, or spliced from two writes, as absent (then it is fetched again)', () => {
    const first = encodeResultFile(payload(TASK, 'a', 20, 1));
    const second = encodeResultFile(payload(TASK, 'a', 20, 2));
    const expected = { catalog: 'Sandbox' as const, taskId: TASK };
    assert.ok(decodeResultFile(first, expected));
    for (let cut = 0; cut < first.length; cut++) assert.equal(decodeResultFile(first.subarray(0, cut), expected), undefined, `cut at ${cut}`);
    const random = seededRandom(19);
    for (let i = 0; i < 200; i++) {
      const at = 1 + Math.floor(random() * (Math.min(first.length, second.length) - 2));
      const spliced = Buffer.concat([first.subarray(0, at), second.subarray(at)]);
      if (!spliced.equals(first) && !spliced.equals(second)) assert.equal(decodeResultFile(spliced, expected), undefined, `spliced at ${at}`);
    }
    assert.equal(decodeResultFile(first, { catalog: 'Sandbox', taskId: 'task-other' }), undefined, 'another task\'s file is not this task\'s');
  });

  it('stays whole while two processes write the same task at once and a reader reads it', async function () {
    this.timeout(60_000);
    const labels = { a: 50, b: 700 };
    const writers = [writer(folder, 'a', labels.a, 150), writer(folder, 'b', labels.b, 150)];
    const files = new TaskResultFiles(folder);
    let reads = 0;
    let wholeReads = 0;
    const finished = Promise.all(writers.map((w) => w.done));
    let over = false;
    void finished.then(() => { over = true; });
    while (!over) {
      const read = await files.read('Sandbox', TASK);
      reads++;
      if (read) {
        assert.ok(wholeWriteOf(read, labels), 'every file read is one whole write');
        wholeReads++;
      } else {
        assert.equal(wholeReads, 0, 'once written, the file is never missing or torn: the rename replaces it whole');
      }
    }
    assert.deepEqual(await finished, [0, 0]);
    const last = await files.read('Sandbox', TASK);
    assert.ok(last && wholeWriteOf(last, labels));
    assert.ok(wholeReads > 0, `read ${reads} times while they wrote`);
    assert.deepEqual(readdirSync(path.join(folder, 'Sandbox')).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left');
  });

  it('never leaves a file that reads as valid but wrong when its writer is killed at a random point', async function () {
    this.timeout(120_000);
    const random = seededRandom(20261208);
    const labels = { k: 3000 };
    const files = new TaskResultFiles(folder);
    let everWritten = false;
    for (let round = 0; round < 12; round++) {
      const w = writer(folder, 'k', labels.k, 1_000_000);
      const afterWrites = Math.floor(random() * 4);
      // Killed once it has written a few times, at a random point of a later write.
      await waitUntil(() => w.written() >= afterWrites);
      await new Promise((resolve) => setTimeout(resolve, random() * 15));
      w.child.kill('SIGKILL');
      await w.done;
      const read = await files.read('Sandbox', TASK);
      if (read) assert.ok(wholeWriteOf(read, labels), `round ${round}: a whole write`);
      else assert.ok(!everWritten && w.written() === 0, `round ${round}: a task written before reads back`);
      everWritten ||= w.written() > 0;
    }
    assert.ok(await files.read('Sandbox', TASK), 'the last whole write is there');
    const removed = await files.removeStaleTemporaries(Date.now() + 120_000);
    assert.deepEqual(readdirSync(path.join(folder, 'Sandbox')).filter((name) => name.endsWith('.tmp')), [], `left-over temporaries removed (${removed})`);
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

describe('results file format', () => {
  it('writes identifiers that repeat the engagements once, and reads them back as they were', () => {
    const results = { ...payload(TASK, 'a', 30, 0), identifiers: [] as string[] };
    results.identifiers = results.engagements.map((engagement) => engagement.engagementId);
    const expected = { catalog: 'Sandbox' as const, taskId: TASK };
    const short = encodeResultFile(results);
    assert.deepEqual(decodeResultFile(short, expected), results);
    const other = { ...results, identifiers: [...results.identifiers].reverse() };
    assert.deepEqual(decodeResultFile(encodeResultFile(other), expected), other);
    assert.ok(short.length < encodeResultFile(other).length);
  });
});

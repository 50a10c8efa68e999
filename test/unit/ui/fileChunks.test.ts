import * as assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FILE_CHUNK_BYTES, readFileChunks } from '../../../src/ui/sources/fileChunks';

/** Open file descriptors of this process (Linux), to see that a file is closed. */
function openFiles(): number {
  return readdirSync('/proc/self/fd').length;
}

describe('readFileChunks', () => {
  let directory: string;
  let file: string;
  const bytes = Buffer.alloc(3 * FILE_CHUNK_BYTES + 12345);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) % 251;

  before(() => {
    directory = mkdtempSync(path.join(os.tmpdir(), 'file-chunks-'));
    file = path.join(directory, 'input.bin');
    writeFileSync(file, bytes);
  });
  after(() => rmSync(directory, { recursive: true, force: true }));

  it('yields the whole file in order while the next read runs ahead (each chunk used before the next is asked for)', async () => {
    const seen: Buffer[] = [];
    for await (const chunk of readFileChunks(file)) {
      assert.ok(chunk.length <= FILE_CHUNK_BYTES);
      seen.push(Buffer.from(chunk));
    }
    assert.ok(seen.length >= 4, `${seen.length} chunks`);
    assert.deepEqual(Buffer.concat(seen), bytes);
  });

  it('closes the file when the caller stops early, with a read still running', async () => {
    const before = openFiles();
    for await (const chunk of readFileChunks(file)) {
      assert.ok(chunk.length > 0);
      break;
    }
    assert.equal(openFiles(), before);
  });
});

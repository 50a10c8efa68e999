import { open } from 'node:fs/promises';

/** Bytes per read from disk: few reads (each async read has a fixed cost), and the byte scanner's block size. */
export const FILE_CHUNK_BYTES = 1024 * 1024;
/** The first read is small: until the JIT has compiled the scanner's JavaScript, its first step stays short. */
const FIRST_READ_BYTES = 64 * 1024;

/**
 * Reads a file on disk in chunks: no copy of the whole file is ever held, and each read hands the event loop a
 * turn. The next read runs (in libuv's thread pool) while the caller scans the current chunk, so scanning does
 * not wait for the disk once the first read is in. Two buffers take turns: the caller must be done with a chunk
 * before asking for the next one.
 */
export async function* readFileChunks(fsPath: string): AsyncIterable<Uint8Array> {
  const file = await open(fsPath, 'r');
  const buffers = [new Uint8Array(FILE_CHUNK_BYTES), new Uint8Array(FILE_CHUNK_BYTES)];
  let reading: Promise<{ bytesRead: number }> | undefined = file.read(buffers[0], 0, FIRST_READ_BYTES, null);
  try {
    for (let turn = 0; ; turn ^= 1) {
      const { bytesRead } = await reading;
      reading = undefined;
      if (bytesRead === 0) return;
      reading = file.read(buffers[turn ^ 1], 0, FILE_CHUNK_BYTES, null);
      yield buffers[turn].subarray(0, bytesRead);
    }
  } finally {
    // A read still running must end before the file closes under it (after an early return or a throw).
    await reading?.catch(() => undefined);
    await file.close();
  }
}

/** Bytes already in memory, in chunks of FILE_CHUNK_BYTES. */
export function* sliceChunks(bytes: Uint8Array): Iterable<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += FILE_CHUNK_BYTES) yield bytes.subarray(start, start + FILE_CHUNK_BYTES);
}

import { open } from 'node:fs/promises';

/** Bytes read per call: large enough that reads cost little, small enough to stay in the CPU cache while scanned. */
export const FILE_CHUNK_BYTES = 256 * 1024;

/**
 * Reads a file on disk in chunks into one reused buffer: no copy of the whole file is ever held, and each read
 * hands the event loop a turn. The caller must be done with a chunk before asking for the next one.
 */
export async function* readFileChunks(fsPath: string, chunkBytes = FILE_CHUNK_BYTES): AsyncIterable<Uint8Array> {
  const file = await open(fsPath, 'r');
  try {
    const buffer = new Uint8Array(chunkBytes);
    // Small reads first, doubling: the scanner is slow until the JIT has compiled it (a long first step).
    for (let size = Math.min(16 * 1024, chunkBytes); ; size = Math.min(2 * size, chunkBytes)) {
      const { bytesRead } = await file.read(buffer, 0, size, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}

/** Bytes already in memory, in chunks the same size as the disk reads. */
export function* sliceChunks(bytes: Uint8Array, chunkBytes = FILE_CHUNK_BYTES): Iterable<Uint8Array> {
  for (let start = 0; start < bytes.byteLength; start += chunkBytes) yield bytes.subarray(start, start + chunkBytes);
}

import { type IncomingMessage } from 'node:http';

export const MAX_BODY_BYTES = 1024 * 1024;

export interface ReadBody {
  body: Buffer;
  /** The body was larger than the limit: it was drained and discarded. */
  tooLarge: boolean;
}

/** Reads a request body, draining (not buffering) anything past the limit so the connection stays usable. */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<ReadBody> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve({ body: size <= limit ? Buffer.concat(chunks) : Buffer.alloc(0), tooLarge: size > limit }));
    req.on('error', reject);
  });
}

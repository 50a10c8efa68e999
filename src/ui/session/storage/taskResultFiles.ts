import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import type { Catalog } from '../../../core/tasks/taskRecord';
import type { TaskResults } from '../../../core/tasks/history/upgrade';
import { decodeResultFile, encodeResultFile, sha256 } from './resultFileFormat';

const SUFFIX = '.result';
const TEMPORARY = '.tmp';
/** A temporary file older than this was left by a writer that died: it is removed. */
const STALE_TEMPORARY_MS = 60_000;
/** On Windows a rename fails while another process reads the target: tried again this many times. */
const RENAME_ATTEMPTS = 5;

/**
 * The per-engagement results of one account's finished tasks, a file per task in the extension's storage folder
 * (globalStorageUri/<account>). Each file is written to a temporary file and renamed over the old one, so a
 * reader sees the old file or the new one whole; one cut short or mixed fails its checksum and reads as absent.
 */
export class TaskResultFiles {
  constructor(readonly folder: string) {}

  /** Writes the task's results; returns the bytes written. */
  async write(results: TaskResults): Promise<number> {
    const file = this.fileOf(results.catalog, results.taskId);
    await fs.mkdir(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(6).toString('hex')}${TEMPORARY}`;
    const bytes = encodeResultFile(results);
    try {
      const handle = await fs.open(temporary, 'w');
      try {
        await handle.writeFile(bytes);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await renameOver(temporary, file);
    } catch (error) {
      await fs.rm(temporary, { force: true });
      throw error;
    }
    return bytes.length;
  }

  /** The task's results, or undefined when there is no whole file for it (then ask the service). */
  async read(catalog: Catalog, taskId: string): Promise<TaskResults | undefined> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(this.fileOf(catalog, taskId));
    } catch {
      return undefined;
    }
    return decodeResultFile(bytes, { catalog, taskId });
  }

  async remove(catalog: Catalog, taskId: string): Promise<void> {
    await fs.rm(this.fileOf(catalog, taskId), { force: true });
  }

  /** Removes every file of the account (the Clear Local History command). */
  async clear(): Promise<void> {
    await fs.rm(this.folder, { recursive: true, force: true });
  }

  /** Removes temporary files that writers killed mid-write left behind. */
  async removeStaleTemporaries(now = Date.now()): Promise<number> {
    let removed = 0;
    for (const catalog of ['AWS', 'Sandbox'] as const) {
      const folder = path.join(this.folder, catalog);
      const names = await fs.readdir(folder).catch(() => [] as string[]);
      for (const name of names.filter((candidate) => candidate.endsWith(TEMPORARY))) {
        const file = path.join(folder, name);
        const stat = await fs.stat(file).catch(() => undefined);
        if (stat && now - stat.mtimeMs > STALE_TEMPORARY_MS) {
          await fs.rm(file, { force: true });
          removed++;
        }
      }
    }
    return removed;
  }

  /** A name every file system accepts, whatever the task ID holds, and distinct where case is not. */
  fileOf(catalog: Catalog, taskId: string): string {
    return path.join(this.folder, catalog, `${sha256(taskId).slice(0, 40)}${SUFFIX}`);
  }
}

async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await fs.rename(from, to);
      return;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= RENAME_ATTEMPTS || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw error;
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
    }
  }
}

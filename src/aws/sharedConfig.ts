import { readFile } from 'node:fs/promises';
import { ConnectionConfigError } from '../core/connection/connectionConfigError';
import { readSharedFile, type SharedFileKind, type SharedFileSections } from '../core/connection/sharedFileSyntax';
import { sharedFilePaths, type SharedFilePaths } from './profiles';

export interface SharedConfig {
  readonly paths: SharedFilePaths;
  readonly config: SharedFileSections;
  readonly credentials: SharedFileSections;
}

/**
 * Both shared files, read strictly: a file the SDK would misread throws a ConnectionConfigError naming the
 * file, the line and the fix. A file that does not exist is empty, as for the SDK.
 */
export async function readSharedConfig(paths: SharedFilePaths = sharedFilePaths()): Promise<SharedConfig> {
  const [config, credentials] = await Promise.all([readOne(paths.config, 'config'), readOne(paths.credentials, 'credentials')]);
  return { paths, config, credentials };
}

async function readOne(file: string, kind: SharedFileKind): Promise<SharedFileSections> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return new Map();
    throw new ConnectionConfigError(file, undefined, `the ${kind} file cannot be read (${code ?? String(error)})`, `Make it a readable file, or point ${kind === 'config' ? 'AWS_CONFIG_FILE' : 'AWS_SHARED_CREDENTIALS_FILE'} at one.`);
  }
  const reading = readSharedFile(bytes, kind);
  if (!reading.ok) throw new ConnectionConfigError(file, reading.fault.line, reading.fault.problem, reading.fault.fix);
  return reading.sections;
}

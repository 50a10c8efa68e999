import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { InstallRights, Probe } from './plan';

/** The thin, real side of scripts/systemSetup/plan.ts: looks at this machine and nothing else. */

export function onPath(command: string, searchPath = process.env.PATH ?? ''): boolean {
  return searchPath.split(path.delimiter).some((dir) => {
    if (!dir) return false;
    try {
      fs.accessSync(path.join(dir, command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export function isPresent(probe: Probe): boolean {
  return 'file' in probe ? fs.existsSync(probe.file) : onPath(probe.command);
}

/** Asks sudo only when it matters (not root, sudo present); `-n` never waits for a password. */
export function installRights(): InstallRights {
  const uid = process.getuid?.() ?? -1;
  const hasSudo = onPath('sudo');
  const sudoWithoutPassword = uid !== 0 && hasSudo && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  return { uid, hasAptGet: onPath('apt-get'), hasSudo, sudoWithoutPassword };
}

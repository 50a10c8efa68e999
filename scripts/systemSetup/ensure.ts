import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION, ensureCodeServer, isCodeServerInstalled } from '../codeServer/install';
import { CHROMIUM_PATH, REPO_ROOT, RIPGREP_PATH } from '../paths';
import { commandLine, describeMissing, impossibleMessage, missingRequirements, planInstall, requirementsFor, stillMissingMessage, type Purpose } from './plan';
import { installRights, isPresent } from './probe';

export interface EnsureOptions {
  /** Print what would be installed instead of installing it. */
  dryRun?: boolean;
}

/**
 * The check the README's commands run before anything that needs the system: installs the missing
 * Debian packages (as root or through `sudo -n`), then code-server into .vscode-test/. Returns false
 * after printing the one message that says how to install them by hand when that is impossible here.
 */
export async function ensureSystem(purpose: Purpose, options: EnsureOptions = {}): Promise<boolean> {
  const started = Date.now();
  if (purpose === 'desktop') {
    console.log('[setup] desktop VS Code: no system packages needed');
    return true;
  }
  const dry = options.dryRun ? 'dry run: would install' : 'installing';
  const codeServerInstalled = isCodeServerInstalled();
  const requirements = requirementsFor(purpose, { chromium: CHROMIUM_PATH, ripgrep: RIPGREP_PATH }, codeServerInstalled);
  const missing = missingRequirements(requirements, isPresent);
  if (missing.length > 0) {
    const plan = planInstall(missing, installRights());
    if (plan.kind === 'impossible') {
      console.error(impossibleMessage(plan, missing));
      return false;
    }
    if (plan.kind === 'install') {
      console.log(`[setup] ${dry} ${describeMissing(missing)} ${plan.via === 'root' ? 'as root' : 'through sudo -n'}: ${commandLine(plan.commands)}`);
      if (!options.dryRun) {
        for (const [command, ...args] of plan.commands) {
          // Synchronous and in this terminal's process group: a Ctrl-C reaches apt-get as in a shell, and is never cut short by ours.
          const result = spawnSync(command!, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
          if (result.status !== 0) {
            console.error(`[setup] \`${[command, ...args].join(' ')}\` failed (${result.error?.message ?? `exit ${result.status ?? result.signal}`}). Run it yourself, then the same npm command again.`);
            return false;
          }
        }
        const stillMissing = missingRequirements(missing, isPresent);
        if (stillMissing.length > 0) {
          console.error(stillMissingMessage(stillMissing));
          return false;
        }
      }
    }
  }
  const codeServerDir = path.relative(REPO_ROOT, CODE_SERVER_DIR);
  if (!codeServerInstalled) {
    if (options.dryRun) console.log(`[setup] ${dry} code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (from the npm registry, 1 to 3 minutes)`);
    else await ensureCodeServer();
  }
  const present = requirements.filter((r) => !missing.includes(r)).map((r) => r.package);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[setup] ${options.dryRun ? 'dry run done' : 'ready'} in ${seconds} s: ${present.length > 0 ? `${present.join(', ')} present` : 'no package was already present'}; code-server ${CODE_SERVER_VERSION} ${codeServerInstalled ? 'present' : options.dryRun ? 'missing' : 'installed'} in ${codeServerDir}`);
  return true;
}

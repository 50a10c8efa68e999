import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { CODE_SERVER_DIR, CODE_SERVER_VERSION, ensureCodeServer, isCodeServerInstalled } from '../codeServer/install';
import { CHROMIUM_PATH, REPO_ROOT, RIPGREP_PATH } from '../paths';
import { commandLine, describeMissing, impossibleMessage, missingRequirements, planInstall, requirementsFor, stillMissingMessage, type Purpose } from './plan';
import { installRights, isPresent } from './probe';

/**
 * Runs a command to its end; returns why it failed, or undefined. Synchronous and in this terminal's
 * process group: a Ctrl-C reaches apt-get as it would in a shell, and ours never cuts dpkg short.
 */
function runNow([command, ...args]: string[]): string | undefined {
  const result = spawnSync(command!, args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.error) return result.error.message;
  return result.status === 0 ? undefined : result.signal ? `killed by ${result.signal}` : `exit ${result.status}`;
}

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
      console.log(`[setup] ${dry} ${describeMissing(missing)} ${plan.via === 'root' ? 'as root' : 'through sudo -n'}: ${commandLine(plan.update, plan.install)}`);
      if (!options.dryRun) {
        const updated = runNow(plan.update);
        if (updated !== undefined) console.warn(`[setup] \`${plan.update.join(' ')}\` failed (${updated}); installing from the package lists already here.`);
        const installed = runNow(plan.install);
        if (installed !== undefined) {
          console.error(`[setup] \`${plan.install.join(' ')}\` failed (${installed}). Run it yourself, then the same npm command again.`);
          return false;
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
  const added = options.dryRun ? 'to install' : 'installed';
  const packages = [present.length > 0 ? `${present.join(', ')} present` : '', missing.length > 0 ? `${missing.map((r) => r.package).join(', ')} ${added}` : ''];
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`[setup] ${options.dryRun ? 'dry run done' : 'ready'} in ${seconds} s: ${packages.filter(Boolean).join(', ')}; code-server ${CODE_SERVER_VERSION} ${codeServerInstalled ? 'present' : added} in ${codeServerDir}`);
  return true;
}

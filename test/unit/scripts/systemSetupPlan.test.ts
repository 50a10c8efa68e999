import * as assert from 'node:assert/strict';
import {
  impossibleMessage,
  missingRequirements,
  planInstall,
  requirementsFor,
  stillMissingMessage,
  type InstallRights,
  type Probe,
  type Requirement,
} from '../../../scripts/systemSetup/plan';

const PATHS = { chromium: '/usr/bin/chromium', ripgrep: '/usr/bin/rg' };
const ROOT: InstallRights = { uid: 0, hasAptGet: true, hasSudo: false, sudoWithoutPassword: false };
const USER: InstallRights = { uid: 1000, hasAptGet: true, hasSudo: true, sudoWithoutPassword: true };

/** A machine that has every command and file except those named. */
function machineWithout(...absent: string[]): (probe: Probe) => boolean {
  return (probe) => !absent.includes('file' in probe ? probe.file : probe.command);
}

function missingOn(isPresent: (probe: Probe) => boolean, purpose: 'tests' | 'code-server' | 'desktop' = 'tests', codeServerInstalled = false): Requirement[] {
  return missingRequirements(requirementsFor(purpose, PATHS, codeServerInstalled), isPresent);
}

const packagesOf = (requirements: Requirement[]) => requirements.map((r) => r.package);

describe('system set-up plan', () => {
  describe('what is missing', () => {
    it('a fresh Debian machine lacks every package the suites need, code-server\'s build tools included', () => {
      assert.deepEqual(packagesOf(missingOn(() => false)), ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3']);
    });

    it('probes Chromium and ripgrep at the paths the scripts use, the build tools on PATH', () => {
      assert.deepEqual(packagesOf(missingOn(machineWithout('/usr/bin/rg', '/usr/bin/chromium'))), ['chromium', 'ripgrep']);
      assert.deepEqual(packagesOf(missingOn(machineWithout('g++', '/usr/include/gssapi/gssapi.h'))), ['libkrb5-dev', 'g++']);
      const elsewhere = missingRequirements(requirementsFor('tests', { chromium: '/opt/chromium', ripgrep: '/opt/rg' }, false), machineWithout('/opt/rg'));
      assert.deepEqual(packagesOf(elsewhere), ['ripgrep']);
    });

    it('npm start in code-server needs no Chromium; in desktop VS Code nothing at all', () => {
      assert.deepEqual(packagesOf(missingOn(() => false, 'code-server')), ['ripgrep', 'libkrb5-dev', 'pkg-config', 'g++', 'make', 'python3']);
      assert.deepEqual(missingOn(() => false, 'desktop'), []);
    });

    it('once code-server is installed its build tools are no longer needed, ripgrep (linked into it) still is', () => {
      assert.deepEqual(packagesOf(missingOn(() => false, 'tests', true)), ['chromium', 'ripgrep']);
      assert.deepEqual(packagesOf(missingOn(machineWithout('g++', 'make'), 'code-server', true)), []);
    });

    it('nothing is missing on a machine that has it all', () => {
      assert.deepEqual(missingOn(() => true), []);
      assert.deepEqual(planInstall([], { uid: 1000, hasAptGet: false, hasSudo: false, sudoWithoutPassword: false }), { kind: 'nothing' });
    });
  });

  describe('how to install it', () => {
    const missing = missingOn(machineWithout('/usr/bin/rg', '/usr/bin/chromium'));

    it('as root: apt-get update once, then one apt-get install of every missing package, each waiting for a busy dpkg', () => {
      assert.deepEqual(planInstall(missing, ROOT), {
        kind: 'install',
        packages: ['chromium', 'ripgrep'],
        via: 'root',
        update: ['apt-get', 'update', '-qq', '-o', 'DPkg::Lock::Timeout=300'],
        install: ['apt-get', 'install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'chromium', 'ripgrep'],
      });
    });

    it('not root, with passwordless sudo: the same commands through sudo -n', () => {
      const plan = planInstall(missing, USER);
      assert.equal(plan.kind, 'install');
      if (plan.kind !== 'install') return;
      assert.equal(plan.via, 'sudo');
      assert.deepEqual(plan.update, ['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'update', '-qq', '-o', 'DPkg::Lock::Timeout=300']);
      assert.deepEqual(plan.install, ['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive', 'apt-get', 'install', '-y', '-qq', '--no-install-recommends', '-o', 'DPkg::Lock::Timeout=300', 'chromium', 'ripgrep']);
    });

    it('root installs even where sudo would ask for a password', () => {
      assert.equal(planInstall(missing, { ...ROOT, hasSudo: true }).kind, 'install');
    });

    it('sudo asking for a password: impossible here, the message gives the sudo command to run by hand', () => {
      const plan = planInstall(missing, { ...USER, sudoWithoutPassword: false });
      assert.deepEqual(plan, {
        kind: 'impossible',
        packages: ['chromium', 'ripgrep'],
        reason: 'not root, and sudo asks for a password',
        command: 'sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium ripgrep',
      });
    });

    it('no sudo at all: the command goes through su', () => {
      const plan = planInstall(missing, { ...USER, hasSudo: false, sudoWithoutPassword: false });
      assert.equal(plan.kind === 'impossible' && plan.command, "su -c 'apt-get update && apt-get install -y --no-install-recommends chromium ripgrep'");
    });

    it('no apt-get: impossible even as root, and the message names the Debian packages', () => {
      const plan = planInstall(missing, { ...ROOT, hasAptGet: false });
      assert.equal(plan.kind, 'impossible');
      if (plan.kind !== 'impossible') return;
      assert.equal(plan.command, undefined);
      const message = impossibleMessage(plan, missing);
      assert.match(message, /no apt-get/);
      assert.match(message, /Debian names: chromium ripgrep/);
    });

    it('names the missing packages grouped by what they are for', () => {
      const plan = planInstall(missingOn(() => false, 'code-server'), { ...ROOT, hasAptGet: false });
      assert.equal(plan.kind, 'impossible');
      if (plan.kind !== 'impossible') return;
      assert.match(impossibleMessage(plan, missingOn(() => false, 'code-server')), /: ripgrep \(code-server's search\); libkrb5-dev, pkg-config, g\+\+, make, python3 \(to build code-server's native modules\)\./);
    });

    it('the one message says what is missing, why, and the exact command', () => {
      const plan = planInstall(missing, { ...USER, sudoWithoutPassword: false });
      assert.equal(plan.kind, 'impossible');
      if (plan.kind !== 'impossible') return;
      assert.equal(
        impossibleMessage(plan, missing),
        [
          "[setup] Missing system packages: chromium (the browser the in-host and browser suites drive); ripgrep (code-server's search). They cannot be installed from here (not root, and sudo asks for a password).",
          '[setup] Run this, then the same npm command again:',
          '    sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium ripgrep',
        ].join('\n'),
      );
    });

    it('a package still missing after its install names the path the scripts look at', () => {
      assert.match(stillMissingMessage(missing.filter((r) => r.package === 'ripgrep')), /ripgrep → \/usr\/bin\/rg.*RIPGREP_PATH/);
    });
  });
});

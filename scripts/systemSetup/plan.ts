/**
 * What the machine must provide for the README's commands, and how to get what is missing: pure
 * decisions over injected facts (scripts/systemSetup/probe.ts gathers them, ensure.ts acts on them).
 */

/** What the check is for: the in-host and browser suites, `npm start` in code-server, `npm start` in desktop VS Code. */
export type Purpose = 'tests' | 'code-server' | 'desktop';

/** How presence is probed: an executable on PATH, or a file at a fixed path (the one the scripts use). */
export type Probe = { command: string } | { file: string };

export interface Requirement {
  /** The Debian package that provides it. */
  package: string;
  probe: Probe;
  /** Shown when it is missing. */
  why: string;
  /** Needed only while code-server is being installed (node-gyp rebuilds its native modules). */
  onlyToInstallCodeServer?: boolean;
}

export interface SystemPaths {
  chromium: string;
  ripgrep: string;
}

/** The Debian packages each purpose needs. Desktop VS Code brings everything itself. */
export function requirementsFor(purpose: Purpose, paths: SystemPaths, codeServerInstalled: boolean): Requirement[] {
  if (purpose === 'desktop') return [];
  const build = 'to build code-server\'s native modules';
  const all: Requirement[] = [
    ...(purpose === 'tests' ? [{ package: 'chromium', probe: { file: paths.chromium }, why: 'the browser the in-host and browser suites drive' }] : []),
    { package: 'ripgrep', probe: { file: paths.ripgrep }, why: 'code-server\'s search' },
    { package: 'libkrb5-dev', probe: { file: '/usr/include/gssapi/gssapi.h' }, why: build, onlyToInstallCodeServer: true },
    { package: 'pkg-config', probe: { command: 'pkg-config' }, why: build, onlyToInstallCodeServer: true },
    { package: 'g++', probe: { command: 'g++' }, why: build, onlyToInstallCodeServer: true },
    { package: 'make', probe: { command: 'make' }, why: build, onlyToInstallCodeServer: true },
    { package: 'python3', probe: { command: 'python3' }, why: build, onlyToInstallCodeServer: true },
  ];
  return codeServerInstalled ? all.filter((r) => !r.onlyToInstallCodeServer) : all;
}

export function missingRequirements(requirements: Requirement[], isPresent: (probe: Probe) => boolean): Requirement[] {
  return requirements.filter((r) => !isPresent(r.probe));
}

/** Facts about who may install packages. `sudoWithoutPassword` matters only when not root and sudo exists. */
export interface InstallRights {
  uid: number;
  hasAptGet: boolean;
  hasSudo: boolean;
  sudoWithoutPassword: boolean;
}

export type InstallPlan =
  | { kind: 'nothing' }
  /** argv of `apt-get update` (once; its failure is not fatal, the lists may do) then of `apt-get install`, as root or through `sudo -n`. */
  | { kind: 'install'; packages: string[]; via: 'root' | 'sudo'; update: string[]; install: string[] }
  /** The one message to show, with the exact command that installs the packages by hand (none without apt-get). */
  | { kind: 'impossible'; packages: string[]; reason: string; command?: string };

// Waits for another apt/dpkg run (another checkout's set-up, unattended upgrades) instead of failing at once.
const WAIT_FOR_LOCK = ['-o', 'DPkg::Lock::Timeout=300'];
const APT_UPDATE = ['update', '-qq', ...WAIT_FOR_LOCK];
const APT_INSTALL = ['install', '-y', '-qq', '--no-install-recommends', ...WAIT_FOR_LOCK];

export function planInstall(missing: Requirement[], rights: InstallRights): InstallPlan {
  const packages = [...new Set(missing.map((r) => r.package))];
  if (packages.length === 0) return { kind: 'nothing' };
  const list = packages.join(' ');
  const byHand = `apt-get update && apt-get install -y --no-install-recommends ${list}`;
  if (!rights.hasAptGet) {
    return { kind: 'impossible', packages, reason: 'this machine has no apt-get' };
  }
  if (rights.uid === 0) {
    return { kind: 'install', packages, via: 'root', update: ['apt-get', ...APT_UPDATE], install: ['apt-get', ...APT_INSTALL, ...packages] };
  }
  if (rights.hasSudo && rights.sudoWithoutPassword) {
    // VAR=value through sudo, not `env`: a sudoers rule that allows only apt-get still matches.
    const sudo = ['sudo', '-n', 'DEBIAN_FRONTEND=noninteractive', 'apt-get'];
    return { kind: 'install', packages, via: 'sudo', update: [...sudo, ...APT_UPDATE], install: [...sudo, ...APT_INSTALL, ...packages] };
  }
  if (rights.hasSudo) {
    return { kind: 'impossible', packages, reason: 'not root, and sudo asks for a password', command: `sudo apt-get update && sudo apt-get install -y --no-install-recommends ${list}` };
  }
  return { kind: 'impossible', packages, reason: 'not root, and there is no sudo', command: `su -c '${byHand}'` };
}

/** `chromium (why); g++, make (why)`: packages grouped by the reason they are needed. */
export function describeMissing(missing: Requirement[]): string {
  const byWhy = new Map<string, string[]>();
  for (const r of missing) byWhy.set(r.why, [...(byWhy.get(r.why) ?? []), r.package]);
  return [...byWhy].map(([why, packages]) => `${packages.join(', ')} (${why})`).join('; ');
}

/** The one message shown when the packages cannot be installed from here. */
export function impossibleMessage(plan: Extract<InstallPlan, { kind: 'impossible' }>, missing: Requirement[]): string {
  const head = `[setup] Missing system packages: ${describeMissing(missing)}. They cannot be installed from here (${plan.reason}).`;
  if (!plan.command) return `${head}\n[setup] Install them with your package manager (Debian names: ${plan.packages.join(' ')}), then run the same npm command again.`;
  return `${head}\n[setup] Run this, then the same npm command again:\n    ${plan.command}`;
}

/** Shell-like text of commands, for the "installing ...: <commands>" line. */
export function commandLine(...commands: string[][]): string {
  return commands.map((argv) => argv.join(' ')).join(' && ');
}

/** After an install, a requirement still missing means the scripts look elsewhere than the package puts it. */
export function stillMissingMessage(missing: Requirement[]): string {
  const where = missing.map((r) => `${r.package} → ${'file' in r.probe ? r.probe.file : `\`${r.probe.command}\` on PATH`}`).join(', ');
  return `[setup] installed, but still not found: ${where}. Set CHROMIUM_PATH / RIPGREP_PATH if yours live elsewhere.`;
}

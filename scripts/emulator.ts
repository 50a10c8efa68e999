import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './paths';
import { onCleanup } from './processes';

/**
 * The Partner Central emulator (src/emulator, compiled by `npm run compile-tests` into out/src/emulator)
 * runs inside the runner's own process, so it ends with it. Its programmatic API:
 * `startEmulator({port?, taskDurationSeconds?, throttle?, seed?}) => Promise<{endpoint, port, close()}>`.
 */
export interface EmulatorOptions {
  port?: number;
  taskDurationSeconds?: number;
  throttle?: boolean;
  seed?: number | string;
}

export interface RunningEmulator {
  endpoint: string;
  port: number;
  close(): Promise<void> | void;
}

interface EmulatorModule {
  startEmulator?: (options?: EmulatorOptions) => Promise<RunningEmulator>;
  DEFAULT_CREDENTIALS?: { accessKeyId: string; secretAccessKey: string };
}

export const FALLBACK_CREDENTIALS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const MODULE_PATH = path.join(REPO_ROOT, 'out', 'src', 'emulator', 'index.js');

function loadModule(): EmulatorModule | undefined {
  if (!fs.existsSync(MODULE_PATH)) return undefined;
  // A runtime path: the emulator is written concurrently and may not export its API yet.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(MODULE_PATH) as EmulatorModule;
}

export interface EmulatorHandle {
  emulator: RunningEmulator;
  credentials: { accessKeyId: string; secretAccessKey: string };
  /** Environment for code-server and so for the extension host. */
  env: Record<string, string | undefined>;
}

/**
 * Starts the emulator if src/emulator exports startEmulator; returns undefined (and says why) otherwise,
 * unless `required`.
 */
export async function startEmulatorBeside(options: EmulatorOptions = {}, required = false): Promise<EmulatorHandle | undefined> {
  let mod: EmulatorModule | undefined;
  try {
    mod = loadModule();
  } catch (error) {
    if (required) throw error;
    console.warn(`[emulator] cannot load ${MODULE_PATH}: ${String(error)}; running without the emulator`);
    return undefined;
  }
  if (typeof mod?.startEmulator !== 'function') {
    const why = `${path.relative(REPO_ROOT, MODULE_PATH)} does not export startEmulator (yet)`;
    if (required) throw new Error(`The emulator is not available: ${why}`);
    console.warn(`[emulator] ${why}; running without the emulator`);
    return undefined;
  }
  const emulator = await mod.startEmulator(options);
  const unregister = onCleanup('emulator', () => emulator.close());
  const close = emulator.close.bind(emulator);
  emulator.close = async () => {
    unregister();
    await close();
  };
  const credentials = mod.DEFAULT_CREDENTIALS ?? FALLBACK_CREDENTIALS;
  const endpoint = emulator.endpoint.replace(/\/$/, '');
  return {
    emulator,
    credentials,
    env: {
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      PARTNER_CENTRAL_EMULATOR_URL: endpoint,
      // Never pick up a developer's real profile or session while pointed at the emulator.
      AWS_PROFILE: undefined,
      AWS_SESSION_TOKEN: undefined,
    },
  };
}

export interface SampleEngagement {
  id: string;
  title?: string;
  /** The emulator fails the prospecting of this one, with this reason code. */
  reasonCode?: string;
}

export interface SampleEngagements {
  /** Known, and prospecting them succeeds. */
  succeeding: SampleEngagement[];
  /** Known, but the task reports them FAILED (with a reason code). */
  failing: SampleEngagement[];
}

async function listEngagements(endpoint: string, query: string): Promise<SampleEngagement[]> {
  const response = await fetch(`${endpoint}/__emulator/engagements?catalog=Sandbox&${query}`);
  if (!response.ok) throw new Error(`GET /__emulator/engagements?${query} answered ${response.status}`);
  const body = (await response.json()) as { engagements?: { id: string; title?: string; failing?: boolean; reasonCode?: string }[] };
  return (body.engagements ?? [])
    .filter((e) => typeof e?.id === 'string' && /^eng-[0-9a-z]{14}$/.test(e.id))
    .map((e) => ({ id: e.id, title: e.title, reasonCode: e.reasonCode }));
}

/** Sandbox engagements of the running emulator, from its control API (GET /__emulator/engagements). */
export async function sampleEngagements(endpoint: string, succeeding = 12, failing = 3): Promise<SampleEngagements> {
  return {
    succeeding: await listEngagements(endpoint, `limit=${succeeding}&failing=false`),
    failing: await listEngagements(endpoint, `limit=${failing}&failing=true`).catch(() => []),
  };
}

/** Known Sandbox engagement ids (succeeding ones first). */
export async function knownEngagementIds(endpoint: string, limit = 20): Promise<string[]> {
  const sample = await sampleEngagements(endpoint, limit, 0);
  return sample.succeeding.map((e) => e.id);
}

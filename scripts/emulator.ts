import {
  CONTROL_PREFIX,
  DEFAULT_CREDENTIALS,
  startEmulator,
  type EmulatorCredentials,
  type EmulatorOptions,
  type EngagementListing,
  type RunningEmulator,
} from '../src/emulator';
import { onCleanup } from './processes';

export type { EmulatorOptions };

/**
 * The Partner Central emulator (src/emulator) runs inside the runner's own process, so it ends with it.
 */
export interface EmulatorHandle {
  emulator: RunningEmulator;
  credentials: EmulatorCredentials;
  /** Environment for code-server and so for the extension host. */
  env: Record<string, string | undefined>;
}

/** Starts the emulator on a loopback port, registered for cleanup, with the environment that points the SDK at it. */
export async function startEmulatorBeside(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const started = await startEmulator(options);
  const unregister = onCleanup('emulator', () => started.close());
  const emulator: RunningEmulator = {
    ...started,
    async close() {
      unregister();
      await started.close();
    },
  };
  // The first key pair the emulator accepts (the documentation's example pair unless told otherwise).
  const credentials = options.credentials?.[0] ?? DEFAULT_CREDENTIALS;
  return {
    emulator,
    credentials,
    env: {
      AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: emulator.endpoint,
      AWS_ACCESS_KEY_ID: credentials.accessKeyId,
      AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
      AWS_REGION: 'us-east-1',
      PARTNER_CENTRAL_EMULATOR_URL: emulator.endpoint,
      // Never pick up a developer's real profile or session while pointed at the emulator.
      AWS_PROFILE: undefined,
      AWS_SESSION_TOKEN: credentials.sessionToken,
    },
  };
}

export interface SampleEngagement {
  id: string;
  title: string;
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
  const response = await fetch(`${endpoint}${CONTROL_PREFIX}engagements?catalog=Sandbox&${query}`);
  if (!response.ok) throw new Error(`GET ${CONTROL_PREFIX}engagements?${query} answered ${response.status}: ${await response.text()}`);
  const listing = (await response.json()) as EngagementListing;
  return listing.engagements.map(({ id, title, reasonCode }) => ({ id, title, reasonCode }));
}

/** Sandbox engagements of the running emulator, from its control API (GET /__emulator/engagements). */
export async function sampleEngagements(endpoint: string, succeeding = 12, failing = 3): Promise<SampleEngagements> {
  return {
    succeeding: await listEngagements(endpoint, `limit=${succeeding}&failing=false`),
    failing: await listEngagements(endpoint, `limit=${failing}&failing=true`),
  };
}

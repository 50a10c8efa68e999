import { PartnerCentralSellingClient, type PartnerCentralSellingClientConfig } from '@aws-sdk/client-partnercentral-selling';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { callSignal, rejectionOnAbort } from './callDeadline';
import { addCallLogging, type CallLogger } from './callLogging';
import { addAttemptRecording, annotateCallError, openCallRecord } from './callRecords';
import { addSecretRegistration } from './secretRegistration';

export interface PartnerCentralClientSettings {
  /** A profile of ~/.aws/config|credentials; empty = the SDK's default chain (env vars, AWS_PROFILE, SSO, IMDS…). */
  profile?: string;
  /** Default us-east-1 (the only region Partner Central serves); AWS_REGION is deliberately not consulted. */
  region?: string;
  /** Empty = the SDK's conventions: AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, AWS_ENDPOINT_URL, endpoint_url in the profile. */
  endpoint?: string;
  /** Attempts per call, retries included. Default 5. */
  maxAttempts?: number;
  /** Per attempt, from sending to the whole answer: a hung attempt fails with a (retried) TimeoutError. Default 15000. */
  attemptTimeoutMs?: number;
  /** Per attempt, to open the connection. Default 5000 (at most attemptTimeoutMs). */
  connectionTimeoutMs?: number;
  /** Per call, retries and their waits included: the call is aborted then. Default 45000. */
  callTimeoutMs?: number;
  /** A static key pair (the local emulator's); it replaces `profile` and the default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** With no `endpoint`: the service default, the SDK not looking at the environment or profile (resolveEndpoint did). */
  ignoreConfiguredEndpoints?: boolean;
  /** Every call fails with this before anything is sent: the configuration cannot be used. */
  refusal?: Error;
}

const DEFAULT_REGION = 'us-east-1';
const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_ATTEMPT_TIMEOUT_MS = 15_000;
const DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
const DEFAULT_CALL_TIMEOUT_MS = 45_000;

/**
 * A Partner Central Selling client whose every call ends: each attempt times out (connection, then answer), and
 * each call has a deadline, combined with the caller's abort signal. Adaptive retries; with a logger, call logging.
 */
export function createPartnerCentralClient(settings: PartnerCentralClientSettings = {}, logger?: CallLogger): PartnerCentralSellingClient {
  const profile = nonEmpty(settings.profile);
  const endpoint = nonEmpty(settings.endpoint);
  const attemptTimeoutMs = settings.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const client = new PartnerCentralClientWithDeadline(
    {
      region: nonEmpty(settings.region) ?? DEFAULT_REGION,
      // `profile` picks the credentials only: the SDK reads endpoint_url from AWS_PROFILE's profile, so the
      // session passes the signing profile's endpoint_url as `endpoint` (see resolveEndpoint).
      ...(settings.credentials ? { credentials: settings.credentials } : profile ? { profile, credentials: fromIni({ profile }) } : {}),
      ...(endpoint ? { endpoint } : settings.ignoreConfiguredEndpoints ? { ignoreConfiguredEndpointUrls: true } : {}),
      retryMode: 'adaptive',
      maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      requestHandler: {
        requestTimeout: attemptTimeoutMs,
        // Without it, @smithy/node-http-handler 4.x only logs a warning when requestTimeout passes.
        throwOnRequestTimeout: true,
        connectionTimeout: Math.min(settings.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS, attemptTimeoutMs),
      },
    },
    settings.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS,
    profile ?? nonEmpty(process.env.AWS_PROFILE) ?? 'default',
  );
  if (settings.refusal) refuseEveryCall(client, settings.refusal);
  addAttemptRecording(client);
  addSecretRegistration(client);
  if (logger) addCallLogging(client, logger);
  return client;
}

class PartnerCentralClientWithDeadline extends PartnerCentralSellingClient {
  constructor(
    config: PartnerCentralSellingClientConfig,
    private readonly callTimeoutMs: number,
    /** The profile that signs: the setting, else AWS_PROFILE, else `default`. */
    readonly profileName: string,
  ) {
    super(config);
  }

  // The SDK's send() has callback overloads; only the promise form (the one this extension uses) gets a deadline.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override send(command: any, optionsOrCallback?: any, callback?: any): any {
    if (typeof optionsOrCallback === 'function' || typeof callback === 'function') return super.send(command, optionsOrCallback, callback);
    return this.sendWithinDeadline(command, (optionsOrCallback ?? {}) as { abortSignal?: AbortSignal });
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  private async sendWithinDeadline(command: any, options: { abortSignal?: AbortSignal }): Promise<unknown> {
    const { signal, dispose } = callSignal(this.callTimeoutMs, options.abortSignal);
    const record = openCallRecord(signal);
    const aborted = rejectionOnAbort(signal);
    const sending = super.send(command, { ...options, abortSignal: signal }) as Promise<unknown>;
    // Once the race is lost, the SDK's own promise still settles (its attempt is aborted): nobody waits for it.
    sending.catch(() => undefined);
    try {
      return await Promise.race([sending, aborted.promise]);
    } catch (error) {
      annotateCallError(error, record, this.profileName);
      throw error;
    } finally {
      aborted.dispose();
      dispose();
    }
  }
}

function refuseEveryCall(client: PartnerCentralSellingClient, refusal: Error): void {
  client.middlewareStack.add(() => () => Promise.reject(refusal), { step: 'initialize', name: 'refuseUnusableConfiguration', priority: 'high' });
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

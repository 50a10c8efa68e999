import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { fromIni } from '@aws-sdk/credential-provider-ini';
import { addCallLogging, type CallLogger } from './callLogging';

export interface PartnerCentralClientSettings {
  /** A profile of ~/.aws/config|credentials; empty = the SDK's default chain (env vars, AWS_PROFILE, SSO, IMDS…). */
  profile?: string;
  /** Default us-east-1 (the only region Partner Central serves); AWS_REGION is deliberately not consulted. */
  region?: string;
  /** Empty = the SDK's conventions: AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, AWS_ENDPOINT_URL, endpoint_url in the profile. */
  endpoint?: string;
  /** Attempts per call, retries included. Default 5. */
  maxAttempts?: number;
  /** Per attempt; a hung connection becomes a retried TimeoutError. Default 30000. */
  requestTimeoutMs?: number;
  /** A static key pair (the local emulator's); it replaces `profile` and the default chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

export const DEFAULT_REGION = 'us-east-1';
export const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;
const CONNECTION_TIMEOUT_MS = 5_000;

/** A Partner Central Selling client with adaptive retries and, given a logger, call logging. */
export function createPartnerCentralClient(settings: PartnerCentralClientSettings = {}, logger?: CallLogger): PartnerCentralSellingClient {
  const profile = nonEmpty(settings.profile);
  const endpoint = nonEmpty(settings.endpoint);
  const client = new PartnerCentralSellingClient({
    region: nonEmpty(settings.region) ?? DEFAULT_REGION,
    // `profile` also makes the SDK read that profile's endpoint_url.
    ...(settings.credentials ? { credentials: settings.credentials } : profile ? { profile, credentials: fromIni({ profile }) } : {}),
    ...(endpoint ? { endpoint } : {}),
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    requestHandler: {
      requestTimeout: settings.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      connectionTimeout: CONNECTION_TIMEOUT_MS,
    },
  });
  if (logger) addCallLogging(client, logger);
  return client;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

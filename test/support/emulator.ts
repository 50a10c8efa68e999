// Helpers for any test suite that needs the local Partner Central Selling emulator.
import { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import {
  DEFAULT_CREDENTIALS,
  type EmulatorCounts,
  type EmulatorCredentials,
  type EmulatorOptions,
  type EngagementListing,
  type FaultSpec,
  type RunningEmulator,
  startEmulator,
} from '../../src/emulator';

export { DEFAULT_CREDENTIALS };
export type { EmulatorOptions, EngagementListing };

export interface TestClientOptions {
  maxAttempts?: number;
  retryMode?: 'standard' | 'adaptive' | 'legacy';
  /** Defaults to the emulator's DEFAULT_CREDENTIALS. */
  credentials?: EmulatorCredentials;
  /** Milliseconds added to the SDK's clock when signing (to produce stale signatures). */
  systemClockOffset?: number;
  /** Defaults to us-east-1, the only region the emulator (and Partner Central) accepts. */
  region?: string;
}

/** An SDK client for an emulator endpoint. Call destroy() when done. */
export function makeClient(endpoint: string, options: TestClientOptions = {}): PartnerCentralSellingClient {
  const credentials = options.credentials ?? DEFAULT_CREDENTIALS;
  return new PartnerCentralSellingClient({
    endpoint,
    region: options.region ?? 'us-east-1',
    credentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
    },
    ...(options.maxAttempts !== undefined ? { maxAttempts: options.maxAttempts } : {}),
    ...(options.retryMode !== undefined ? { retryMode: options.retryMode } : {}),
    ...(options.systemClockOffset !== undefined ? { systemClockOffset: options.systemClockOffset } : {}),
  });
}

export interface TestEmulator extends RunningEmulator {
  /** A client for this emulator; destroyed by close(). */
  client(options?: TestClientOptions): PartnerCentralSellingClient;
  injectFault(spec: FaultSpec): Promise<void>;
  reset(): Promise<void>;
  counts(): Promise<EmulatorCounts>;
  engagements(catalog: 'AWS' | 'Sandbox', options?: { limit?: number; failing?: boolean }): Promise<string[]>;
}

/** Starts an emulator on a free port (options as startEmulator, e.g. { throttle: false }). */
export async function startTestEmulator(options: EmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ ...options, port: options.port ?? 0 });
  const clients: PartnerCentralSellingClient[] = [];
  return {
    endpoint: emulator.endpoint,
    port: emulator.port,
    client(clientOptions?: TestClientOptions): PartnerCentralSellingClient {
      const client = makeClient(emulator.endpoint, clientOptions);
      clients.push(client);
      return client;
    },
    injectFault: (spec) => injectFault(emulator.endpoint, spec),
    reset: () => resetEmulator(emulator.endpoint),
    counts: () => getCounts(emulator.endpoint),
    engagements: async (catalog, listOptions) =>
      (await listKnownEngagements(emulator.endpoint, catalog, listOptions)).engagements.map((engagement) => engagement.id),
    async close(): Promise<void> {
      for (const client of clients.splice(0)) client.destroy();
      await emulator.close();
    },
  };
}

async function control<T>(endpoint: string, method: string, path: string, body?: unknown): Promise<T> {
  // The control API answers only JSON from loopback; fetch sends the endpoint's own Host and no Origin.
  const response = await fetch(`${endpoint}/__emulator/${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`emulator control ${method} ${path}: HTTP ${response.status} ${text}`);
  return JSON.parse(text) as T;
}

/** Makes the next `count` matching requests fail (or lag) as `fault` says. */
async function injectFault(endpoint: string, spec: FaultSpec): Promise<void> {
  await control(endpoint, 'POST', 'faults', spec);
}

/** Forgets all tasks, ClientTokens, faults, counts and quota buckets (engagements stay). */
async function resetEmulator(endpoint: string): Promise<void> {
  await control(endpoint, 'POST', 'reset');
}

function getCounts(endpoint: string): Promise<EmulatorCounts> {
  return control<EmulatorCounts>(endpoint, 'GET', 'counts');
}

export function listKnownEngagements(
  endpoint: string,
  catalog: 'AWS' | 'Sandbox',
  options: { limit?: number; failing?: boolean } = {},
): Promise<EngagementListing> {
  const query = new URLSearchParams({ catalog, limit: String(options.limit ?? 20) });
  if (options.failing !== undefined) query.set('failing', String(options.failing));
  return control<EngagementListing>(endpoint, 'GET', `engagements?${query.toString()}`);
}

export interface RawRequest {
  /** Operation name, sent as `AWSPartnerCentralSelling.<operation>` (omit the header with null). */
  operation: string | null;
  body: string | Buffer;
  contentType?: string;
  /** false = send without any Authorization header. */
  sign?: boolean;
  credentials?: EmulatorCredentials;
  signingDate?: Date;
}

export interface RawResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body, when it is JSON. */
  json?: Record<string, unknown>;
}

/** Sends an arbitrary (SigV4-signed by default) request, for what the SDK would never send. */
export async function rawRequest(endpoint: string, request: RawRequest): Promise<RawResponse> {
  const url = new URL(endpoint);
  const headers: Record<string, string> = {
    host: url.host,
    'content-type': request.contentType ?? 'application/x-amz-json-1.0',
  };
  if (request.operation !== null) headers['x-amz-target'] = `AWSPartnerCentralSelling.${request.operation}`;
  let sendHeaders = headers;
  if (request.sign !== false) {
    const credentials = request.credentials ?? DEFAULT_CREDENTIALS;
    const signer = new SignatureV4({
      credentials,
      region: 'us-east-1',
      service: 'partnercentral-selling',
      sha256: Hash.bind(null, 'sha256'),
    });
    const signed = await signer.sign(
      new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.hostname, port: Number(url.port), path: '/', headers, body: request.body }),
      { signingDate: request.signingDate },
    );
    sendHeaders = signed.headers;
  }
  const { host: _host, ...fetchHeaders } = sendHeaders;
  const response = await fetch(`${endpoint}/`, { method: 'POST', headers: fetchHeaders, body: request.body });
  const text = await response.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, text, json };
}

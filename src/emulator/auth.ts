import { createHash, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { type EmulatorCredentials, REGION } from './options';
import { errors } from './wire';

export const SIGNING_SERVICE = 'partnercentral-selling';
const MAX_SKEW_MS = 5 * 60 * 1000;
const AUTHORIZATION_PATTERN =
  /^AWS4-HMAC-SHA256\s+Credential=([^,\s]+),\s*SignedHeaders=([^,\s]+),\s*Signature=([0-9a-f]{64})\s*$/;
const AMZ_DATE_PATTERN = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

export interface SignedRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface AuthOutcome {
  accessKeyId: string;
}

/**
 * Verifies an AWS SigV4 `Authorization` header by signing the same request again with the known secret,
 * using the client's own date, region and signed-header list, and comparing in constant time.
 * Throws the ServiceError a real JSON-protocol AWS endpoint would answer with.
 */
export async function authenticate(
  request: SignedRequest,
  credentials: readonly EmulatorCredentials[],
  wallClockMs: number,
): Promise<AuthOutcome> {
  const authorization = header(request.headers, 'authorization');
  if (authorization === undefined) throw errors.missingAuthentication();
  const match = AUTHORIZATION_PATTERN.exec(authorization);
  if (!match) throw errors.incompleteSignature('Authorization header is not a well-formed AWS4-HMAC-SHA256 signature');
  const [, credential, signedHeaderList, signature] = match;
  const scope = credential.split('/');
  if (scope.length !== 5 || scope[4] !== 'aws4_request') {
    throw errors.incompleteSignature('Credential must have the form <key>/<date>/<region>/<service>/aws4_request');
  }
  const [accessKeyId, scopeDate, region, service] = scope;

  const known = credentials.find((candidate) => candidate.accessKeyId === accessKeyId);
  if (!known) throw errors.unrecognizedClient();
  if ((known.sessionToken ?? undefined) !== header(request.headers, 'x-amz-security-token')) throw errors.unrecognizedClient();

  const amzDate = header(request.headers, 'x-amz-date');
  const signingDate = amzDate === undefined ? undefined : parseAmzDate(amzDate);
  if (amzDate === undefined || signingDate === undefined) {
    throw errors.incompleteSignature("Authorization header requires a valid 'X-Amz-Date' header");
  }
  if (scopeDate !== amzDate.slice(0, 8)) throw errors.invalidSignature(`Credential should be scoped to a valid date: '${amzDate.slice(0, 8)}'`);
  if (region !== REGION) throw errors.invalidSignature(`Credential should be scoped to a valid region, not '${region}'.`);
  if (service !== SIGNING_SERVICE) throw errors.invalidSignature(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'`);
  const nowText = formatAmzDate(new Date(wallClockMs));
  if (signingDate.getTime() < wallClockMs - MAX_SKEW_MS) {
    const earliest = formatAmzDate(new Date(wallClockMs - MAX_SKEW_MS));
    throw errors.invalidSignature(`Signature expired: ${amzDate} is now earlier than ${earliest} (${nowText} - 5 min.)`);
  }
  if (signingDate.getTime() > wallClockMs + MAX_SKEW_MS) {
    const latest = formatAmzDate(new Date(wallClockMs + MAX_SKEW_MS));
    throw errors.invalidSignature(`Signature not yet current: ${amzDate} is still later than ${latest} (${nowText} + 5 min.)`);
  }

  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host')) throw errors.incompleteSignature("'Host' must be a 'SignedHeader' in the AWS Authorization.");
  const expected = await expectedSignature(request, known, signedHeaders, region, service, signingDate);
  if (expected === undefined || !constantTimeEqual(expected, signature)) {
    throw errors.invalidSignature(
      'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method.',
    );
  }
  if (known.expiresAt && known.expiresAt.getTime() <= wallClockMs) throw errors.expiredToken();
  return { accessKeyId };
}

async function expectedSignature(
  request: SignedRequest,
  known: EmulatorCredentials,
  signedHeaders: string[],
  region: string,
  service: string,
  signingDate: Date,
): Promise<string | undefined> {
  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request.headers, name);
    if (value === undefined) return undefined;
    headers[name] = value;
  }
  const signsPayloadHash = signedHeaders.includes('x-amz-content-sha256');
  // The signer trusts a present x-amz-content-sha256, so put the hash of the body actually received there.
  if (signsPayloadHash) headers['x-amz-content-sha256'] = createHash('sha256').update(request.body).digest('hex');
  const url = new URL(request.url, 'http://127.0.0.1');
  const query: Record<string, string[]> = {};
  for (const [key, value] of url.searchParams) (query[key] ??= []).push(value);

  const signer = new SignatureV4({
    credentials: {
      accessKeyId: known.accessKeyId,
      secretAccessKey: known.secretAccessKey,
      sessionToken: signedHeaders.includes('x-amz-security-token') ? known.sessionToken : undefined,
    },
    region,
    service,
    sha256: Hash.bind(null, 'sha256'),
    applyChecksum: signsPayloadHash,
  });
  const signed = await signer.sign(
    new HttpRequest({ method: request.method, protocol: 'http:', hostname: '127.0.0.1', path: url.pathname, query, headers, body: request.body }),
    { signingDate, signingRegion: region, signingService: service, signableHeaders: new Set(signedHeaders) },
  );
  const produced = /Signature=([0-9a-f]{64})/.exec(String(signed.headers.authorization ?? ''));
  const producedHeaders = /SignedHeaders=([^,\s]+)/.exec(String(signed.headers.authorization ?? ''));
  if (!produced || producedHeaders?.[1] !== signedHeaders.join(';')) return undefined;
  return produced[1];
}

function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function parseAmzDate(value: string): Date | undefined {
  const m = AMZ_DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const date = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]));
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function formatAmzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

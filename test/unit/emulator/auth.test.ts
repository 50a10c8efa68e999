import * as assert from 'node:assert/strict';
import { ListEngagementsCommand } from '@aws-sdk/client-partnercentral-selling';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { DEFAULT_CREDENTIALS, type TestEmulator, rawRequest, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';

describe('emulator: authentication (SigV4)', () => {
  const session = { accessKeyId: 'ASIAEMULATORSESSION1', secretAccessKey: 'session/secret/key', sessionToken: 'token-abc' };
  const expired = { accessKeyId: 'ASIAEMULATOREXPIRED1', secretAccessKey: 'expired/secret', sessionToken: 'token-old', expiresAt: new Date(Date.now() - 60_000) };
  let emulator: TestEmulator;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 5, credentials: [DEFAULT_CREDENTIALS, session, expired] });
  });
  after(() => emulator.close());

  const list = new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 1 });

  it('accepts the default key pair and a configured session credential', async () => {
    const out = await emulator.client().send(list);
    assert.equal(out.EngagementSummaryList?.length, 1);
    const viaSession = await emulator.client({ credentials: session }).send(list);
    assert.equal(viaSession.EngagementSummaryList?.[0].Id, out.EngagementSummaryList?.[0].Id);
  });

  it('answers MissingAuthenticationTokenException without an Authorization header', async () => {
    const response = await rawRequest(emulator.endpoint, { operation: 'ListEngagements', body: '{"Catalog":"Sandbox"}', sign: false });
    assert.equal(response.status, 403);
    assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#MissingAuthenticationTokenException');
    assert.equal(response.headers.get('x-amzn-errortype'), 'MissingAuthenticationTokenException');
  });

  it('answers UnrecognizedClientException for an unknown access key', async () => {
    const client = emulator.client({ maxAttempts: 1, credentials: { accessKeyId: 'AKIAUNKNOWNKEY000000', secretAccessKey: 'whatever' } });
    const error = await expectError(client.send(list), 'UnrecognizedClientException');
    assert.equal(error.$metadata?.httpStatusCode, 403);
  });

  it('answers UnrecognizedClientException for a wrong session token', async () => {
    const client = emulator.client({ maxAttempts: 1, credentials: { ...session, sessionToken: 'forged' } });
    await expectError(client.send(list), 'UnrecognizedClientException');
  });

  it('answers InvalidSignatureException for a wrong secret key', async () => {
    const client = emulator.client({ maxAttempts: 1, credentials: { accessKeyId: DEFAULT_CREDENTIALS.accessKeyId, secretAccessKey: 'not-the-secret' } });
    const error = await expectError(client.send(list), 'InvalidSignatureException');
    assert.match(error.message, /signature we calculated does not match/);
  });

  it('answers InvalidSignatureException for a body changed after signing', async () => {
    const headers = await signedHeadersFor('{"Catalog":"Sandbox"}', emulator.port);
    const send = (body: string) => fetch(`${emulator.endpoint}/`, { method: 'POST', headers, body });
    assert.equal((await send('{"Catalog":"Sandbox"}')).status, 200);
    const response = await send('{"Catalog":"AWS"}');
    assert.equal(response.status, 403);
    assert.equal(((await response.json()) as { __type: string }).__type, 'com.amazonaws.partnercentralselling#InvalidSignatureException');
  });

  it('answers InvalidSignatureException for a signature older than 5 minutes', async () => {
    const client = emulator.client({ maxAttempts: 1, systemClockOffset: -10 * 60 * 1000 });
    const error = await expectError(client.send(list), 'InvalidSignatureException');
    assert.match(error.message, /Signature expired/);
    const raw = await rawRequest(emulator.endpoint, { operation: 'ListEngagements', body: '{}', signingDate: new Date(Date.now() + 6 * 60_000) });
    assert.equal(raw.status, 403);
    assert.equal(raw.json?.__type, 'com.amazonaws.partnercentralselling#InvalidSignatureException');
    assert.match(String(raw.json?.message), /^Signature not yet current: \d{8}T\d{6}Z is still later than/);
  });

  it('answers InvalidSignatureException for a credential scoped to another region', async () => {
    const client = emulator.client({ maxAttempts: 1, region: 'eu-west-1' });
    const error = await expectError(client.send(list), 'InvalidSignatureException');
    assert.match(error.message, /scoped to a valid region, not 'eu-west-1'/);
  });

  it('answers IncompleteSignatureException when the Host header is not signed', async () => {
    const body = '{"Catalog":"Sandbox"}';
    const headers = await signedHeadersFor(body, emulator.port, { unsignableHeaders: new Set(['host']) });
    assert.doesNotMatch(headers.authorization ?? '', /SignedHeaders=[^,]*host/);
    const response = await fetch(`${emulator.endpoint}/`, { method: 'POST', headers, body });
    assert.equal(response.status, 403);
    const json = (await response.json()) as { __type: string; message: string };
    assert.equal(json.__type, 'com.amazonaws.partnercentralselling#IncompleteSignatureException');
    assert.match(json.message, /'Host' must be a 'SignedHeader'/);
  });

  it('lets the SDK correct its clock skew from the response Date and retry', async () => {
    const client = emulator.client({ maxAttempts: 2, systemClockOffset: -10 * 60 * 1000 });
    const out = await client.send(list);
    assert.equal(out.$metadata.attempts, 2);
  });

  it('answers ExpiredTokenException for an expired session credential', async () => {
    const client = emulator.client({ maxAttempts: 1, credentials: expired });
    const error = await expectError(client.send(list), 'ExpiredTokenException');
    assert.equal(error.$metadata?.httpStatusCode, 403);
  });

  it('answers UnknownOperationException for other targets, signed', async () => {
    const response = await rawRequest(emulator.endpoint, { operation: 'ListOpportunities', body: '{"Catalog":"Sandbox"}' });
    assert.equal(response.status, 400);
    assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#UnknownOperationException');
    const missing = await rawRequest(emulator.endpoint, { operation: null, body: '{}' });
    assert.equal(missing.json?.__type, 'com.amazonaws.partnercentralselling#UnknownOperationException');
  });
});

/** Headers of a request signed for `body` (host included in the signature, dropped for fetch to set). */
async function signedHeadersFor(body: string, port: number, options: { unsignableHeaders?: Set<string> } = {}): Promise<Record<string, string>> {
  const signer = new SignatureV4({ credentials: DEFAULT_CREDENTIALS, region: 'us-east-1', service: 'partnercentral-selling', sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign(
    new HttpRequest({
      method: 'POST', protocol: 'http:', hostname: '127.0.0.1', path: '/', body,
      headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSPartnerCentralSelling.ListEngagements' },
    }),
    options,
  );
  const { host: _host, ...headers } = signed.headers;
  return headers;
}

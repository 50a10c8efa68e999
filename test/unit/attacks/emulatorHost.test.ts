import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { LookupFunction } from 'node:net';
import { ListEngagementsCommand, PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { Hash } from '@smithy/hash-node';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import * as fc from 'fast-check';
import { DEFAULT_CREDENTIALS, type TestEmulator, startTestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';

/**
 * Promise: the emulator's signed API answers only requests addressed to its own loopback address. Its default
 * key pair is published, so a web page whose name a DNS-rebinding attack points at 127.0.0.1 could sign
 * requests itself; the Host header is what gives it away.
 */
describe('attack: the emulator refuses a signed request for a foreign Host', () => {
  let emulator: TestEmulator;
  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 3 });
  });
  after(() => emulator.close());

  /** Every name resolves to the emulator's address: what a rebinding DNS answer does. */
  const rebound: LookupFunction = (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(null, '127.0.0.1', 4);
  };
  const clientFor = (hostname: string): PartnerCentralSellingClient => new PartnerCentralSellingClient({
    endpoint: `http://${hostname}:${emulator.port}`,
    region: 'us-east-1',
    credentials: { accessKeyId: DEFAULT_CREDENTIALS.accessKeyId, secretAccessKey: DEFAULT_CREDENTIALS.secretAccessKey },
    maxAttempts: 1,
    requestHandler: { httpAgent: new http.Agent({ lookup: rebound }) },
  });
  const list = new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 1 });

  it('the real SDK, correctly signed for a rebound name, gets 403 with a JSON error and nothing is done', async () => {
    const before = (await emulator.counts()).requestsPerOperation;
    for (const hostname of ['evil.example', 'attacker.localhost.example', '127.0.0.1.nip.example']) {
      const client = clientFor(hostname);
      try {
        await assert.rejects(client.send(list), (error: Error & { $metadata?: { httpStatusCode?: number } }) => {
          assert.equal(error.name, 'AccessDeniedException');
          assert.equal(error.$metadata?.httpStatusCode, 403);
          assert.match(error.message, new RegExp(`Host must be the emulator's own loopback address.*got ${hostname.replace(/\./g, '\\.')}:${emulator.port}`));
          return true;
        });
      } finally {
        client.destroy();
      }
    }
    assert.deepEqual((await emulator.counts()).requestsPerOperation, before, 'a refused request must not count as an operation');
  });

  it('the SDK addressing the emulator as 127.0.0.1 or localhost is answered', async () => {
    for (const hostname of ['127.0.0.1', 'localhost']) {
      const client = clientFor(hostname);
      try {
        const out = await client.send(list);
        assert.equal(out.EngagementSummaryList?.length, 1, hostname);
      } finally {
        client.destroy();
      }
    }
  });

  const own = (): string[] => [`127.0.0.1:${emulator.port}`, `localhost:${emulator.port}`, `[::1]:${emulator.port}`];

  it('generated foreign Hosts, each signed for exactly that Host, are refused with 403 JSON', async () => {
    const label = fc.stringMatching(/^[a-z0-9-]{1,12}$/);
    const foreignHost = fc.oneof(
      fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), fc.constantFrom('example', 'com', 'localhost', 'internal')).map(([labels, tld]) => `${labels.join('.')}.${tld}`),
      fc.constantFrom('127.0.0.1', 'localhost', '[::1]', '127.0.0.2', '0.0.0.0', '127.0.0.1.evil.example', 'localhost.evil.example', 'LOCALHOST.evil'),
    );
    const port = fc.oneof(
      fc.constant(''),
      fc.integer({ min: 1, max: 65535 }).filter((value) => value !== emulator.port).map((value) => `:${value}`),
      fc.constant(`:${emulator.port}`),
    );
    const hostHeader = fc.tuple(foreignHost, port).map(([name, suffix]) => `${name}${suffix}`).filter((host) => !own().includes(host.toLowerCase()));
    await fc.assert(fc.asyncProperty(hostHeader, async (host) => {
      const response = await sendSigned(emulator.port, host);
      assert.equal(response.status, 403, `${host}: ${response.text}`);
      const json = JSON.parse(response.text) as { __type?: string; message?: string };
      assert.match(json.__type ?? '', /AccessDeniedException$/);
      assert.match(json.message ?? '', /Host must be the emulator's own loopback address/);
    }), propertyRuns(60));
  });

  it('its own addresses, in any letter case, are answered when signed for them', async () => {
    for (const host of [...own(), `LocalHost:${emulator.port}`]) {
      const response = await sendSigned(emulator.port, host);
      assert.equal(response.status, 200, `${host}: ${response.text}`);
    }
  });
});

/** A ListEngagements request to the emulator's port, its Host header `host`, signed (host included) with the published key pair. */
async function sendSigned(port: number, host: string): Promise<{ status: number; text: string }> {
  const body = '{"Catalog":"Sandbox","MaxResults":1}';
  const signer = new SignatureV4({ credentials: DEFAULT_CREDENTIALS, region: 'us-east-1', service: 'partnercentral-selling', sha256: Hash.bind(null, 'sha256') });
  const signed = await signer.sign(new HttpRequest({
    method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port, path: '/', body,
    headers: { host, 'content-type': 'application/x-amz-json-1.0', 'x-amz-target': 'AWSPartnerCentralSelling.ListEngagements' },
  }));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/', headers: signed.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

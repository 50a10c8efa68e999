import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import { StartProspectingFromEngagementTaskCommand } from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';

interface ControlCall {
  method: string;
  path: string;
  /** Sent as given (fetch would not let a test choose Host). */
  headers: Record<string, string>;
  body?: string;
}

/** Sends a request to the emulator's port with exactly these headers, as a browser or another program could. */
function send(port: number, call: ControlCall): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: call.method, path: call.path, headers: call.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
    });
    req.on('error', reject);
    req.end(call.body);
  });
}

describe('emulator: the control API answers only local programs', () => {
  let emulator: TestEmulator;
  let own: string;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 20 });
    own = `127.0.0.1:${emulator.port}`;
  });
  after(() => emulator.close());

  /** One Sandbox task, so a reset that went through would show in the counts. */
  beforeEach(async () => {
    await emulator.reset();
    const ids = await emulator.engagements('Sandbox', { limit: 1, failing: false });
    await emulator.client().send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'kept' }));
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 1);
  });

  async function assertRefused(call: ControlCall, reason: RegExp): Promise<void> {
    const { status, json } = await send(emulator.port, call);
    assert.equal(status, 403, `${call.method} ${call.path} with ${JSON.stringify(call.headers)}`);
    assert.match(String(json.error), reason);
  }

  async function assertNothingChanged(): Promise<void> {
    const counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.Sandbox, 1, 'the task is still there: no reset happened');
    assert.equal(counts.requestsPerOperation.StartProspectingFromEngagementTask, 1, 'the counts were not reset');
    const faults = await send(emulator.port, { method: 'GET', path: '/__emulator/faults', headers: { host: own } });
    assert.deepEqual(faults.json.pending, [], 'no fault was queued or cleared');
  }

  it('a web page (foreign Origin) cannot reset, inject or clear, even with JSON', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${emulator.port + 1}`, 'https://127.0.0.1']) {
      await assertRefused(
        { method: 'POST', path: '/__emulator/reset', headers: { host: own, origin, 'content-type': 'application/json' }, body: '{}' },
        /another origin/,
      );
      await assertRefused(
        { method: 'POST', path: '/__emulator/faults', headers: { host: own, origin, 'content-type': 'application/json' }, body: '{"fault":"internal"}' },
        /another origin/,
      );
      await assertRefused({ method: 'GET', path: '/__emulator/counts', headers: { host: own, origin } }, /another origin/);
    }
    await assertNothingChanged();
  });

  it('a foreign Host (DNS rebinding, another port) is refused, reads included', async () => {
    for (const host of [`evil.example:${emulator.port}`, `127.0.0.1:${emulator.port + 1}`, '127.0.0.1', `192.168.1.2:${emulator.port}`]) {
      await assertRefused({ method: 'GET', path: '/__emulator/counts', headers: { host } }, /Host must be the emulator's own loopback address/);
      await assertRefused(
        { method: 'POST', path: '/__emulator/reset', headers: { host, 'content-type': 'application/json' }, body: '{}' },
        /Host must be/,
      );
    }
    await assertNothingChanged();
  });

  it('a state-changing request that is not application/json (a form or text/plain POST) is refused', async () => {
    for (const contentType of ['text/plain;charset=UTF-8', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', undefined]) {
      const headers: Record<string, string> = { host: own, ...(contentType ? { 'content-type': contentType } : {}) };
      await assertRefused({ method: 'POST', path: '/__emulator/reset', headers, body: '{}' }, /needs Content-Type: application\/json/);
      await assertRefused({ method: 'POST', path: '/__emulator/faults', headers, body: '{"fault":"internal"}' }, /needs Content-Type/);
      await assertRefused({ method: 'DELETE', path: '/__emulator/faults', headers }, /needs Content-Type/);
    }
    await assertNothingChanged();
  });

  it('JSON from a loopback caller is answered: 127.0.0.1, localhost or [::1], with no Origin or its own', async () => {
    const json = { 'content-type': 'application/json; charset=utf-8' };
    const inject = await send(emulator.port, {
      method: 'POST', path: '/__emulator/faults', headers: { host: `localhost:${emulator.port}`, ...json }, body: '{"fault":"internal"}',
    });
    assert.equal(inject.status, 200);
    assert.equal((inject.json.pending as unknown[]).length, 1);
    const listed = await send(emulator.port, { method: 'GET', path: '/__emulator/faults', headers: { host: `[::1]:${emulator.port}` } });
    assert.equal(listed.status, 200);
    assert.equal((listed.json.pending as unknown[]).length, 1);

    const reset = await send(emulator.port, {
      method: 'POST', path: '/__emulator/reset', headers: { host: own, origin: `http://${own}`, ...json },
    });
    assert.deepEqual([reset.status, reset.json], [200, { reset: true }]);
    const counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.Sandbox, 0, 'the reset went through');
  });

  it('the AWS-signed API is unaffected', async () => {
    const ids = await emulator.engagements('Sandbox', { limit: 1, failing: false });
    const out = await emulator.client().send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'signed' }));
    assert.ok(out.TaskId);
  });
});

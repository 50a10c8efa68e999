import * as assert from 'node:assert/strict';
import { ListProspectingFromEngagementTasksCommand, StartProspectingFromEngagementTaskCommand } from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, rawRequest, startTestEmulator } from '../../support/emulator';
import { UUID_PATTERN } from './expectError';

describe('emulator: wire protocol', () => {
  let emulator: TestEmulator;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 10 });
  });
  after(() => emulator.close());

  async function stillServes(): Promise<void> {
    const out = await emulator.client().send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.ok(Array.isArray(out.TaskSummaries));
  }

  it('answers awsJson1_0 with a request id, ISO timestamps and the JSON content type', async () => {
    const [id] = await emulator.engagements('Sandbox', { limit: 1 });
    const response = await rawRequest(emulator.endpoint, {
      operation: 'StartProspectingFromEngagementTask',
      body: JSON.stringify({ Catalog: 'Sandbox', Identifiers: [id], TaskName: 'raw', ClientToken: 'raw-1' }),
    });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/x-amz-json-1.0');
    assert.match(response.headers.get('x-amzn-requestid') ?? '', UUID_PATTERN);
    assert.match(String(response.json?.StartTime), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const viaSdk = await emulator.client().send(
      new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: [id], TaskName: 'raw', ClientToken: 'raw-1' }),
    );
    assert.equal(viaSdk.StartTime?.toISOString(), response.json?.StartTime);
    assert.match(viaSdk.$metadata.requestId ?? '', UUID_PATTERN);
  });

  it('gives every error response __type, message, Message and x-amzn-ErrorType', async () => {
    const response = await rawRequest(emulator.endpoint, { operation: 'GetEngagement', body: '{"Catalog":"Sandbox","Identifier":"eng-00000000000000"}' });
    assert.equal(response.status, 404);
    assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#ResourceNotFoundException');
    assert.equal(response.headers.get('x-amzn-errortype'), 'ResourceNotFoundException');
    assert.equal(response.json?.message, response.json?.Message);
    assert.match(response.headers.get('x-amzn-requestid') ?? '', UUID_PATTERN);
  });

  it('answers malformed JSON with a 400 SerializationException and keeps serving', async () => {
    for (const body of ['{"Catalog":', '[1,2]', 'null']) {
      const response = await rawRequest(emulator.endpoint, { operation: 'ListProspectingFromEngagementTasks', body });
      assert.equal(response.status, 400, body);
      assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#SerializationException');
    }
    await stillServes();
  });

  it('answers a wrong content type with a 400 and keeps serving', async () => {
    const response = await rawRequest(emulator.endpoint, { operation: 'ListProspectingFromEngagementTasks', body: '{"Catalog":"Sandbox"}', contentType: 'text/plain' });
    assert.equal(response.status, 400);
    assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#UnsupportedMediaTypeException');
    await stillServes();
  });

  it('answers a body over 1 MB with a 400 and keeps serving', async () => {
    const big = JSON.stringify({ Catalog: 'Sandbox', TaskName: ['x'.repeat(1024 * 1024)] });
    const response = await rawRequest(emulator.endpoint, { operation: 'ListProspectingFromEngagementTasks', body: big });
    assert.equal(response.status, 400);
    assert.equal(response.json?.__type, 'com.amazonaws.partnercentralselling#RequestEntityTooLargeException');
    await stillServes();
  });

  it('reports wrong JSON types as ValidationException INVALID_VALUE', async () => {
    const response = await rawRequest(emulator.endpoint, { operation: 'StartProspectingFromEngagementTask', body: '{"Catalog":"Sandbox","Identifiers":"eng-1","TaskName":7,"ClientToken":"t"}' });
    assert.equal(response.status, 400);
    assert.deepEqual(
      (response.json?.ErrorList as { FieldName: string; Code: string }[]).map((e) => `${e.FieldName}:${e.Code}`),
      ['Identifiers:INVALID_VALUE', 'TaskName:INVALID_VALUE'],
    );
  });
});

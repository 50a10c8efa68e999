import * as assert from 'node:assert/strict';
import {
  type PartnerCentralSellingClient,
  StartProspectingFromEngagementTaskCommand,
  ListProspectingFromEngagementTasksCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { TASK_ID, UUID_PATTERN, expectError, issues } from './expectError';

describe('emulator: StartProspectingFromEngagementTask', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let sandbox: string[];

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 120 });
    client = emulator.client({ maxAttempts: 1 });
    sandbox = await emulator.engagements('Sandbox', { limit: 120 });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const start = (input: Record<string, unknown>) =>
    client.send(new StartProspectingFromEngagementTaskCommand(input as never));

  it('starts a task and answers every documented field', async () => {
    const before = Date.now();
    const out = await start({ Catalog: 'Sandbox', Identifiers: sandbox.slice(0, 3), TaskName: 'Q4 outreach' });
    assert.match(out.TaskId ?? '', TASK_ID);
    assert.equal(
      out.TaskArn,
      `arn:aws:partnercentral-selling:us-east-1:123456789012:catalog/Sandbox/prospecting-from-engagement-task/${out.TaskId}`,
    );
    assert.equal(out.TaskStatus, 'PENDING');
    assert.deepEqual(out.Identifiers, sandbox.slice(0, 3));
    assert.equal(out.TaskName, 'Q4 outreach');
    assert.ok(out.StartTime instanceof Date);
    assert.ok(out.StartTime.getTime() >= before - 1 && out.StartTime.getTime() <= Date.now() + 1);
    assert.equal(out.ReasonCode, undefined);
    assert.match(out.$metadata.requestId ?? '', UUID_PATTERN);
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 1);
  });

  it('rejects each invalid field with its FieldName and Code, and creates nothing', async () => {
    const tooMany = Array.from({ length: 101 }, (_, i) => sandbox[i % sandbox.length]);
    let error = await expectError(start({ Catalog: 'Sandbox', Identifiers: tooMany, TaskName: 'x' }), 'ValidationException');
    assert.equal(error.Reason, 'REQUEST_VALIDATION_FAILED');
    assert.equal(error.$metadata?.httpStatusCode, 400);
    assert.ok(issues(error).includes('Identifiers:TOO_MANY_VALUES'));

    error = await expectError(
      start({ Catalog: 'Sandbox', Identifiers: [sandbox[0], sandbox[1], sandbox[0], 'eng-BAD', 'opp-12345678901234'], TaskName: 'x' }),
      'ValidationException',
    );
    assert.deepEqual(issues(error), ['Identifiers[2]:DUPLICATE_KEY_VALUE', 'Identifiers[3]:INVALID_STRING_FORMAT', 'Identifiers[4]:INVALID_STRING_FORMAT']);

    error = await expectError(start({ Catalog: 'Marketplace', Identifiers: [sandbox[0]], TaskName: 'x' }), 'ValidationException');
    assert.deepEqual(issues(error), ['Catalog:INVALID_ENUM_VALUE']);
    error = await expectError(start({ Catalog: 'AWS 1', Identifiers: [sandbox[0]], TaskName: 'x' }), 'ValidationException');
    assert.deepEqual(issues(error), ['Catalog:INVALID_STRING_FORMAT']);

    error = await expectError(start({ Catalog: 'Sandbox', Identifiers: [sandbox[0]], TaskName: 'x'.repeat(129) }), 'ValidationException');
    assert.deepEqual(issues(error), ['TaskName:INVALID_STRING_FORMAT']);
    error = await expectError(start({ Catalog: 'Sandbox', Identifiers: [sandbox[0]], TaskName: '' }), 'ValidationException');
    assert.deepEqual(issues(error), ['TaskName:INVALID_STRING_FORMAT']);
    error = await expectError(
      start({ Catalog: 'Sandbox', Identifiers: [sandbox[0]], TaskName: 'x', ClientToken: 'a'.repeat(256) }),
      'ValidationException',
    );
    assert.deepEqual(issues(error), ['ClientToken:INVALID_STRING_FORMAT']);

    error = await expectError(start({}), 'ValidationException');
    assert.deepEqual(issues(error).sort(), ['Catalog:REQUIRED_FIELD_MISSING', 'Identifiers:REQUIRED_FIELD_MISSING', 'TaskName:REQUIRED_FIELD_MISSING']);
    assert.match(error.message, /3 validation errors/);

    const counts = await emulator.counts();
    assert.deepEqual(counts.tasksPerCatalog, { AWS: 0, Sandbox: 0 });
    assert.equal(counts.requestsPerOperation.StartProspectingFromEngagementTask, 8);
  });

  it('accepts 128-character names and 100 identifiers (the documented limits)', async () => {
    const out = await start({ Catalog: 'Sandbox', Identifiers: sandbox.slice(0, 100), TaskName: 'é'.repeat(128) });
    assert.equal(out.Identifiers?.length, 100);
  });

  it('names the engagements missing from the catalog (ResourceNotFoundException) and creates nothing', async () => {
    const aws = await emulator.engagements('AWS', { limit: 2 });
    const error = await expectError(
      start({ Catalog: 'Sandbox', Identifiers: [sandbox[0], aws[0], 'eng-00000000000000'], TaskName: 'x' }),
      'ResourceNotFoundException',
    );
    assert.equal(error.$metadata?.httpStatusCode, 404);
    assert.equal(error.message, `Engagements not found in catalog Sandbox: ${aws[0]}, eng-00000000000000`);
    assert.deepEqual((await emulator.counts()).tasksPerCatalog, { AWS: 0, Sandbox: 0 });
  });

  it('accepts an empty Identifiers list: the task is COMPLETED at once with nothing in it', async () => {
    const out = await start({ Catalog: 'AWS', Identifiers: [], TaskName: 'empty' });
    assert.equal(out.TaskStatus, 'COMPLETED');
    const list = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'AWS' }));
    assert.equal(list.TaskSummaries?.[0].TotalEngagementCount, 0);
    assert.deepEqual(list.TaskSummaries?.[0].EndTime, out.StartTime);
  });

  it('is idempotent per ClientToken: same request, same response; different request, ConflictException', async () => {
    const input = { Catalog: 'Sandbox', Identifiers: sandbox.slice(0, 2), TaskName: 'idem', ClientToken: 'token-1' };
    const first = await start(input);
    const second = await start({ ...input });
    assert.equal(second.TaskId, first.TaskId);
    assert.deepEqual(second.StartTime, first.StartTime);
    assert.equal(second.TaskStatus, first.TaskStatus);

    const conflict = await expectError(start({ ...input, TaskName: 'other' }), 'ConflictException');
    assert.equal(conflict.$metadata?.httpStatusCode, 409);
    assert.match(conflict.message, new RegExp(first.TaskId ?? 'none'));
    await expectError(start({ ...input, Catalog: 'AWS', Identifiers: [] }), 'ConflictException');

    const counts = await emulator.counts();
    assert.deepEqual(counts.tasksPerClientToken, { 'token-1': 1 });
    assert.equal(counts.tasksPerCatalog.Sandbox, 1);
  });

  it('fills a fresh ClientToken per call when the caller gives none (two tasks)', async () => {
    const input = { Catalog: 'Sandbox', Identifiers: sandbox.slice(0, 1), TaskName: 'twice' };
    const a = await start(input);
    const b = await start(input);
    assert.notEqual(a.TaskId, b.TaskId);
    const counts = await emulator.counts();
    assert.equal(Object.keys(counts.tasksPerClientToken).length, 2);
  });
});

import * as assert from 'node:assert/strict';
import {
  GetEngagementCommand,
  ListProspectingFromEngagementTasksCommand,
  type PartnerCentralSellingClient,
  StartProspectingFromEngagementTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';

describe('emulator: injected faults and the control API', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let ids: string[];

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 20 });
    client = emulator.client({ maxAttempts: 1 });
    ids = await emulator.engagements('Sandbox', { limit: 3, failing: false });
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const start = (c: PartnerCentralSellingClient, ClientToken?: string) =>
    c.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'faulty', ClientToken }));

  it('drop: the task is created, the response lost; the SDK retries with the same ClientToken and gets the same task', async () => {
    await emulator.injectFault({ operation: 'StartProspectingFromEngagementTask', fault: 'drop', count: 1 });
    const retrying = emulator.client({ maxAttempts: 3 });
    const out = await retrying.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'dropped' }));
    assert.equal(out.$metadata.attempts, 2);
    const counts = await emulator.counts();
    assert.equal(counts.requestsPerOperation.StartProspectingFromEngagementTask, 2);
    assert.equal(counts.tasksPerCatalog.Sandbox, 1);
    assert.deepEqual(Object.values(counts.tasksPerClientToken), [1]);
    const list = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.deepEqual(list.TaskSummaries?.map((t) => t.TaskId), [out.TaskId]);
  });

  it('drop without retries surfaces a network error, yet the task exists', async () => {
    await emulator.injectFault({ fault: 'drop' });
    await assert.rejects(start(client, 'lost-1'), (error: Error) => /socket hang up|ECONNRESET/i.test(`${error.message} ${(error as NodeJS.ErrnoException).code}`));
    assert.deepEqual((await emulator.counts()).tasksPerClientToken, { 'lost-1': 1 });
    const replay = await start(client, 'lost-1');
    assert.match(replay.TaskId ?? '', /^task-/);
    assert.deepEqual((await emulator.counts()).tasksPerClientToken, { 'lost-1': 1 });
  });

  it('internal: InternalServerException (500), retried by the SDK by default, nothing created while failing', async () => {
    await emulator.injectFault({ operation: 'StartProspectingFromEngagementTask', fault: 'internal', count: 3 });
    const error = await expectError(start(client), 'InternalServerException');
    assert.equal(error.$metadata?.httpStatusCode, 500);
    assert.equal(error.$fault, 'server');
    const out = await start(emulator.client({ maxAttempts: 3 }));
    assert.equal(out.$metadata.attempts, 3);
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 1);
  });

  it('throttle: ThrottlingException (429) for the next N requests of that operation only', async () => {
    await emulator.injectFault({ operation: 'GetEngagement', fault: 'throttle', count: 2 });
    await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    const get = () => client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: ids[0] }));
    const error = await expectError(get(), 'ThrottlingException');
    assert.equal(error.$metadata?.httpStatusCode, 429);
    await expectError(get(), 'ThrottlingException');
    assert.equal((await get()).Id, ids[0]);
  });

  it('accessDenied: AccessDeniedException with Reason INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE', async () => {
    await emulator.injectFault({ operation: 'StartProspectingFromEngagementTask', fault: 'accessDenied' });
    const error = await expectError(start(client), 'AccessDeniedException');
    assert.equal(error.Reason, 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE');
    assert.equal(error.$metadata?.httpStatusCode, 403);
    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 0);
  });

  it('delay: holds the response for delayMs', async () => {
    await emulator.injectFault({ operation: 'ListProspectingFromEngagementTasks', fault: 'delay', delayMs: 400 });
    const began = Date.now();
    await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.ok(Date.now() - began >= 390, `took ${Date.now() - began} ms`);
    const quick = Date.now();
    await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.ok(Date.now() - quick < 300);
  });

  it('malformed: the SDK fails to parse the body (the operation did run)', async () => {
    await emulator.injectFault({ operation: 'StartProspectingFromEngagementTask', fault: 'malformed' });
    await assert.rejects(start(client, 'garbled'), (error: Error) => {
      assert.doesNotMatch(error.name, /ThrottlingException|InternalServerException/);
      return true;
    });
    assert.deepEqual((await emulator.counts()).tasksPerClientToken, { garbled: 1 });
  });

  it('lists, clears and validates faults; reset forgets tasks and counts', async () => {
    await emulator.injectFault({ fault: 'throttle', count: 5 });
    const pending = (await (await fetch(`${emulator.endpoint}/__emulator/faults`)).json()) as { pending: { remaining: number; operation: string }[] };
    assert.deepEqual(pending.pending.map((f) => [f.operation, f.remaining]), [['*', 5]]);
    await fetch(`${emulator.endpoint}/__emulator/faults`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
    assert.ok((await start(client)).TaskId);

    const bad = await fetch(`${emulator.endpoint}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ fault: 'explode' }) });
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { error: string }).error, /fault must be one of/);
    await assert.rejects(emulator.injectFault({ operation: 'DeleteEverything' as never, fault: 'internal' }), /HTTP 400/);
    assert.equal((await fetch(`${emulator.endpoint}/__emulator/nope`)).status, 404);

    assert.equal((await emulator.counts()).tasksPerCatalog.Sandbox, 1);
    await emulator.reset();
    const counts = await emulator.counts();
    assert.deepEqual(counts, {
      tasksPerCatalog: { AWS: 0, Sandbox: 0 },
      tasksPerClientToken: {},
      opportunityTasksPerCatalog: { AWS: 0, Sandbox: 0 },
      opportunityTasksPerClientToken: {},
      opportunityTasksPerContext: {},
      requestsPerOperation: {
        StartProspectingFromEngagementTask: 0,
        GetProspectingFromEngagementTask: 0,
        ListProspectingFromEngagementTasks: 0,
        GetEngagement: 0,
        ListEngagements: 0,
        StartOpportunityFromEngagementTask: 0,
        ListOpportunityFromEngagementTasks: 0,
      },
    });
  });
});

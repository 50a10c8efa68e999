import * as assert from 'node:assert/strict';
import {
  ListOpportunityFromEngagementTasksCommand,
  type ListOpportunityFromEngagementTaskSummary,
  type PartnerCentralSellingClient,
  paginateListOpportunityFromEngagementTasks,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError, issues } from './expectError';
import { opportunityCandidates, prospect, startOpportunity } from './opportunitySupport';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const DURATION_MS = 5000;

describe('emulator: ListOpportunityFromEngagementTasks', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let clock = T0;
  let succeeding: string[];
  let failing: string[];
  let contexts: Map<string, string>;

  before(async () => {
    emulator = await startTestEmulator({
      throttle: false, engagementsPerCatalog: 150, taskDurationSeconds: 0, opportunityTaskDurationSeconds: DURATION_MS / 1000, now: () => clock,
    });
    client = emulator.client({ maxAttempts: 1 });
    ({ succeeding, failing } = await opportunityCandidates(emulator.endpoint, 'Sandbox'));
    succeeding = succeeding.slice(0, 60);
    failing = failing.slice(0, 5);
  });
  after(() => emulator.close());
  beforeEach(async () => {
    clock = T0;
    await emulator.reset();
    contexts = await prospect(client, 'Sandbox', [...succeeding, ...failing]);
  });

  /** Starts one task per engagement, `stepMs` apart on the clock; returns their TaskIds in start order. */
  async function startFor(engagements: string[], stepMs = 1000): Promise<string[]> {
    const ids: string[] = [];
    for (const engagement of engagements) {
      const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contexts.get(engagement) });
      ids.push(out.TaskId ?? '');
      clock += stepMs;
    }
    return ids;
  }

  async function listAll(input: Record<string, unknown> = {}, pageSize = 7): Promise<ListOpportunityFromEngagementTaskSummary[]> {
    const all: ListOpportunityFromEngagementTaskSummary[] = [];
    for await (const page of paginateListOpportunityFromEngagementTasks({ client, pageSize }, { Catalog: 'Sandbox', ...input } as never)) {
      all.push(...(page.TaskSummaries ?? []));
    }
    return all;
  }

  it('pages through every task, newest first by default, 20 per page unless MaxResults says otherwise', async () => {
    const ids = await startFor(succeeding.slice(0, 45));
    const all = await listAll({}, 10);
    assert.deepEqual(all.map((t) => t.TaskId), [...ids].reverse());
    const first = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.equal(first.TaskSummaries?.length, 20);
    assert.ok(first.NextToken);
    const big = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 1000 }));
    assert.equal(big.TaskSummaries?.length, 45);
    assert.equal(big.NextToken, undefined);
    const aws = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'AWS' }));
    assert.deepEqual(aws.TaskSummaries, []);
    assert.equal(aws.NextToken, undefined);
  });

  it('sorts by StartTime both ways, ties broken by TaskId', async () => {
    const spaced = await startFor(succeeding.slice(0, 4));
    const tied = await startFor(succeeding.slice(4, 8), 0);
    const ascending = await listAll({ Sort: { SortBy: 'StartTime', SortOrder: 'ASCENDING' } }, 3);
    assert.deepEqual(ascending.map((t) => t.TaskId), [...spaced, ...[...tied].sort()]);
    const descending = await listAll({ Sort: { SortBy: 'StartTime', SortOrder: 'DESCENDING' } }, 3);
    assert.deepEqual(descending.map((t) => t.TaskId), [...ascending.map((t) => t.TaskId)].reverse());
  });

  it('filters by TaskIdentifier, EngagementIdentifier, ContextIdentifier (ids or ARNs), OpportunityIdentifier and TaskStatus', async () => {
    const ids = await startFor([...succeeding.slice(0, 6), ...failing.slice(0, 2)]);
    clock = T0 + 3 * 1000 + DURATION_MS; // the first four have ended, the last four run
    const summaries = await listAll({}, 100);
    const byTask = new Map(summaries.map((t) => [t.TaskId, t]));
    const arnOf = (taskId: string): string => byTask.get(taskId)?.TaskArn ?? '';

    assert.deepEqual((await listAll({ TaskIdentifier: [ids[1], arnOf(ids[4]), 'oit-0000000000000'] })).map((t) => t.TaskId), [ids[4], ids[1]]);
    const engagementArn = `arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement/${succeeding[2]}`;
    assert.deepEqual((await listAll({ EngagementIdentifier: [succeeding[0], engagementArn] })).map((t) => t.TaskId), [ids[2], ids[0]]);
    assert.deepEqual((await listAll({ ContextIdentifier: [contexts.get(succeeding[3]), '123'] })).map((t) => t.TaskId), [ids[3]]);

    const complete = summaries.filter((t) => t.TaskStatus === 'COMPLETE');
    assert.deepEqual(complete.map((t) => t.TaskId), [ids[3], ids[2], ids[1], ids[0]]);
    assert.deepEqual((await listAll({ TaskStatus: ['COMPLETE'] })).map((t) => t.TaskId), complete.map((t) => t.TaskId));
    assert.deepEqual((await listAll({ TaskStatus: ['IN_PROGRESS'] })).map((t) => t.TaskId), [ids[7], ids[6], ids[5], ids[4]]);
    assert.deepEqual(await listAll({ TaskStatus: ['FAILED'] }), []);
    const opportunity = complete[1].OpportunityId ?? '';
    assert.deepEqual((await listAll({ OpportunityIdentifier: [opportunity, `arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/opportunity/${complete[3].OpportunityId}`] })).map((t) => t.TaskId), [complete[1].TaskId, complete[3].TaskId]);

    clock += 60_000;
    assert.deepEqual((await listAll({ TaskStatus: ['FAILED'] })).map((t) => t.TaskId), [ids[7], ids[6]]);
    assert.deepEqual((await listAll({ TaskStatus: ['FAILED', 'COMPLETE'] })).length, 8);
    assert.deepEqual(await listAll({ TaskStatus: ['FAILED'], EngagementIdentifier: [succeeding[0]] }), []);
  });

  it('neither repeats nor skips a task while tasks start and finish between pages', async () => {
    for (const SortOrder of ['DESCENDING', 'ASCENDING'] as const) {
      await emulator.reset();
      clock = T0;
      contexts = await prospect(client, 'Sandbox', succeeding);
      const before = new Set(await startFor(succeeding.slice(0, 20), 100));
      const remaining = succeeding.slice(20);
      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 3, NextToken, TaskStatus: ['IN_PROGRESS'], Sort: { SortBy: 'StartTime', SortOrder } }));
        seen.push(...(page.TaskSummaries ?? []).map((t) => t.TaskId ?? ''));
        NextToken = page.NextToken;
        await startFor(remaining.splice(0, 2), 100);
        clock += 500; // some tasks end between pages: the filter stays as of the first page
      } while (NextToken);
      assert.equal(new Set(seen).size, seen.length, 'no repeats');
      for (const id of before) assert.ok(seen.includes(id), `${id} was skipped`);
    }
  });

  it('rejects a NextToken reused with a different query, or forged', async () => {
    await startFor(succeeding.slice(0, 5));
    const first = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 2 }));
    assert.ok(first.NextToken);
    const second = await client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 3, NextToken: first.NextToken }));
    assert.equal(second.TaskSummaries?.length, 3, 'MaxResults may change between pages');
    for (const other of [{ TaskStatus: ['COMPLETE'] }, { Catalog: 'AWS' }, { Sort: { SortBy: 'StartTime', SortOrder: 'ASCENDING' } }]) {
      const error = await expectError(
        client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', NextToken: first.NextToken, ...other } as never)),
        'ValidationException',
      );
      assert.deepEqual(issues(error), ['NextToken:INVALID_VALUE']);
    }
    await expectError(client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', NextToken: 'forged' })), 'ValidationException');
  });

  it('validates MaxResults, every filter and Sort', async () => {
    const list = (input: Record<string, unknown>) => client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', ...input } as never));
    const rejected = async (input: Record<string, unknown>): Promise<string[]> => issues(await expectError(list(input), 'ValidationException'));
    assert.deepEqual(await rejected({ MaxResults: 0 }), ['MaxResults:VALUE_OUT_OF_RANGE']);
    assert.deepEqual(await rejected({ MaxResults: 1001 }), ['MaxResults:VALUE_OUT_OF_RANGE']);
    const eleven = (make: (i: number) => string): string[] => Array.from({ length: 11 }, (_, i) => make(i));
    assert.deepEqual(await rejected({ TaskIdentifier: eleven((i) => `oit-${String(i).padStart(13, '0')}`) }), ['TaskIdentifier:TOO_MANY_VALUES']);
    assert.deepEqual(await rejected({ EngagementIdentifier: eleven((i) => `eng-${String(i).padStart(14, '0')}`) }), ['EngagementIdentifier:TOO_MANY_VALUES']);
    assert.deepEqual(await rejected({ OpportunityIdentifier: eleven((i) => `O${i + 1}`) }), ['OpportunityIdentifier:TOO_MANY_VALUES']);
    assert.deepEqual(await rejected({ ContextIdentifier: eleven((i) => `${i + 1}`) }), ['ContextIdentifier:TOO_MANY_VALUES']);
    assert.deepEqual(
      await rejected({ TaskIdentifier: [], EngagementIdentifier: [], OpportunityIdentifier: [], ContextIdentifier: [], TaskStatus: [] }),
      ['TaskIdentifier:NOT_ENOUGH_VALUES', 'OpportunityIdentifier:NOT_ENOUGH_VALUES', 'EngagementIdentifier:NOT_ENOUGH_VALUES', 'ContextIdentifier:NOT_ENOUGH_VALUES', 'TaskStatus:NOT_ENOUGH_VALUES'],
    );
    assert.deepEqual(
      await rejected({ TaskIdentifier: ['task-00000000000000'], OpportunityIdentifier: ['O', 'o123'], EngagementIdentifier: ['ENG-00000000000000'], ContextIdentifier: ['0', 'ctx-X'] }),
      [
        'TaskIdentifier[0]:INVALID_STRING_FORMAT',
        'OpportunityIdentifier[0]:INVALID_STRING_FORMAT',
        'OpportunityIdentifier[1]:INVALID_STRING_FORMAT',
        'EngagementIdentifier[0]:INVALID_STRING_FORMAT',
        'ContextIdentifier[0]:INVALID_STRING_FORMAT',
        'ContextIdentifier[1]:INVALID_STRING_FORMAT',
      ],
    );
    assert.deepEqual(await rejected({ TaskStatus: ['INPROGRESS', 'COMPLETED'] }), ['TaskStatus[0]:INVALID_ENUM_VALUE', 'TaskStatus[1]:INVALID_ENUM_VALUE']);
    assert.deepEqual(await rejected({ TaskStatus: ['COMPLETE', 'FAILED', 'IN_PROGRESS', 'FAILED'] }), ['TaskStatus:TOO_MANY_VALUES']);
    assert.deepEqual(await rejected({ Sort: { SortBy: 'TaskName', SortOrder: 'ASCENDING' } }), ['Sort.SortBy:INVALID_ENUM_VALUE']);
    assert.deepEqual(await rejected({ Sort: { SortBy: 'StartTime' } }), ['Sort.SortOrder:REQUIRED_FIELD_MISSING']);
    assert.deepEqual(await rejected({ Catalog: undefined }), ['Catalog:REQUIRED_FIELD_MISSING']);
    assert.deepEqual((await list({ MaxResults: 1000, TaskStatus: ['COMPLETE', 'FAILED', 'IN_PROGRESS'] })).TaskSummaries, []);
  });
});

import * as assert from 'node:assert/strict';
import {
  ListProspectingFromEngagementTasksCommand,
  type ListProspectingFromEngagementTasksCommandInput,
  type PartnerCentralSellingClient,
  type ProspectingTaskSummary,
  StartProspectingFromEngagementTaskCommand,
  paginateListProspectingFromEngagementTasks,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError, issues } from './expectError';

const T0 = Date.UTC(2026, 10, 26, 9, 0, 0);

describe('emulator: ListProspectingFromEngagementTasks', () => {
  let clock = T0;
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let ok: string[];
  let failing: string[];

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 100, now: () => clock, taskDurationSeconds: 10 });
    client = emulator.client({ maxAttempts: 1 });
    ok = await emulator.engagements('Sandbox', { limit: 20, failing: false });
    failing = await emulator.engagements('Sandbox', { limit: 5, failing: true });
  });
  after(() => emulator.close());
  beforeEach(async () => {
    await emulator.reset();
    clock = T0;
  });

  async function startMany(count: number, name: (i: number) => string, ids: (i: number) => string[] = () => ok.slice(0, 1), stepMs = 1000): Promise<string[]> {
    const taskIds: string[] = [];
    for (let i = 0; i < count; i++) {
      const out = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids(i), TaskName: name(i) }));
      taskIds.push(out.TaskId ?? '');
      clock += stepMs;
    }
    return taskIds;
  }

  async function listAll(input: Omit<ListProspectingFromEngagementTasksCommandInput, 'Catalog'>, pageSize = 7): Promise<ProspectingTaskSummary[]> {
    const all: ProspectingTaskSummary[] = [];
    for await (const page of paginateListProspectingFromEngagementTasks({ client, pageSize }, { Catalog: 'Sandbox', ...input })) {
      all.push(...(page.TaskSummaries ?? []));
    }
    return all;
  }

  it('pages through 250 tasks with the SDK paginator, newest first by default, none repeated or missed', async () => {
    const created = await startMany(250, (i) => `task ${i}`, () => ok.slice(0, 1), 10);
    let pages = 0;
    const seen: string[] = [];
    for await (const page of paginateListProspectingFromEngagementTasks({ client, pageSize: 100 }, { Catalog: 'Sandbox' })) {
      pages++;
      seen.push(...(page.TaskSummaries ?? []).map((task) => task.TaskId ?? ''));
    }
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...created].reverse());
    const defaultPage = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }));
    assert.equal(defaultPage.TaskSummaries?.length, 20);
    assert.ok(defaultPage.NextToken);
    const aws = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'AWS' }));
    assert.deepEqual(aws.TaskSummaries, []);
    assert.equal(aws.NextToken, undefined);
  });

  it('neither repeats nor skips a task while new tasks start between pages (both orders)', async () => {
    await startMany(30, (i) => `before ${i}`, () => ok.slice(0, 1), 0);
    for (const SortOrder of ['DESCENDING', 'ASCENDING'] as const) {
      const before = new Set((await listAll({ Sort: { SortBy: 'StartTime', SortOrder } })).map((t) => t.TaskId ?? ''));
      const seen: string[] = [];
      let NextToken: string | undefined;
      do {
        const page = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 4, NextToken, Sort: { SortBy: 'StartTime', SortOrder } }));
        seen.push(...(page.TaskSummaries ?? []).map((t) => t.TaskId ?? ''));
        NextToken = page.NextToken;
        await startMany(2, (i) => `during ${i}`, () => ok.slice(0, 1), 0);
      } while (NextToken);
      assert.equal(new Set(seen).size, seen.length, 'no repeats');
      for (const id of before) assert.ok(seen.includes(id), `${id} was skipped`);
    }
  });

  it('rejects a NextToken reused with a different query, or forged', async () => {
    await startMany(5, (i) => `t${i}`);
    const first = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 2 }));
    assert.ok(first.NextToken);
    const second = await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 3, NextToken: first.NextToken }));
    assert.equal(second.TaskSummaries?.length, 3, 'MaxResults may change between pages');
    let error = await expectError(
      client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', MaxResults: 2, NextToken: first.NextToken, TaskName: ['t1'] })),
      'ValidationException',
    );
    assert.deepEqual(issues(error), ['NextToken:INVALID_VALUE']);
    error = await expectError(
      client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'AWS', NextToken: first.NextToken })),
      'ValidationException',
    );
    assert.deepEqual(issues(error), ['NextToken:INVALID_VALUE']);
    await expectError(client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', NextToken: 'not-a-token' })), 'ValidationException');
  });

  it('filters by TaskIdentifier, TaskName, StartAfter (inclusive) and StartBefore (exclusive)', async () => {
    const ids = await startMany(10, (i) => (i % 2 === 0 ? 'even' : `odd ${i}`));
    assert.deepEqual(
      (await listAll({ TaskIdentifier: [ids[1], ids[4], 'task-00000000000000'] })).map((t) => t.TaskId).sort(),
      [ids[1], ids[4]].sort(),
    );
    assert.deepEqual((await listAll({ TaskName: ['even'] })).map((t) => t.TaskId), [ids[8], ids[6], ids[4], ids[2], ids[0]]);
    assert.deepEqual((await listAll({ TaskName: ['odd 3', 'odd 5', 'nothing'] })).map((t) => t.TaskName), ['odd 5', 'odd 3']);
    const window = await listAll({ StartAfter: new Date(T0 + 3000), StartBefore: new Date(T0 + 6000) });
    assert.deepEqual(window.map((t) => t.TaskId), [ids[5], ids[4], ids[3]]);
    assert.deepEqual((await listAll({ StartAfter: new Date(T0 + 8000) })).map((t) => t.TaskId), [ids[9], ids[8]]);
    assert.deepEqual((await listAll({ StartBefore: new Date(T0 + 1000) })).map((t) => t.TaskId), [ids[0]]);
    assert.deepEqual(await listAll({ TaskName: ['even'], StartAfter: new Date(T0 + 9000) }), []);
  });

  it('sorts by StartTime, TaskName and FailedEngagementCount in both orders, ties broken by TaskId', async () => {
    const names = ['delta', 'alpha', 'charlie', 'bravo', 'alpha'];
    const failedCounts = [2, 0, 3, 1, 2];
    const ids = await startMany(5, (i) => names[i], (i) => [...ok.slice(i * 2, i * 2 + 2), ...failing.slice(0, failedCounts[i])]);
    clock += 60_000;

    const byStartAsc = await listAll({ Sort: { SortBy: 'StartTime', SortOrder: 'ASCENDING' } }, 2);
    assert.deepEqual(byStartAsc.map((t) => t.TaskId), ids);
    const byStartDesc = await listAll({ Sort: { SortBy: 'StartTime', SortOrder: 'DESCENDING' } }, 2);
    assert.deepEqual(byStartDesc.map((t) => t.TaskId), [...ids].reverse());

    const byNameAsc = await listAll({ Sort: { SortBy: 'TaskName', SortOrder: 'ASCENDING' } }, 2);
    assert.deepEqual(byNameAsc.map((t) => t.TaskName), ['alpha', 'alpha', 'bravo', 'charlie', 'delta']);
    const alphas = [ids[1], ids[4]].sort();
    assert.deepEqual(byNameAsc.slice(0, 2).map((t) => t.TaskId), alphas);
    const byNameDesc = await listAll({ Sort: { SortBy: 'TaskName', SortOrder: 'DESCENDING' } }, 2);
    assert.deepEqual(byNameDesc.map((t) => t.TaskName), ['delta', 'charlie', 'bravo', 'alpha', 'alpha']);
    assert.deepEqual(byNameDesc.slice(3).map((t) => t.TaskId), [...alphas].reverse());

    const byFailedDesc = await listAll({ Sort: { SortBy: 'FailedEngagementCount', SortOrder: 'DESCENDING' } }, 2);
    assert.deepEqual(byFailedDesc.map((t) => t.FailedEngagementCount), [3, 2, 2, 1, 0]);
    const byFailedAsc = await listAll({ Sort: { SortBy: 'FailedEngagementCount', SortOrder: 'ASCENDING' } }, 2);
    assert.deepEqual(byFailedAsc.map((t) => t.FailedEngagementCount), [0, 1, 2, 2, 3]);
    assert.deepEqual(byFailedAsc.map((t) => t.TotalEngagementCount), [2, 3, 4, 4, 5]);
  });

  it('validates MaxResults, the filters and Sort', async () => {
    const list = (input: Record<string, unknown>) => client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', ...input } as never));
    assert.deepEqual(issues(await expectError(list({ MaxResults: 0 }), 'ValidationException')), ['MaxResults:VALUE_OUT_OF_RANGE']);
    assert.deepEqual(issues(await expectError(list({ MaxResults: 101 }), 'ValidationException')), ['MaxResults:VALUE_OUT_OF_RANGE']);
    const eleven = Array.from({ length: 11 }, (_, i) => `task-${String(i).padStart(14, '0')}`);
    assert.deepEqual(issues(await expectError(list({ TaskIdentifier: eleven }), 'ValidationException')), ['TaskIdentifier:TOO_MANY_VALUES']);
    assert.deepEqual(issues(await expectError(list({ TaskIdentifier: ['eng-00000000000000'] }), 'ValidationException')), ['TaskIdentifier[0]:INVALID_STRING_FORMAT']);
    assert.deepEqual(issues(await expectError(list({ TaskName: Array(11).fill('n') }), 'ValidationException')), ['TaskName:TOO_MANY_VALUES']);
    assert.deepEqual(issues(await expectError(list({ TaskName: [''] }), 'ValidationException')), ['TaskName[0]:INVALID_STRING_FORMAT']);
    assert.deepEqual(issues(await expectError(list({ Sort: { SortBy: 'StartTime' } }), 'ValidationException')), ['Sort.SortOrder:REQUIRED_FIELD_MISSING']);
    assert.deepEqual(issues(await expectError(list({ Sort: { SortOrder: 'ASCENDING' } }), 'ValidationException')), ['Sort.SortBy:REQUIRED_FIELD_MISSING']);
    assert.deepEqual(issues(await expectError(list({ Sort: { SortBy: 'EndTime', SortOrder: 'UP' } }), 'ValidationException')), ['Sort.SortBy:INVALID_ENUM_VALUE', 'Sort.SortOrder:INVALID_ENUM_VALUE']);
    assert.deepEqual(issues(await expectError(list({ Catalog: undefined }), 'ValidationException')), ['Catalog:REQUIRED_FIELD_MISSING']);
  });
});

import * as assert from 'node:assert/strict';
import {
  GetEngagementCommand,
  GetProspectingFromEngagementTaskCommand,
  type GetProspectingFromEngagementTaskCommandOutput,
  ListProspectingFromEngagementTasksCommand,
  type PartnerCentralSellingClient,
  StartProspectingFromEngagementTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { expectError } from './expectError';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);

function statusCounts(task: GetProspectingFromEngagementTaskCommandOutput): Record<string, number> {
  const counts: Record<string, number> = { PENDING: 0, IN_PROGRESS: 0, COMPLETED: 0, FAILED: 0 };
  for (const engagement of task.Engagements ?? []) counts[engagement.Status ?? '']++;
  return counts;
}

describe('emulator: task progress', () => {
  describe('with a controllable clock (30 s tasks)', () => {
    let clock = T0;
    let emulator: TestEmulator;
    let client: PartnerCentralSellingClient;
    let ok: string[];
    let failing: string[];

    before(async () => {
      emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 60, now: () => clock });
      client = emulator.client({ maxAttempts: 1 });
      ok = await emulator.engagements('Sandbox', { limit: 8, failing: false });
      failing = await emulator.engagements('Sandbox', { limit: 2, failing: true });
    });
    after(() => emulator.close());

    it('moves each engagement PENDING -> IN_PROGRESS -> COMPLETED/FAILED, staggered, with EndTime at the end; Get and List agree', async () => {
      clock = T0;
      const identifiers = [...ok.slice(0, 8), ...failing];
      const started = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: identifiers, TaskName: 'clocked' }));
      assert.equal(started.StartTime?.getTime(), T0);
      const get = () => client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', TaskIdentifier: started.TaskId }));
      const summary = async () =>
        (await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', TaskIdentifier: [started.TaskId ?? ''] }))).TaskSummaries?.[0];

      let task = await get();
      assert.deepEqual(statusCounts(task), { PENDING: 10, IN_PROGRESS: 0, COMPLETED: 0, FAILED: 0 });
      assert.equal(task.EndTime, undefined);
      assert.deepEqual(task.Engagements?.map((e) => e.EngagementIdentifier), identifiers);

      const seen = new Set<string>();
      for (let second = 1; second <= 30; second++) {
        clock = T0 + second * 1000;
        task = await get();
        const counts = statusCounts(task);
        const listed = await summary();
        assert.equal(listed?.CompletedEngagementCount, counts.COMPLETED, `at ${second}s`);
        assert.equal(listed?.FailedEngagementCount, counts.FAILED, `at ${second}s`);
        assert.equal(listed?.TotalEngagementCount, 10);
        assert.ok(counts.IN_PROGRESS <= 1, 'one engagement at a time');
        for (const [status, n] of Object.entries(counts)) if (n > 0) seen.add(status);
        if (second < 30) {
          assert.equal(task.EndTime, undefined, `no EndTime at ${second}s`);
          assert.equal(listed?.EndTime, undefined);
        }
      }
      assert.deepEqual([...seen].sort(), ['COMPLETED', 'FAILED', 'IN_PROGRESS', 'PENDING']);
      assert.equal(task.EndTime?.getTime(), T0 + 30_000);
      assert.deepEqual(statusCounts(task), { PENDING: 0, IN_PROGRESS: 0, COMPLETED: 8, FAILED: 2 });
      assert.equal((await summary())?.EndTime?.getTime(), T0 + 30_000);

      for (const engagement of task.Engagements ?? []) {
        if (failing.includes(engagement.EngagementIdentifier ?? '')) {
          assert.equal(engagement.Status, 'FAILED');
          assert.match(engagement.ReasonCode ?? '', /^[A-Z_]+$/);
          assert.ok((engagement.Message ?? '').length > 20);
          assert.equal(engagement.EngagementContextId, undefined);
        } else {
          assert.equal(engagement.Status, 'COMPLETED');
          assert.match(engagement.EngagementContextId ?? '', /^ctx-[0-9a-z]{14}$/);
          assert.equal(engagement.ReasonCode, undefined);
        }
      }

      const engagement = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: ok[0] }));
      const result = engagement.Contexts?.find((context) => context.Type === 'ProspectingResult');
      assert.equal(result?.Id, task.Engagements?.[0].EngagementContextId);
      assert.equal(result?.Payload?.ProspectingResult?.Aws?.TaskId, started.TaskId);
      assert.ok(result?.Payload?.ProspectingResult?.Aws?.EndTime instanceof Date);
      const failed = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: failing[0] }));
      assert.equal(failed.Contexts?.some((context) => context.Type === 'ProspectingResult'), false);
    });

    it('shows no ProspectingResult context before the engagement completes', async () => {
      clock = T0 + 3_600_000;
      const target = ok[7];
      const fresh = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: [target], TaskName: 'fresh' }));
      const contextIds = async () =>
        ((await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: target }))).Contexts ?? [])
          .filter((context) => context.Type === 'ProspectingResult')
          .map((context) => context.Payload?.ProspectingResult?.Aws?.TaskId);
      const earlier = await contextIds();
      assert.ok(!earlier.includes(fresh.TaskId));
      clock += 30_000;
      assert.ok((await contextIds()).includes(fresh.TaskId));
    });

    it('answers ResourceNotFoundException for an unknown task or one of the other catalog', async () => {
      const aws = await emulator.engagements('AWS', { limit: 1 });
      const started = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'AWS', Identifiers: aws, TaskName: 'aws' }));
      const wrongCatalog = await expectError(
        client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', TaskIdentifier: started.TaskId })),
        'ResourceNotFoundException',
      );
      assert.equal(wrongCatalog.$metadata?.httpStatusCode, 404);
      await expectError(
        client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'AWS', TaskIdentifier: 'task-00000000000000' })),
        'ResourceNotFoundException',
      );
      const byArn = await client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'AWS', TaskIdentifier: started.TaskArn }));
      assert.equal(byArn.TaskId, started.TaskId);
      const invalid = await expectError(
        client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'Other', TaskIdentifier: 'task-1' })),
        'ValidationException',
      );
      assert.deepEqual(invalid.ErrorList?.map((e) => `${e.FieldName}:${e.Code}`), ['Catalog:INVALID_ENUM_VALUE', 'TaskIdentifier:INVALID_STRING_FORMAT']);
    });
  });

  describe('with taskDurationSeconds 0', () => {
    let emulator: TestEmulator;
    before(async () => {
      emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 30, taskDurationSeconds: 0 });
    });
    after(() => emulator.close());

    it('finishes every task by the first Get and List', async () => {
      const client = emulator.client();
      const ids = await emulator.engagements('Sandbox', { limit: 30 });
      const started = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'instant' }));
      const task = await client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', TaskIdentifier: started.TaskId }));
      assert.ok(task.EndTime instanceof Date);
      const counts = statusCounts(task);
      assert.equal(counts.PENDING + counts.IN_PROGRESS, 0);
      assert.equal(counts.FAILED, 3, 'one engagement in ten fails');
      const summary = (await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox' }))).TaskSummaries?.[0];
      assert.equal(summary?.CompletedEngagementCount, 27);
      assert.equal(summary?.FailedEngagementCount, 3);
    });

    it('reports a task whose every engagement failed as FAILED with a ReasonCode at Start', async () => {
      const failing = await emulator.engagements('AWS', { limit: 3, failing: true });
      const started = await emulator.client().send(
        new StartProspectingFromEngagementTaskCommand({ Catalog: 'AWS', Identifiers: failing, TaskName: 'doomed' }),
      );
      assert.equal(started.TaskStatus, 'FAILED');
      assert.equal(started.ReasonCode, 'ALL_ENGAGEMENTS_FAILED');
      assert.match(started.Message ?? '', /None of the 3 engagements/);
    });
  });

  describe('in real time', () => {
    let emulator: TestEmulator;
    before(async () => {
      emulator = await startTestEmulator({ engagementsPerCatalog: 150, taskDurationSeconds: 2 });
    });
    after(() => emulator.close());

    it('follows a 100-identifier Sandbox task with Get until EndTime; List counts match Get', async function () {
      this.timeout(10_000);
      const client = emulator.client();
      const ids = await emulator.engagements('Sandbox', { limit: 100 });
      const started = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: ids, TaskName: 'hundred' }));
      let task: GetProspectingFromEngagementTaskCommandOutput;
      let polls = 0;
      let sawInProgress = false;
      do {
        await new Promise((resolve) => setTimeout(resolve, 100));
        task = await client.send(new GetProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', TaskIdentifier: started.TaskId }));
        if (statusCounts(task).IN_PROGRESS > 0) sawInProgress = true;
        polls++;
      } while (!task.EndTime && polls < 60);
      assert.ok(task.EndTime, 'task ended');
      assert.ok(sawInProgress);
      assert.ok(polls >= 10, `took ${polls} polls`);
      const counts = statusCounts(task);
      assert.equal(counts.COMPLETED + counts.FAILED, 100);
      const summary = (await client.send(new ListProspectingFromEngagementTasksCommand({ Catalog: 'Sandbox', TaskName: ['hundred'] }))).TaskSummaries;
      assert.equal(summary?.length, 1);
      assert.equal(summary?.[0].CompletedEngagementCount, counts.COMPLETED);
      assert.equal(summary?.[0].FailedEngagementCount, counts.FAILED);
      assert.deepEqual(summary?.[0].EndTime, task.EndTime);
    });
  });
});

import * as assert from 'node:assert/strict';
import {
  GetEngagementCommand,
  ListOpportunityFromEngagementTasksCommand,
  type PartnerCentralSellingClient,
  StartProspectingFromEngagementTaskCommand,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, rawRequest, startTestEmulator } from '../../support/emulator';
import { UUID_PATTERN, expectError, issues } from './expectError';
import { OPPORTUNITY_ID, OPPORTUNITY_TASK_ID, SNAPSHOT_JOB_ID, knownEngagements, opportunityCandidates, prospect, startOpportunity } from './opportunitySupport';

const T0 = Date.UTC(2026, 10, 26, 10, 0, 0);
const DURATION_MS = 4000;

describe('emulator: StartOpportunityFromEngagementTask', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let clock = T0;
  let succeeding: string[];
  let failing: string[];

  before(async () => {
    emulator = await startTestEmulator({
      throttle: false, engagementsPerCatalog: 120, taskDurationSeconds: 0, opportunityTaskDurationSeconds: DURATION_MS / 1000, now: () => clock,
    });
    client = emulator.client({ maxAttempts: 1 });
    ({ succeeding, failing } = await opportunityCandidates(emulator.endpoint, 'Sandbox'));
    assert.ok(succeeding.length >= 10 && failing.length >= 2, `${succeeding.length} succeeding, ${failing.length} failing`);
  });
  after(() => emulator.close());
  beforeEach(async () => {
    clock = T0;
    await emulator.reset();
  });

  const list = (input: Record<string, unknown> = {}) =>
    client.send(new ListOpportunityFromEngagementTasksCommand({ Catalog: 'Sandbox', ...input } as never));

  it('starts IN_PROGRESS, then COMPLETE with the OpportunityId and ResourceSnapshotJobId', async () => {
    const [engagement] = succeeding;
    const contextId = (await prospect(client, 'Sandbox', [engagement])).get(engagement);
    const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contextId, ClientToken: 'first' });
    assert.match(out.TaskId ?? '', OPPORTUNITY_TASK_ID);
    assert.equal(out.TaskArn, `arn:aws:partnercentral-selling:us-east-1:123456789012:catalog/Sandbox/opportunity-from-engagement-task/${out.TaskId}`);
    assert.deepEqual(out.StartTime, new Date(T0));
    assert.equal(out.TaskStatus, 'IN_PROGRESS');
    assert.equal(out.EngagementId, engagement);
    assert.equal(out.ContextId, contextId);
    assert.equal(out.OpportunityId, undefined, 'no opportunity before the task completes');
    assert.equal(out.ResourceSnapshotJobId, undefined);
    assert.equal(out.ReasonCode, undefined);
    assert.match(out.$metadata.requestId ?? '', UUID_PATTERN);

    clock = T0 + DURATION_MS - 1;
    assert.equal((await list()).TaskSummaries?.[0].TaskStatus, 'IN_PROGRESS');
    clock = T0 + DURATION_MS;
    const [done] = (await list()).TaskSummaries ?? [];
    assert.equal(done.TaskId, out.TaskId);
    assert.equal(done.TaskStatus, 'COMPLETE');
    assert.match(done.OpportunityId ?? '', OPPORTUNITY_ID);
    assert.match(done.ResourceSnapshotJobId ?? '', SNAPSHOT_JOB_ID);
    assert.equal(done.ReasonCode, undefined);

    const counts = await emulator.counts();
    assert.deepEqual(counts.opportunityTasksPerContext, { [`Sandbox/${engagement}/${contextId}`]: 1 });
    assert.deepEqual(counts.opportunityTasksPerClientToken, { first: 1 });
    assert.deepEqual(counts.opportunityTasksPerCatalog, { AWS: 0, Sandbox: 1 });
    assert.equal(counts.tasksPerCatalog.Sandbox, 1, 'prospecting tasks are counted apart');
  });

  it('answers COMPLETE at once when opportunity tasks take no time', async () => {
    const instant = await startTestEmulator({ throttle: false, engagementsPerCatalog: 30, taskDurationSeconds: 0 });
    try {
      const c = instant.client({ maxAttempts: 1 });
      const [engagement] = (await opportunityCandidates(instant.endpoint, 'AWS')).succeeding;
      const contextId = (await prospect(c, 'AWS', [engagement])).get(engagement);
      const out = await startOpportunity(c, { Catalog: 'AWS', Identifier: engagement, ContextIdentifier: contextId });
      assert.equal(out.TaskStatus, 'COMPLETE');
      assert.match(out.OpportunityId ?? '', OPPORTUNITY_ID);
    } finally {
      await instant.close();
    }
  });

  it('fails the engagements that cannot become opportunities, with a ReasonCode of the model and a Message that says the fix', async () => {
    const engagements = failing.slice(0, 2);
    const contexts = await prospect(client, 'Sandbox', engagements);
    const known = new Map((await knownEngagements(emulator.endpoint, 'Sandbox')).map((e) => [e.id, e.opportunityReasonCode]));
    for (const engagement of engagements) {
      const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contexts.get(engagement) });
      assert.equal(out.TaskStatus, 'IN_PROGRESS', 'a failure shows only when the task ends');
    }
    clock += DURATION_MS;
    const summaries = (await list()).TaskSummaries ?? [];
    assert.equal(summaries.length, 2);
    for (const summary of summaries) {
      assert.equal(summary.TaskStatus, 'FAILED');
      assert.equal(summary.ReasonCode, known.get(summary.EngagementId ?? ''));
      assert.match(summary.ReasonCode ?? '', /^(OpportunityValidationFailed|OpportunityConflict|EngagementAccessDenied|ResourceSnapshotValidationFailed)$/);
      assert.ok((summary.Message ?? '').length > 40, 'a message that explains the fix');
      assert.equal(summary.OpportunityId, undefined);
      assert.equal(summary.ResourceSnapshotJobId, undefined);
    }
  });

  it('takes a Lead context too, but fails a CustomerProject context with CustomerProjectContextNotPermitted', async () => {
    let withLead: { id: string; lead: string; project: string } | undefined;
    for (const id of succeeding) {
      const engagement = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: id }));
      const lead = engagement.Contexts?.find((c) => c.Type === 'Lead')?.Id;
      const project = engagement.Contexts?.find((c) => c.Type === 'CustomerProject')?.Id;
      if (lead && project) {
        withLead = { id, lead, project };
        break;
      }
    }
    assert.ok(withLead, 'an engagement with a Lead context');
    await startOpportunity(client, { Catalog: 'Sandbox', Identifier: withLead.id, ContextIdentifier: withLead.lead });
    await startOpportunity(client, { Catalog: 'Sandbox', Identifier: withLead.id, ContextIdentifier: withLead.project });
    clock += DURATION_MS;
    const byContext = new Map((await list()).TaskSummaries?.map((t) => [t.ContextId, t]));
    assert.equal(byContext.get(withLead.lead)?.TaskStatus, 'COMPLETE');
    assert.equal(byContext.get(withLead.project)?.TaskStatus, 'FAILED');
    assert.equal(byContext.get(withLead.project)?.ReasonCode, 'CustomerProjectContextNotPermitted');
  });

  it('accepts the engagement ARN as Identifier', async () => {
    const [engagement] = succeeding;
    const contextId = (await prospect(client, 'Sandbox', [engagement])).get(engagement);
    const arn = `arn:aws:partnercentral:us-east-1:123456789012:catalog/Sandbox/engagement/${engagement}`;
    const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: arn, ContextIdentifier: contextId });
    assert.equal(out.EngagementId, engagement);
  });

  it('rejects each invalid field with its FieldName and Code, and creates nothing', async () => {
    const valid = { Catalog: 'Sandbox', Identifier: succeeding[0], ContextIdentifier: 'ctx-00000000000000', ClientToken: 'v' };
    const rejected = async (input: Record<string, unknown>): Promise<string[]> =>
      issues(await expectError(startOpportunity(client, input), 'ValidationException'));

    const error = await expectError(startOpportunity(client, {}), 'ValidationException');
    assert.equal(error.Reason, 'REQUEST_VALIDATION_FAILED');
    assert.equal(error.$metadata?.httpStatusCode, 400);
    assert.deepEqual(issues(error), ['Catalog:REQUIRED_FIELD_MISSING', 'Identifier:REQUIRED_FIELD_MISSING', 'ContextIdentifier:REQUIRED_FIELD_MISSING']);
    assert.deepEqual(await rejected({ ...valid, Catalog: 'Marketplace' }), ['Catalog:INVALID_ENUM_VALUE']);
    assert.deepEqual(await rejected({ ...valid, Catalog: 'AWS 1' }), ['Catalog:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, ClientToken: 'a'.repeat(256) }), ['ClientToken:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, ClientToken: '' }), ['ClientToken:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, Identifier: 'eng-TOOSHORT' }), ['Identifier:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, Identifier: 'O1234567' }), ['Identifier:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, ContextIdentifier: 'context-1' }), ['ContextIdentifier:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, ContextIdentifier: '0123' }), ['ContextIdentifier:INVALID_STRING_FORMAT']);
    assert.deepEqual(await rejected({ ...valid, ContextIdentifier: 42 }), ['ContextIdentifier:INVALID_VALUE']);

    assert.deepEqual(await rejected({ ...valid, Tags: [] }), ['Tags:NOT_ENOUGH_VALUES']);
    const many = Array.from({ length: 201 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
    assert.deepEqual(await rejected({ ...valid, Tags: many }), ['Tags:TOO_MANY_VALUES']);
    assert.deepEqual(
      await rejected({
        ...valid,
        Tags: [
          { Key: 'k'.repeat(129), Value: 'v' },
          { Key: 'ok', Value: 'v'.repeat(257) },
          { Key: 'semi;colon', Value: 'x' },
          { Key: 'ok', Value: 'again' },
          { Key: 'aws:reserved', Value: '' },
          { Key: 'no value' },
          'not a tag',
        ],
      }),
      [
        'Tags[0].Key:INVALID_STRING_FORMAT',
        'Tags[1].Value:INVALID_STRING_FORMAT',
        'Tags[2].Key:INVALID_STRING_FORMAT',
        'Tags[3].Key:DUPLICATE_KEY_VALUE',
        'Tags[4].Key:INVALID_VALUE',
        'Tags[5].Value:REQUIRED_FIELD_MISSING',
        'Tags[6]:INVALID_VALUE',
      ],
    );
    assert.deepEqual(await rejected({ ...valid, Tags: { Key: 'k', Value: 'v' } }), ['Tags:INVALID_VALUE']);

    const counts = await emulator.counts();
    assert.deepEqual(counts.opportunityTasksPerCatalog, { AWS: 0, Sandbox: 0 });
    assert.equal(counts.requestsPerOperation.StartOpportunityFromEngagementTask, 14);
  });

  it('accepts the documented limits: a 255-character ClientToken, 200 tags, 128-character keys, empty and 256-character values', async () => {
    const [engagement] = succeeding;
    const contextId = (await prospect(client, 'Sandbox', [engagement])).get(engagement);
    const tags = Array.from({ length: 200 }, (_, i) => ({ Key: `${i} ${'é'.repeat(120)}`.slice(0, 128), Value: i % 2 ? '' : 'ü:/=+-@_. '.repeat(26).slice(0, 256) }));
    const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contextId, ClientToken: 't'.repeat(255), Tags: tags });
    assert.match(out.TaskId ?? '', OPPORTUNITY_TASK_ID);
  });

  it('a ClientToken is required on the wire (the SDK fills one in when the caller gives none)', async () => {
    const raw = await rawRequest(emulator.endpoint, {
      operation: 'StartOpportunityFromEngagementTask',
      body: JSON.stringify({ Catalog: 'Sandbox', Identifier: succeeding[0], ContextIdentifier: 'ctx-00000000000000' }),
    });
    assert.equal(raw.status, 400);
    assert.deepEqual((raw.json?.ErrorList as { FieldName: string; Code: string }[]).map((i) => `${i.FieldName}:${i.Code}`), ['ClientToken:REQUIRED_FIELD_MISSING']);
  });

  it('ResourceNotFoundException for an engagement or a context that is not there, and nothing is created', async () => {
    const [mine, other] = succeeding;
    const prospectingFails = (await knownEngagements(emulator.endpoint, 'Sandbox')).find((e) => e.failing)?.id ?? '';
    const contexts = await prospect(client, 'Sandbox', [mine, other]);
    const [aws] = await emulator.engagements('AWS', { limit: 1 });
    const notFound = async (input: Record<string, unknown>, pattern: RegExp): Promise<void> => {
      const error = await expectError(startOpportunity(client, { Catalog: 'Sandbox', ...input }), 'ResourceNotFoundException');
      assert.equal(error.$metadata?.httpStatusCode, 404);
      assert.match(error.message, pattern);
    };
    await notFound({ Identifier: 'eng-00000000000000', ContextIdentifier: contexts.get(mine) }, /Engagement eng-00000000000000 not found in catalog Sandbox/);
    await notFound({ Identifier: aws, ContextIdentifier: contexts.get(mine) }, new RegExp(`Engagement ${aws} not found`));
    await notFound({ Catalog: 'AWS', Identifier: mine, ContextIdentifier: contexts.get(mine) }, /not found in catalog AWS/);
    const foreignArn = `arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/engagement/${mine}`;
    await notFound({ Identifier: foreignArn, ContextIdentifier: contexts.get(mine) }, /not found in catalog Sandbox/);
    await notFound({ Identifier: mine, ContextIdentifier: contexts.get(other) }, new RegExp(`Context ${contexts.get(other)} not found on engagement ${mine}`));
    await notFound({ Identifier: mine, ContextIdentifier: 'ctx-00000000000000' }, /Use the EngagementContextId/);
    await notFound({ Identifier: mine, ContextIdentifier: '123456' }, /Context 123456 not found/);

    const refused = await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: [prospectingFails], TaskName: 'refused' }));
    assert.equal(refused.TaskStatus, 'FAILED');
    const engagement = await client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: prospectingFails }));
    for (const context of engagement.Contexts ?? []) assert.notEqual(context.Type, 'ProspectingResult');
    assert.deepEqual((await emulator.counts()).opportunityTasksPerCatalog, { AWS: 0, Sandbox: 0 });
  });

  it('a context appears only once prospecting has completed the engagement', async () => {
    const slow = await startTestEmulator({ throttle: false, engagementsPerCatalog: 30, taskDurationSeconds: 10, now: () => clock });
    try {
      const c = slow.client({ maxAttempts: 1 });
      const [engagement] = (await opportunityCandidates(slow.endpoint, 'Sandbox')).succeeding;
      const contexts = await prospect(c, 'Sandbox', [engagement], () => {
        clock += 10_000;
      });
      const contextId = contexts.get(engagement) ?? '';
      clock -= 10_000;
      await expectError(startOpportunity(c, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contextId }), 'ResourceNotFoundException');
      clock += 10_000;
      assert.match((await startOpportunity(c, { Catalog: 'Sandbox', Identifier: engagement, ContextIdentifier: contextId })).TaskId ?? '', OPPORTUNITY_TASK_ID);
    } finally {
      await slow.close();
    }
  });

  it('is idempotent per ClientToken: same request, same response; different request, ConflictException', async () => {
    const [a, b] = succeeding;
    const contexts = await prospect(client, 'Sandbox', [a, b]);
    const input = { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: contexts.get(a), ClientToken: 'token-1', Tags: [{ Key: 'team', Value: 'east' }, { Key: 'q', Value: '4' }] };
    const first = await startOpportunity(client, input);
    clock += DURATION_MS;
    const replay = await startOpportunity(client, { ...input, Tags: [...input.Tags].reverse() });
    assert.equal(replay.TaskId, first.TaskId);
    assert.deepEqual(replay.StartTime, first.StartTime);
    assert.equal(replay.TaskStatus, 'IN_PROGRESS', 'a replay answers the first response again');

    for (const changed of [{ ContextIdentifier: contexts.get(b), Identifier: b }, { Tags: [{ Key: 'team', Value: 'west' }] }, { Tags: undefined }, { Catalog: 'AWS' }]) {
      const conflict = await expectError(startOpportunity(client, { ...input, ...changed }), 'ConflictException');
      assert.equal(conflict.$metadata?.httpStatusCode, 409);
      assert.match(conflict.message, new RegExp(`ClientToken "token-1" was already used for task ${first.TaskId}`));
    }
    const counts = await emulator.counts();
    assert.deepEqual(counts.opportunityTasksPerClientToken, { 'token-1': 1 });
    assert.equal(counts.opportunityTasksPerCatalog.Sandbox, 1);
  });

  it('keeps ClientTokens apart from prospecting ones: a token used for a prospecting task is free here', async () => {
    const [a] = succeeding;
    await client.send(new StartProspectingFromEngagementTaskCommand({ Catalog: 'Sandbox', Identifiers: [a], TaskName: 'p', ClientToken: 'shared' }));
    const contextId = (await prospect(client, 'Sandbox', [a])).get(a);
    const out = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: contextId, ClientToken: 'shared' });
    assert.match(out.TaskId ?? '', OPPORTUNITY_TASK_ID);
  });

  it('ConflictException for a second token on a context that is becoming, or became, an opportunity; a failed one may be retried', async () => {
    const [a] = succeeding;
    const [bad] = failing;
    const contexts = await prospect(client, 'Sandbox', [a, bad]);
    const first = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: contexts.get(a), ClientToken: 'one' });

    let conflict = await expectError(startOpportunity(client, { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: contexts.get(a), ClientToken: 'two' }), 'ConflictException');
    assert.match(conflict.message, new RegExp(`Task ${first.TaskId} is already creating an opportunity from context ${contexts.get(a)}`));
    clock += DURATION_MS;
    const opportunityId = (await list()).TaskSummaries?.[0].OpportunityId;
    conflict = await expectError(startOpportunity(client, { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: contexts.get(a), ClientToken: 'three' }), 'ConflictException');
    assert.match(conflict.message, new RegExp(`already became opportunity ${opportunityId} \\(task ${first.TaskId}\\)`));

    // Another prospecting run gives the engagement a new context: that one may become an opportunity too.
    const again = (await prospect(client, 'Sandbox', [a])).get(a);
    assert.notEqual(again, contexts.get(a));
    await startOpportunity(client, { Catalog: 'Sandbox', Identifier: a, ContextIdentifier: again, ClientToken: 'four' });

    await startOpportunity(client, { Catalog: 'Sandbox', Identifier: bad, ContextIdentifier: contexts.get(bad), ClientToken: 'bad-1' });
    await expectError(startOpportunity(client, { Catalog: 'Sandbox', Identifier: bad, ContextIdentifier: contexts.get(bad), ClientToken: 'bad-2' }), 'ConflictException');
    clock += DURATION_MS;
    const retried = await startOpportunity(client, { Catalog: 'Sandbox', Identifier: bad, ContextIdentifier: contexts.get(bad), ClientToken: 'bad-3' });
    assert.equal(retried.TaskStatus, 'IN_PROGRESS');

    const counts = await emulator.counts();
    assert.deepEqual(counts.opportunityTasksPerContext, {
      [`Sandbox/${a}/${contexts.get(a)}`]: 1,
      [`Sandbox/${a}/${again}`]: 1,
      [`Sandbox/${bad}/${contexts.get(bad)}`]: 2,
    });
    assert.deepEqual(Object.keys(counts.opportunityTasksPerClientToken).sort(), ['bad-1', 'bad-3', 'four', 'one']);
  });
});

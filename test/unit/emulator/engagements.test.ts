import * as assert from 'node:assert/strict';
import {
  GetEngagementCommand,
  ListEngagementsCommand,
  type PartnerCentralSellingClient,
  paginateListEngagements,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, listKnownEngagements, startTestEmulator } from '../../support/emulator';
import { expectError, issues } from './expectError';

describe('emulator: engagements', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 200 });
    client = emulator.client({ maxAttempts: 1 });
  });
  after(() => emulator.close());

  it('generates distinct, deterministic ids per catalog, about one in ten failing', async () => {
    const sandbox = await listKnownEngagements(emulator.endpoint, 'Sandbox', { limit: 1000 });
    const aws = await listKnownEngagements(emulator.endpoint, 'AWS', { limit: 1000 });
    assert.equal(sandbox.engagements.length, 200);
    for (const engagement of sandbox.engagements) assert.match(engagement.id, /^eng-[0-9a-z]{14}$/);
    const awsIds = new Set(aws.engagements.map((e) => e.id));
    assert.equal(sandbox.engagements.filter((e) => awsIds.has(e.id)).length, 0);
    assert.equal(new Set(sandbox.engagements.map((e) => e.id)).size, 200);
    assert.equal(sandbox.engagements.filter((e) => e.failing).length, 20);
    assert.ok(new Set(sandbox.engagements.filter((e) => e.failing).map((e) => e.reasonCode)).size >= 3, 'several reason codes');

    const again = await startTestEmulator({ engagementsPerCatalog: 200 });
    const otherSeed = await startTestEmulator({ engagementsPerCatalog: 200, seed: 2 });
    try {
      assert.deepEqual((await listKnownEngagements(again.endpoint, 'Sandbox', { limit: 1000 })).engagements, sandbox.engagements);
      const different = (await listKnownEngagements(otherSeed.endpoint, 'Sandbox', { limit: 5 })).engagements.map((e) => e.id);
      assert.notDeepEqual(different, sandbox.engagements.slice(0, 5).map((e) => e.id));
    } finally {
      await again.close();
      await otherSeed.close();
    }
  });

  it('GetEngagement shows every documented field', async () => {
    const [id] = await emulator.engagements('AWS', { limit: 1 });
    const out = await client.send(new GetEngagementCommand({ Catalog: 'AWS', Identifier: id }));
    assert.equal(out.Id, id);
    assert.equal(out.Arn, `arn:aws:partnercentral:us-east-1:123456789012:catalog/AWS/engagement/${id}`);
    assert.ok((out.Title ?? '').length > 5);
    assert.ok((out.Description ?? '').length > 40);
    assert.ok(out.CreatedAt instanceof Date && out.ModifiedAt instanceof Date);
    assert.ok(out.ModifiedAt.getTime() >= out.CreatedAt.getTime());
    assert.match(out.CreatedBy ?? '', /^\d{12}$/);
    assert.match(out.ModifiedBy ?? '', /^\d{12}$/);
    assert.ok((out.MemberCount ?? 0) >= 1);
    const project = out.Contexts?.find((c) => c.Type === 'CustomerProject');
    assert.match(project?.Id ?? '', /^ctx-[0-9a-z]{14}$/);
    assert.ok(project?.Payload?.CustomerProject?.Customer?.CompanyName);
    assert.ok((out.Contexts?.length ?? 0) <= 5);
  });

  it('GetEngagement: unknown id is ResourceNotFoundException, a bad one ValidationException', async () => {
    const [awsId] = await emulator.engagements('AWS', { limit: 1 });
    const error = await expectError(client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: awsId })), 'ResourceNotFoundException');
    assert.match(error.message, new RegExp(awsId));
    const invalid = await expectError(client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: 'eng-X' })), 'ValidationException');
    assert.deepEqual(issues(invalid), ['Identifier:INVALID_STRING_FORMAT']);
  });

  it('ListEngagements pages through all engagements, newest first, with every filter', async () => {
    const all = [];
    for await (const page of paginateListEngagements({ client, pageSize: 100 }, { Catalog: 'Sandbox' })) all.push(...(page.EngagementSummaryList ?? []));
    assert.equal(all.length, 200);
    const created = all.map((e) => e.CreatedAt?.getTime() ?? 0);
    assert.deepEqual(created, [...created].sort((a, b) => b - a));

    const ascending = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 3, Sort: { SortBy: 'CreatedDate', SortOrder: 'ASCENDING' } }));
    assert.deepEqual(ascending.EngagementSummaryList?.map((e) => e.Id), all.slice(-3).reverse().map((e) => e.Id));

    const picked = all.slice(5, 8).map((e) => e.Id ?? '');
    const byId = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', EngagementIdentifier: picked }));
    assert.deepEqual(byId.EngagementSummaryList?.map((e) => e.Id), picked);

    const mine = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', CreatedBy: ['123456789012'], MaxResults: 100 }));
    assert.ok((mine.EngagementSummaryList?.length ?? 0) > 0);
    assert.ok(mine.EngagementSummaryList?.every((e) => e.CreatedBy === '123456789012'));
    const others = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', ExcludeCreatedBy: ['123456789012'], MaxResults: 100 }));
    assert.ok(others.EngagementSummaryList?.every((e) => e.CreatedBy !== '123456789012'));

    const leads = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', ContextTypes: ['Lead'], MaxResults: 100 }));
    assert.ok((leads.EngagementSummaryList?.length ?? 0) > 0);
    assert.ok(leads.EngagementSummaryList?.every((e) => e.ContextTypes?.includes('Lead')));
    const noLeads = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', ExcludeContextTypes: ['Lead'], MaxResults: 100 }));
    assert.ok(noLeads.EngagementSummaryList?.every((e) => !e.ContextTypes?.includes('Lead')));
  });

  it('ListEngagements validates its input and its NextToken', async () => {
    const first = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 2 }));
    const error = await expectError(
      client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 2, NextToken: first.NextToken, CreatedBy: ['123456789012'] })),
      'ValidationException',
    );
    assert.deepEqual(issues(error), ['NextToken:INVALID_VALUE']);
    const invalid = await expectError(
      client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 500, ContextTypes: ['Opportunity' as never], Sort: { SortBy: 'Title' as never, SortOrder: 'ASCENDING' } })),
      'ValidationException',
    );
    assert.deepEqual(issues(invalid), ['MaxResults:VALUE_OUT_OF_RANGE', 'ContextTypes[0]:INVALID_ENUM_VALUE', 'Sort.SortBy:INVALID_ENUM_VALUE']);
  });
});

import * as assert from 'node:assert/strict';
import {
  EngagementScore,
  GetEngagementCommand,
  type GetEngagementCommandOutput,
  Industry,
  type PartnerCentralSellingClient,
  type ProspectingResultAws,
} from '@aws-sdk/client-partnercentral-selling';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { opportunityCandidates, prospect } from './opportunitySupport';

// The Solution Category values the SDK documents for solutions.
const SOLUTION_CATEGORIES = ['Software Product', 'Consulting Service', 'Hardware Product', 'Communications Product', 'Professional Service', 'Managed Service'];
const CUSTOMER_FIELDS = ['AccountName', 'CompanySize', 'Country', 'EligiblePrograms', 'Geo', 'Industry', 'PublicProfileSummary', 'Region', 'Segment', 'SubIndustry', 'SubRegion'];

function prospectingResult(engagement: GetEngagementCommandOutput, contextId: string): ProspectingResultAws | undefined {
  const context = engagement.Contexts?.find((c) => c.Id === contextId);
  assert.equal(context?.Type, 'ProspectingResult');
  return context?.Payload?.ProspectingResult?.Aws;
}

describe('emulator: GetEngagement ProspectingResult insights', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let engagements: string[];

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 120, taskDurationSeconds: 0 });
    client = emulator.client({ maxAttempts: 1 });
    engagements = (await opportunityCandidates(emulator.endpoint, 'Sandbox')).succeeding.slice(0, 60);
  });
  after(() => emulator.close());
  beforeEach(() => emulator.reset());

  const get = (id: string) => client.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: id }));

  it('has exactly the SDK ProspectingResultAws shape: customer, insights with the model\u2019s values, the task and its times', async () => {
    const before = Date.now();
    const contexts = await prospect(client, 'Sandbox', engagements);
    const scores = new Set<string>();
    const categories = new Set<string>();
    for (const id of engagements) {
      const engagement = await get(id);
      const result = prospectingResult(engagement, contexts.get(id) ?? '');
      assert.ok(result);
      assert.deepEqual(Object.keys(result).sort(), ['Customer', 'EndTime', 'Insights', 'StartTime', 'TaskArn', 'TaskId', 'TaskName']);
      assert.deepEqual(Object.keys(result.Customer ?? {}).sort(), CUSTOMER_FIELDS);
      assert.deepEqual(Object.keys(result.Insights ?? {}).sort(), ['MarketplaceEngagementScore', 'SolutionCategory', 'SolutionScore', 'SolutionSubCategory']);
      const { Customer, Insights } = result;
      assert.ok(Object.values(EngagementScore).includes(Insights?.MarketplaceEngagementScore as EngagementScore));
      assert.ok(Object.values(EngagementScore).includes(Insights?.SolutionScore as EngagementScore));
      assert.ok(SOLUTION_CATEGORIES.includes(Insights?.SolutionCategory ?? ''), Insights?.SolutionCategory);
      assert.ok((Insights?.SolutionSubCategory ?? '').length > 2);
      assert.ok(Object.values(Industry).includes(Customer?.Industry as Industry), Customer?.Industry);
      assert.match(Customer?.Country ?? '', /^[A-Z]{2}$/);
      assert.match(Customer?.Geo ?? '', /^(AMER|EMEA|APJ)$/);
      assert.ok(engagement.Title?.startsWith(`${Customer?.AccountName}:`), 'the customer is the engagement\u2019s');
      assert.ok((Customer?.PublicProfileSummary ?? '').includes(Customer?.AccountName ?? '-'));
      assert.ok(Array.isArray(Customer?.EligiblePrograms));
      assert.match(result.TaskId ?? '', /^task-[0-9a-z]{14}$/);
      assert.equal(result.TaskName, 'prospect');
      assert.ok(result.TaskArn?.endsWith(`/${result.TaskId}`));
      assert.ok(result.StartTime instanceof Date && result.StartTime.getTime() >= before - 1000);
      assert.ok(result.EndTime instanceof Date && result.EndTime.getTime() >= result.StartTime.getTime());
      scores.add(Insights?.MarketplaceEngagementScore ?? '');
      categories.add(Insights?.SolutionCategory ?? '');
    }
    assert.deepEqual([...scores].sort(), ['High', 'Low', 'Medium'], 'every score occurs');
    assert.ok(categories.size >= 3, 'several solution categories');
  });

  it('is deterministic per seed: the same engagement gets the same insights from every run and every emulator', async () => {
    const [id] = engagements;
    const prospectThenGet = async (): Promise<ProspectingResultAws | undefined> => {
      const contextId = (await prospect(client, 'Sandbox', [id])).get(id) ?? '';
      return prospectingResult(await get(id), contextId);
    };
    const first = await prospectThenGet();
    const second = await prospectThenGet();
    assert.notEqual(first?.TaskId, second?.TaskId);
    assert.deepEqual(second?.Insights, first?.Insights);
    assert.deepEqual(second?.Customer, first?.Customer);

    const twin = await startTestEmulator({ throttle: false, engagementsPerCatalog: 120, taskDurationSeconds: 0 });
    const otherSeed = await startTestEmulator({ throttle: false, engagementsPerCatalog: 120, taskDurationSeconds: 0, seed: 7 });
    try {
      const twinClient = twin.client({ maxAttempts: 1 });
      const twinContext = (await prospect(twinClient, 'Sandbox', [id])).get(id) ?? '';
      const twinResult = prospectingResult(await twinClient.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: id })), twinContext);
      assert.deepEqual(twinResult?.Insights, first?.Insights);
      assert.deepEqual(twinResult?.Customer, first?.Customer);

      const otherClient = otherSeed.client({ maxAttempts: 1 });
      const others = (await opportunityCandidates(otherSeed.endpoint, 'Sandbox')).succeeding.slice(0, 20);
      const insightsOf = async (c: PartnerCentralSellingClient, ids: string[]): Promise<string[]> => {
        const contexts = await prospect(c, 'Sandbox', ids);
        const out: string[] = [];
        for (const e of ids) {
          const engagement = await c.send(new GetEngagementCommand({ Catalog: 'Sandbox', Identifier: e }));
          out.push(JSON.stringify(prospectingResult(engagement, contexts.get(e) ?? '')?.Insights));
        }
        return out;
      };
      const mine = await insightsOf(client, engagements.slice(0, 20));
      const theirs = await insightsOf(otherClient, others);
      assert.notDeepEqual(theirs, mine, 'another seed, other insights');
    } finally {
      await twin.close();
      await otherSeed.close();
    }
  });
});

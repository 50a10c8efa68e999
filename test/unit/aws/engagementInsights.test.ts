import * as assert from 'node:assert/strict';
import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { getEngagementInsights } from '../../../src/aws/engagementInsights';
import { type TestEmulator, startTestEmulator } from '../../support/emulator';
import { opportunityCandidates, prospect } from '../emulator/opportunitySupport';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';

describe('getEngagementInsights against the emulator', () => {
  let emulator: TestEmulator;
  let client: PartnerCentralSellingClient;
  let restoreEnvironment: () => void;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false, taskDurationSeconds: 0 });
    client = createPartnerCentralClient({ endpoint: emulator.endpoint });
  });
  after(async () => {
    client.destroy();
    await emulator.close();
    restoreEnvironment();
  });

  it('reads the ProspectingResult context: scores, solution category, customer name and website, and the task it came from', async () => {
    const [engagementId] = (await opportunityCandidates(emulator.endpoint, 'Sandbox')).succeeding;
    assert.equal(await getEngagementInsights(client, { catalog: 'Sandbox', engagementId }), undefined, 'nothing before prospecting');
    const contextId = (await prospect(client, 'Sandbox', [engagementId])).get(engagementId);
    const insights = await getEngagementInsights(client, { catalog: 'Sandbox', engagementId });
    assert.ok(insights);
    assert.equal(insights.contextId, contextId);
    assert.match(insights.marketplaceEngagementScore ?? '', /^(High|Medium|Low)$/);
    assert.match(insights.solutionScore ?? '', /^(High|Medium|Low)$/);
    assert.ok(insights.solutionCategory && insights.solutionSubCategory);
    assert.ok(insights.customerName);
    assert.match(insights.customerWebsite ?? '', /^https:\/\//);
    assert.equal(insights.taskName, 'prospect');
    assert.match(insights.taskId ?? '', /.+/);
    assert.ok(Date.parse(insights.taskEndTime ?? '') >= Date.parse(insights.taskStartTime ?? ''));
  });
});

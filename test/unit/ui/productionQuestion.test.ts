import * as assert from 'node:assert/strict';
import { productionQuestion, type ProductionTarget } from '../../../src/ui/launch/productionQuestion';

const TARGET: ProductionTarget = { endpoint: 'https://partnercentral-selling.us-east-1.api.aws/', profile: 'partner-prod', accountId: '123456789012' };

describe('the production confirmation', () => {
  it('names the engagements and tasks, and offers to stop asking when the user chose production', () => {
    const question = productionQuestion(3, 1, false, TARGET);
    assert.equal(question.message, 'Start prospecting 3 engagements in the AWS production catalog?');
    assert.match(question.detail, /creates 1 task in production/);
    assert.equal(question.offerStopAsking, true);
    assert.match(productionQuestion(1, 2, false, TARGET).message, /1 engagement in/);
    assert.match(productionQuestion(1, 2, false, TARGET).detail, /2 tasks/);
  });

  it('says when the workspace chose production, and then never offers to stop asking', () => {
    const question = productionQuestion(250, 3, true, TARGET);
    assert.match(question.message, /^This workspace's settings choose the AWS production catalog\. Start prospecting 250 engagements in production\?$/);
    assert.match(question.detail, /"partnerCentral\.catalog": "AWS" is set in this workspace's settings/);
    assert.match(question.detail, /asked every time/);
    assert.match(question.detail, /creates 3 tasks in production/);
    assert.equal(question.offerStopAsking, false);
  });

  it('names the endpoint, the profile and the 12-digit partner account, whoever chose production', () => {
    for (const chosenByWorkspace of [false, true]) {
      const { detail } = productionQuestion(3, 1, chosenByWorkspace, TARGET);
      assert.match(detail, /^Endpoint: https:\/\/partnercentral-selling\.us-east-1\.api\.aws$/m);
      assert.match(detail, /^Signed with: AWS profile partner-prod$/m);
      assert.match(detail, /^Account: partner account 123456789012$/m);
    }
  });

  it('says when the account is not known yet, and when no profile was chosen', () => {
    const { detail } = productionQuestion(3, 1, false, { endpoint: 'http://127.0.0.1:4566' });
    assert.match(detail, /^Endpoint: http:\/\/127\.0\.0\.1:4566$/m);
    assert.match(detail, /^Signed with: the SDK's default credential chain/m);
    assert.match(detail, /^Account: partner account not known yet/m);
    assert.match(productionQuestion(3, 1, false, { ...TARGET, accountId: 'not-an-id' }).detail, /not known yet/);
  });
});

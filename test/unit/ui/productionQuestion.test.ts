import * as assert from 'node:assert/strict';
import { productionQuestion } from '../../../src/ui/launch/productionQuestion';

describe('the production confirmation', () => {
  it('names the engagements and tasks, and offers to stop asking when the user chose production', () => {
    const question = productionQuestion(3, 1, false);
    assert.equal(question.message, 'Start prospecting 3 engagements in the AWS production catalog?');
    assert.match(question.detail, /creates 1 task in production/);
    assert.equal(question.offerStopAsking, true);
    assert.match(productionQuestion(1, 2, false).message, /1 engagement in/);
    assert.match(productionQuestion(1, 2, false).detail, /2 tasks/);
  });

  it('says when the workspace chose production, and then never offers to stop asking', () => {
    const question = productionQuestion(250, 3, true);
    assert.match(question.message, /^This workspace's settings choose the AWS production catalog\. Start prospecting 250 engagements in production\?$/);
    assert.match(question.detail, /"partnerCentral\.catalog": "AWS" is set in this workspace's settings/);
    assert.match(question.detail, /asked every time/);
    assert.match(question.detail, /creates 3 tasks in production/);
    assert.equal(question.offerStopAsking, false);
  });
});

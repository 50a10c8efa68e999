import * as assert from 'node:assert/strict';
import { PENDING_LAUNCH_STALE_MS, isStalePendingLaunch, planResume, type PendingLaunch } from '../../../src/core/pendingLaunches';
import { accountIdFromTaskArn } from '../../../src/core/taskArn';

const NOW = Date.parse('2026-11-29T12:00:00.000Z');

function launch(catalog: string, ageMs: number, name = `${catalog} ${ageMs}`): PendingLaunch {
  return { clientToken: name, catalog, taskName: name, identifiers: ['eng-0123456789abcd'], createdAt: new Date(NOW - ageMs).toISOString() };
}

describe('Resuming pending launches', () => {
  it('re-sends recent Sandbox launches, asks for production ones, and leaves those over a day old', () => {
    const plan = planResume([launch('Sandbox', 1000), launch('AWS', 1000), launch('Sandbox', PENDING_LAUNCH_STALE_MS + 1), launch('AWS', PENDING_LAUNCH_STALE_MS + 1)], NOW);
    assert.deepEqual(plan.resend.map((l) => l.taskName), ['Sandbox 1000']);
    assert.deepEqual(plan.confirm.map((l) => l.taskName), ['AWS 1000']);
    assert.equal(plan.stale.length, 2);
  });

  it('a launch whose date cannot be read is stale', () => {
    assert.equal(isStalePendingLaunch({ ...launch('Sandbox', 0), createdAt: 'yesterday' }, NOW), true);
    assert.equal(isStalePendingLaunch(launch('Sandbox', PENDING_LAUNCH_STALE_MS), NOW), false);
  });

  it('reads the partner account ID from a task ARN', () => {
    assert.equal(accountIdFromTaskArn('arn:aws:partnercentral-selling:us-east-1:123456789012:catalog/AWS/prospecting-from-engagement-task/task-0123456789abcd'), '123456789012');
    assert.equal(accountIdFromTaskArn('arn:aws:s3:::bucket'), undefined);
    assert.equal(accountIdFromTaskArn(undefined), undefined);
  });
});

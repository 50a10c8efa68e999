import * as assert from 'node:assert/strict';
import { outcomeDecorationText, outcomesFingerprint, outcomesFromTasks } from '../../../../src/core/editor';
import type { TaskRecord } from '../../../../src/core/tasks';

const A = 'eng-aaaaaaaaaaaaaa';
const B = 'eng-bbbbbbbbbbbbbb';
const C = 'eng-cccccccccccccc';
const D = 'eng-dddddddddddddd';

function task(taskId: string, startTime: string, fields: Partial<TaskRecord>): TaskRecord {
  return { taskId, catalog: 'Sandbox', taskName: `Name of ${taskId}`, startTime, totalCount: 0, completedCount: 0, failedCount: 0, ...fields };
}

describe('engagement outcomes from tasks', () => {
  const finished = task('task-00000000000001', '2026-11-29T10:00:00.000Z', {
    endTime: '2026-11-29T10:05:00.000Z',
    engagements: [
      { engagementId: A, status: 'COMPLETED', engagementContextId: 'ctx-aaaaaaaaaaaaa1' },
      { engagementId: B, status: 'FAILED', reasonCode: 'ENGAGEMENT_NOT_ELIGIBLE', message: 'Not eligible.' },
      { engagementId: C, status: 'COMPLETED' },
    ],
  });
  const running = task('task-00000000000002', '2026-11-29T11:00:00.000Z', { identifiers: [B, D] });

  it('completed with its context id, failed with its reason, running while a newer task works on it', () => {
    const outcomes = outcomesFromTasks([finished, running]);
    const a = outcomes.get(A);
    assert.equal(a?.state, 'completed');
    assert.equal(a?.state === 'completed' && a.contextId, 'ctx-aaaaaaaaaaaaa1');
    assert.equal(a?.task.taskName, 'Name of task-00000000000001');
    assert.equal(a?.task.endTime, '2026-11-29T10:05:00.000Z');
    assert.equal(outcomes.get(B)?.state, 'running', 'the newest task wins');
    assert.equal(outcomes.get(B)?.otherTasks, 1);
    assert.equal(outcomes.get(D)?.state, 'running');
    assert.equal(outcomes.get('eng-eeeeeeeeeeeeee'), undefined);
  });

  it('a finished task without per-engagement results says nothing, so the older result shows', () => {
    const unfetched = task('task-00000000000003', '2026-11-29T12:00:00.000Z', { endTime: '2026-11-29T12:01:00.000Z', identifiers: [B] });
    const outcome = outcomesFromTasks([unfetched, finished]).get(B);
    assert.equal(outcome?.state, 'failed');
    assert.equal(outcome?.state === 'failed' && outcome.reasonCode, 'ENGAGEMENT_NOT_ELIGIBLE');
    assert.equal(outcome?.state === 'failed' && outcome.message, 'Not eligible.');
  });

  it('decoration text per outcome', () => {
    const outcomes = outcomesFromTasks([finished]);
    assert.equal(outcomeDecorationText(outcomes.get(A)!), '✓ ctx-aaaaaaaaaaaaa1');
    assert.equal(outcomeDecorationText(outcomes.get(B)!), '✗ ENGAGEMENT_NOT_ELIGIBLE');
    assert.equal(outcomeDecorationText(outcomes.get(C)!), '✓ completed', 'no context id reported');
    assert.equal(outcomeDecorationText(outcomesFromTasks([running]).get(D)!), '… running');
    const noReason = outcomesFromTasks([task('task-00000000000004', '2026-11-29T13:00:00.000Z', { endTime: '2026-11-29T13:00:01.000Z', engagements: [{ engagementId: D, status: 'FAILED' }] })]);
    assert.equal(outcomeDecorationText(noReason.get(D)!), '✗ failed');
  });

  it('the fingerprint changes when an outcome does, and only then', () => {
    const before = outcomesFingerprint(outcomesFromTasks([finished, running]));
    assert.equal(outcomesFingerprint(outcomesFromTasks([running, finished])), before, 'order of the records does not matter');
    const done = { ...running, endTime: '2026-11-29T11:02:00.000Z', engagements: [{ engagementId: B, status: 'COMPLETED' as const }, { engagementId: D, status: 'COMPLETED' as const }] };
    assert.notEqual(outcomesFingerprint(outcomesFromTasks([finished, done])), before);
  });
});

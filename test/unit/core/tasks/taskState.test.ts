import * as assert from 'node:assert/strict';
import { describeDuration } from '../../../../src/core/tasks/duration';
import {
  aggregateProgress,
  deriveTaskState,
  describeProgress,
  failedEngagementIds,
  isActive,
  taskCounts,
} from '../../../../src/core/tasks/taskState';
import { engagementId, record, withEngagements } from './records';

const END = { endTime: '2026-11-26T10:05:00.000Z' };

describe('deriveTaskState', () => {
  it('pending while every engagement waits and there is no EndTime', () => {
    assert.equal(deriveTaskState(withEngagements(['PENDING', 'PENDING', 'PENDING'])), 'pending');
    assert.equal(deriveTaskState(record({ totalCount: 5 })), 'pending');
  });

  it('running once one engagement is in progress or done, without EndTime', () => {
    assert.equal(deriveTaskState(withEngagements(['IN_PROGRESS', 'PENDING'])), 'running');
    assert.equal(deriveTaskState(withEngagements(['COMPLETED', 'PENDING'])), 'running');
    assert.equal(deriveTaskState(withEngagements(['FAILED', 'PENDING'])), 'running');
    assert.equal(deriveTaskState(record({ totalCount: 5, completedCount: 1 })), 'running');
  });

  it('stays running without EndTime even when every engagement is done', () => {
    assert.equal(deriveTaskState(withEngagements(['COMPLETED', 'FAILED'])), 'running');
  });

  it('completed, completed with failures or failed once EndTime is set', () => {
    assert.equal(deriveTaskState(withEngagements(['COMPLETED', 'COMPLETED'], END)), 'completed');
    assert.equal(deriveTaskState(withEngagements(['COMPLETED', 'FAILED', 'COMPLETED'], END)), 'completedWithFailures');
    assert.equal(deriveTaskState(withEngagements(['FAILED', 'FAILED'], END)), 'failed');
    assert.equal(deriveTaskState(record({ ...END, totalCount: 4, completedCount: 1, failedCount: 3 })), 'completedWithFailures');
    assert.equal(deriveTaskState(record({ ...END, totalCount: 4, failedCount: 4 })), 'failed');
  });

  it('a task of zero engagements is pending before EndTime and completed after', () => {
    assert.equal(deriveTaskState(withEngagements([])), 'pending');
    assert.equal(deriveTaskState(withEngagements([], END)), 'completed');
  });

  it('isActive is "no EndTime"', () => {
    assert.equal(isActive(record()), true);
    assert.equal(isActive(record(END)), false);
  });
});

describe('taskCounts', () => {
  it('splits the unfinished engagements into pending and in progress', () => {
    const counts = taskCounts(withEngagements(['PENDING', 'IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED', 'FAILED']));
    assert.deepEqual(counts, { total: 5, done: 2, completed: 1, failed: 1, pending: 1, inProgress: 2 });
  });

  it('ignores engagements older than the counts (a List after a Get)', () => {
    const stale = withEngagements(['IN_PROGRESS', 'IN_PROGRESS', 'PENDING'], { completedCount: 2 });
    assert.deepEqual(taskCounts(stale), { total: 3, done: 2, completed: 2, failed: 0, pending: 1, inProgress: 0 });
  });
});

describe('describeProgress and aggregateProgress', () => {
  it('says how many are done and failed', () => {
    assert.equal(describeProgress(record({ totalCount: 10, completedCount: 6, failedCount: 1 })), '7/10 done · 1 failed');
    assert.equal(describeProgress(record({ totalCount: 10, completedCount: 3 })), '3/10 done');
    assert.equal(describeProgress(record()), '0/0 done');
  });

  it('sums tasks for the status bar', () => {
    const tasks = [record({ totalCount: 100, completedCount: 30, failedCount: 4 }), record({ totalCount: 100 })];
    assert.deepEqual(aggregateProgress(tasks), { tasks: 2, done: 34, total: 200, failed: 4 });
    assert.deepEqual(aggregateProgress([]), { tasks: 0, done: 0, total: 0, failed: 0 });
  });

  it('lists the failed engagements for a retry', () => {
    assert.deepEqual(failedEngagementIds(withEngagements(['COMPLETED', 'FAILED', 'PENDING', 'FAILED'])), [engagementId(2), engagementId(4)]);
    assert.deepEqual(failedEngagementIds(record({ failedCount: 3 })), [], 'unknown until details are fetched');
  });
});

describe('describeDuration', () => {
  const start = '2026-11-26T10:00:00.000Z';
  const at = (iso: string): number => Date.parse(iso);
  it('formats seconds, minutes, hours and days', () => {
    assert.equal(describeDuration(start, '2026-11-26T10:00:45.900Z', 0), '45 s');
    assert.equal(describeDuration(start, '2026-11-26T10:02:05.000Z', 0), '2 min 5 s');
    assert.equal(describeDuration(start, '2026-11-26T10:02:00.000Z', 0), '2 min');
    assert.equal(describeDuration(start, '2026-11-26T11:03:10.000Z', 0), '1 h 3 min');
    assert.equal(describeDuration(start, '2026-11-28T14:00:00.000Z', 0), '2 d 4 h');
  });

  it('counts to now while running, never below zero, and is empty for bad input', () => {
    assert.equal(describeDuration(start, undefined, at('2026-11-26T10:00:09.000Z')), '9 s');
    assert.equal(describeDuration(start, undefined, at('2026-11-26T09:00:00.000Z')), '0 s');
    assert.equal(describeDuration('', undefined, 0), '');
  });
});

import * as assert from 'node:assert/strict';
import { mergeRecords } from '../../../../src/core/tasks/mergeRecords';
import { applyDetails, recordFromDetails, recordFromStart, recordFromSummary } from '../../../../src/core/tasks/recordConversion';
import { parseStoredTaskRecords } from '../../../../src/core/tasks/storedRecords';
import { engagementId, engagements, record, taskId, withEngagements } from './records';

describe('records from API responses', () => {
  const id = taskId();

  it('recordFromStart: accepted ids, nothing done yet, started here', () => {
    const started = recordFromStart(
      { TaskId: id, TaskArn: 'arn:x', TaskName: 'Leads', StartTime: new Date('2026-11-26T10:00:00Z'), Identifiers: [engagementId(1), engagementId(2)] },
      'Sandbox',
    );
    assert.deepEqual(started, {
      taskId: id, catalog: 'Sandbox', taskName: 'Leads', taskArn: 'arn:x', startTime: '2026-11-26T10:00:00.000Z',
      totalCount: 2, completedCount: 0, failedCount: 0, identifiers: [engagementId(1), engagementId(2)], startedHere: true,
    });
    assert.equal(recordFromStart({ TaskId: id }, 'AWS', Date.parse('2026-01-01T00:00:00Z')).startTime, '2026-01-01T00:00:00.000Z');
    assert.throws(() => recordFromStart({}, 'AWS'), /TaskId/);
  });

  it('recordFromSummary: counts and EndTime; undefined without TaskId', () => {
    const summary = recordFromSummary({
      TaskId: id, TaskName: 'Leads', StartTime: '2026-11-26T10:00:00Z', EndTime: new Date('2026-11-26T10:01:00Z'),
      TotalEngagementCount: 10, CompletedEngagementCount: 7, FailedEngagementCount: 3,
    }, 'AWS');
    assert.deepEqual(summary, {
      taskId: id, catalog: 'AWS', taskName: 'Leads', startTime: '2026-11-26T10:00:00.000Z', endTime: '2026-11-26T10:01:00.000Z',
      totalCount: 10, completedCount: 7, failedCount: 3,
    });
    assert.equal(recordFromSummary({ TaskName: 'x' }, 'AWS'), undefined);
    assert.equal('endTime' in recordFromSummary({ TaskId: id }, 'AWS')!, false, 'no undefined fields in stored JSON');
  });

  it('applyDetails: engagements mapped, counts recomputed, identifiers kept', () => {
    const before = record({ taskId: id, totalCount: 3, identifiers: ['eng-a', 'eng-b', 'eng-c'] });
    const after = applyDetails(before, {
      EndTime: '2026-11-26T10:05:00Z',
      Engagements: [
        { EngagementIdentifier: 'eng-a', Status: 'COMPLETED', EngagementContextId: 'ctx-1' },
        { EngagementIdentifier: 'eng-b', Status: 'FAILED', ReasonCode: 'R', Message: 'M' },
        { EngagementIdentifier: 'eng-c', Status: 'SOMETHING_NEW' },
        { Status: 'COMPLETED' },
      ],
    });
    assert.deepEqual(after.engagements, [
      { engagementId: 'eng-a', status: 'COMPLETED', engagementContextId: 'ctx-1' },
      { engagementId: 'eng-b', status: 'FAILED', reasonCode: 'R', message: 'M' },
      { engagementId: 'eng-c', status: 'PENDING' },
    ]);
    assert.deepEqual([after.totalCount, after.completedCount, after.failedCount], [3, 1, 1]);
    assert.equal(after.endTime, '2026-11-26T10:05:00.000Z');
    assert.deepEqual(after.identifiers, ['eng-a', 'eng-b', 'eng-c']);
    assert.equal(after.taskName, 'Leads', 'kept when Get omits it');
    assert.deepEqual(recordFromDetails({ Engagements: [{ EngagementIdentifier: 'eng-z', Status: 'PENDING' }] }, 'AWS', id).identifiers, ['eng-z']);
  });
});

describe('mergeRecords', () => {
  it('never loses engagements, identifiers, startedHere or EndTime', () => {
    const known = withEngagements(['COMPLETED', 'PENDING'], { startedHere: true, identifiers: [engagementId(1), engagementId(2)], endTime: '2026-11-26T10:05:00.000Z' });
    const incoming = record({ taskId: known.taskId, totalCount: 2, completedCount: 1 });
    const merged = mergeRecords(known, incoming);
    assert.deepEqual(merged.engagements, known.engagements);
    assert.deepEqual(merged.identifiers, known.identifiers);
    assert.equal(merged.startedHere, true);
    assert.equal(merged.endTime, known.endTime);
  });

  it('newer information wins and counts never go backwards', () => {
    const known = record({ totalCount: 10, completedCount: 6, failedCount: 1, taskName: 'Old' });
    const older = record({ taskId: known.taskId, totalCount: 10, completedCount: 4, taskName: 'New', taskArn: 'arn:y' });
    const merged = mergeRecords(known, older);
    assert.deepEqual([merged.completedCount, merged.failedCount], [6, 1]);
    assert.equal(merged.taskName, 'New');
    assert.equal(merged.taskArn, 'arn:y');
  });

  it('keeps the more advanced engagements', () => {
    const advanced = withEngagements(['COMPLETED', 'IN_PROGRESS']);
    const behind = { ...advanced, engagements: engagements('IN_PROGRESS', 'PENDING') };
    assert.deepEqual(mergeRecords(advanced, behind).engagements, advanced.engagements);
    assert.deepEqual(mergeRecords(behind, advanced).engagements, advanced.engagements);
  });
});

describe('parseStoredTaskRecords', () => {
  it('keeps valid records and drops junk', () => {
    const good = withEngagements(['COMPLETED'], { startedHere: true, lastChangedAt: 5 });
    const parsed = parseStoredTaskRecords([good, null, { taskId: 'x', catalog: 'Moon' }, { taskId: 'y', catalog: 'AWS', engagements: [{ engagementId: 'e', status: 'WEIRD' }] }]);
    assert.deepEqual(parsed[0], good);
    assert.equal(parsed.length, 2);
    assert.deepEqual(parsed[1].engagements, []);
    assert.deepEqual(parseStoredTaskRecords('nope'), []);
  });
});

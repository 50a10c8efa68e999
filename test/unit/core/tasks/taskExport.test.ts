import * as assert from 'node:assert/strict';
import { csvCell, tasksToCsv, tasksToJson } from '../../../../src/core/tasks/taskExport';
import { record, withEngagements } from './records';

const HEADER = 'TaskId,TaskName,Catalog,TaskArn,StartTime,EndTime,EngagementIdentifier,Status,EngagementContextId,ReasonCode,Message';

describe('tasksToCsv', () => {
  it('writes one row per engagement, CRLF-terminated', () => {
    const task = withEngagements(['COMPLETED', 'FAILED'], { taskId: 'task-1', taskArn: 'arn:1', endTime: '2026-11-26T10:05:00.000Z' });
    const lines = tasksToCsv([task]).split('\r\n');
    assert.equal(lines[0], HEADER);
    assert.equal(lines[1], 'task-1,Leads,Sandbox,arn:1,2026-11-26T10:00:00.000Z,2026-11-26T10:05:00.000Z,eng-00000000000001,COMPLETED,ctx-00000000000001,,');
    assert.equal(lines[2], 'task-1,Leads,Sandbox,arn:1,2026-11-26T10:00:00.000Z,2026-11-26T10:05:00.000Z,eng-00000000000002,FAILED,,ENGAGEMENT_NOT_ELIGIBLE,Not eligible');
    assert.equal(lines[3], '');
    assert.equal(lines.length, 4);
  });

  it('keeps tasks without details: a row per identifier, or one bare row', () => {
    const csv = tasksToCsv([record({ taskId: 'task-a', identifiers: ['eng-x', 'eng-y'] }), record({ taskId: 'task-b' })]);
    const rows = csv.trimEnd().split('\r\n').slice(1);
    assert.deepEqual(rows, [
      'task-a,Leads,Sandbox,,2026-11-26T10:00:00.000Z,,eng-x,,,,',
      'task-a,Leads,Sandbox,,2026-11-26T10:00:00.000Z,,eng-y,,,,',
      'task-b,Leads,Sandbox,,2026-11-26T10:00:00.000Z,,,,,,',
    ]);
  });

  it('quotes per RFC 4180', () => {
    assert.equal(csvCell('plain'), 'plain');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "hi"'), '"say ""hi"""');
    assert.equal(csvCell('two\nlines'), '"two\nlines"');
    const csv = tasksToCsv([record({ taskId: 'task-q', taskName: 'Q4, "big" ones' })]);
    assert.match(csv, /^task-q,"Q4, ""big"" ones",Sandbox,/m);
  });

  it('defuses cells a spreadsheet would run as formulas', () => {
    assert.equal(csvCell('=HYPERLINK("http://evil")'), '"\'=HYPERLINK(""http://evil"")"');
    for (const start of ['+', '-', '@', '\t']) assert.equal(csvCell(`${start}1`), `'${start}1`);
    assert.equal(csvCell('\r1'), `"'\r1"`);
    assert.equal(csvCell('a=b'), 'a=b');
    const csv = tasksToCsv([record({ taskId: 'task-f', taskName: '=cmd|calc' })]);
    assert.match(csv, /^task-f,'=cmd\|calc,/m);
  });
});

describe('tasksToJson', () => {
  it('writes pretty JSON with a fixed field order and the derived state', () => {
    const task = withEngagements(['COMPLETED', 'FAILED'], { taskId: 'task-1', endTime: '2026-11-26T10:05:00.000Z', startedHere: true, lastChangedAt: 9 });
    const json = tasksToJson([task]);
    assert.ok(json.startsWith('[\n  {\n    "taskId": "task-1",\n    "taskName": "Leads",'));
    assert.ok(json.endsWith('\n'));
    const [parsed] = JSON.parse(json) as Array<Record<string, unknown>>;
    assert.deepEqual(Object.keys(parsed), ['taskId', 'taskName', 'catalog', 'state', 'startTime', 'endTime', 'totalCount', 'completedCount', 'failedCount', 'engagements']);
    assert.equal(parsed.state, 'completedWithFailures');
    assert.deepEqual(Object.keys((parsed.engagements as object[])[1]), ['engagementId', 'status', 'reasonCode', 'message']);
    assert.equal(tasksToJson([{ ...task, lastChangedAt: 1234, taskArn: undefined }]), json, 'local bookkeeping does not change the export');
  });
});

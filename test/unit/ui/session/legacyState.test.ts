import * as assert from 'node:assert/strict';
import { dropLegacyState } from '../../../../src/ui/session/legacyState';
import { accountStateKey } from '../../../../src/ui/session/accountState';
import { CapturingLog, RecordingState } from './sessionKit';

describe('State of earlier versions (kept per profile@endpoint, which names no account)', () => {
  it('is removed, never re-sent; each pending launch is listed in the log; account state is left alone', async () => {
    const state = new RecordingState();
    const log = new CapturingLog();
    const pending = { clientToken: 'legacy-token', catalog: 'AWS', taskName: 'Old launch', identifiers: ['eng-0123456789abcd'], createdAt: '2026-01-01T00:00:00.000Z' };
    await state.update('partnerCentral.pendingLaunches/default@us-east-1', [pending]);
    await state.update('partnerCentral.taskHistory/default@us-east-1', [{ taskId: 'task-0123456789abcd' }]);
    const current = accountStateKey('http://127.0.0.1:1/ key-0123456789abcdef', 'pendingLaunches');
    await state.update(current, [pending]);
    await state.update('partnerCentral.lastCatalog', 'AWS');

    const dropped = await dropLegacyState(state, log);
    assert.deepEqual(dropped, [{ ...pending, formerKey: 'default@us-east-1' }]);
    assert.deepEqual([...state.keys()].sort(), [current, 'partnerCentral.lastCatalog'].sort());
    assert.ok(log.lines.some((line) => /^warn Not re-sent: pending launch "Old launch" \(AWS, 1 engagements.*ClientToken legacy-token\) .*"default@us-east-1"/.test(line)));
    assert.deepEqual(await dropLegacyState(state, log), [], 'once only');
  });
});

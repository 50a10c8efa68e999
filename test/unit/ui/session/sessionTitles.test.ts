import * as assert from 'node:assert/strict';
import type { AccountSessions } from '../../../../src/ui/session/accountSessions';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from '../../aws/awsTestEnvironment';
import { CapturingLog, RecordingState, makeSessions } from './sessionKit';

const LIST_ENGAGEMENTS = 'ListEngagements';

describe("An account session's engagement titles (one look-up for the launch picker and the task tree)", function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let restoreEnvironment: () => void;
  let sessions: AccountSessions;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false });
  });
  after(async () => {
    await emulator.close();
    restoreEnvironment();
  });
  beforeEach(async () => {
    await emulator.reset();
    sessions = makeSessions(new RecordingState(), new CapturingLog());
  });
  afterEach(() => sessions.dispose());

  it('asks the service once: what the picker looked up, the tree shows without asking again', async () => {
    const ids = await emulator.engagements('Sandbox', { limit: 3 });
    const session = await sessions.switchTo({ region: 'us-east-1', endpoint: emulator.endpoint });
    const titles = await session.lookUpTitles('Sandbox', ids);
    assert.deepEqual([...titles.keys()].sort(), [...ids].sort());
    const calls = (await emulator.counts()).requestsPerOperation[LIST_ENGAGEMENTS] ?? 0;
    assert.ok(calls > 0);
    for (const id of ids) assert.equal(sessions.title('Sandbox', id), titles.get(id));
    assert.deepEqual(await session.lookUpTitles('Sandbox', ids), titles);
    assert.equal((await emulator.counts()).requestsPerOperation[LIST_ENGAGEMENTS] ?? 0, calls, 'titles known to the session are not asked again');
  });

  it('never rejects: a failure leaves the titles unknown, logged, and asks again next time', async () => {
    const ids = await emulator.engagements('Sandbox', { limit: 2 });
    const session = await sessions.switchTo({ region: 'us-east-1', endpoint: emulator.endpoint });
    await emulator.injectFault({ operation: LIST_ENGAGEMENTS, fault: 'accessDenied', count: 1 });
    assert.equal((await session.lookUpTitles('Sandbox', ids)).size, 0);
    assert.equal((await session.lookUpTitles('Sandbox', ids)).size, ids.length);
  });
});

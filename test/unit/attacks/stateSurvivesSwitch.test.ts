// Promise attacked: "State that survives" (README, Security): a launch is saved when it begins, a retired session
// never writes to a newer session's keys, and a launch that spans an account switch keeps its record and the
// tokens it awaits in its own account.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import type { TaskBatch } from '../../../src/core/batchPlanning';
import type { LaunchRecord } from '../../../src/core/tasks';
import type { ConnectionSettings } from '../../../src/ui/config';
import type { AccountSession } from '../../../src/ui/session/accountSession';
import type { AccountSessions } from '../../../src/ui/session/accountSessions';
import { accountStateKey, MemoryState, OwnedState, StateOwners } from '../../../src/ui/session/accountState';
import { resumePendingLaunches } from '../../../src/ui/session/resumePending';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';
import { useEmulatorCredentialsFromEnvironment } from '../aws/awsTestEnvironment';
import { CapturingLog, RecordingState, START, eventually, makeSessions } from '../ui/session/sessionKit';

/** No endpoint setting: the SDK takes AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING. */
const VIA_ENVIRONMENT: ConnectionSettings = { region: 'us-east-1' };

function batches(name: string, groups: string[][]): TaskBatch[] {
  return groups.map((identifiers, index) => ({ index: index + 1, total: groups.length, name: `${name} (${index + 1}/${groups.length})`, identifiers }));
}

describe('Attack: state that survives a switch of account (two emulators, two identities)', function () {
  this.timeout(60_000);
  let first: TestEmulator;
  let second: TestEmulator;
  let atSecond: ConnectionSettings;
  let restoreEnvironment: () => void;
  let state: RecordingState;
  let log: CapturingLog;
  const open: AccountSessions[] = [];

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    [first, second] = await Promise.all([startTestEmulator({ throttle: false }), startTestEmulator({ throttle: false })]);
    atSecond = { region: 'us-east-1', endpoint: second.endpoint };
  });
  after(async () => {
    await Promise.all([first.close(), second.close()]);
    restoreEnvironment();
  });
  beforeEach(async () => {
    await Promise.all([first.reset(), second.reset()]);
    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = first.endpoint;
    state = new RecordingState();
    log = new CapturingLog();
  });
  afterEach(() => {
    for (const sessions of open.splice(0)) sessions.dispose();
    delete process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING;
  });

  function sessionsOver(): AccountSessions {
    const sessions = makeSessions(state, log);
    open.push(sessions);
    return sessions;
  }

  function launchesOf(identityKey: string): LaunchRecord[] {
    return state.get<LaunchRecord[]>(accountStateKey(identityKey, 'launches')) ?? [];
  }

  async function startsAt(emulator: TestEmulator): Promise<number> {
    return (await emulator.counts()).requestsPerOperation[START] ?? 0;
  }

  /** What runLaunch does: begin the launch in the session, launch holding it, close it. */
  async function launch(sessions: AccountSessions, session: AccountSession, planned: TaskBatch[]): Promise<{ launchId: string; done: Promise<void> }> {
    const launchId = session.beginLaunch('Sandbox', planned);
    const done = sessions.launch(session, { catalog: 'Sandbox', batches: planned }, launchId).then(() => session.closeLaunch(launchId));
    return { launchId, done };
  }

  it('a launch is saved when it begins: a reload in the middle of it still knows it', async () => {
    const sessions = sessionsOver();
    const session = await sessions.switchTo(VIA_ENVIRONMENT);
    const ids = await first.engagements('Sandbox', { limit: 2, failing: false });
    await first.injectFault({ operation: START, fault: 'delay', delayMs: 1500, count: 1 });
    const { launchId, done } = await launch(sessions, session, batches('Saved at once', [ids]));
    assert.deepEqual(launchesOf(session.identity.key).map((record) => [record.launchId, record.starting]), [[launchId, true]], 'saved before any answer');
    await done;
  });

  it('a launch spanning a switch to another account keeps its record and the token it awaits in its own account; back there, the re-sent task joins it', async () => {
    const sessions = sessionsOver();
    const one = await sessions.switchTo(VIA_ENVIRONMENT);
    const ids = await first.engagements('Sandbox', { limit: 4, failing: false });
    await first.injectFault({ operation: START, fault: 'delay', delayMs: 1500, count: 1 });
    await first.injectFault({ operation: START, fault: 'drop', count: 5 }); // the second task is created, its answers lost
    const { launchId, done } = await launch(sessions, one, batches('Spans a switch', [ids.slice(0, 2), ids.slice(2)]));
    await eventually('the first Start at the first emulator', async () => (await startsAt(first)) === 1);

    const two = await sessions.switchTo(atSecond);
    assert.ok(one.isRetired);
    await done;

    const [record] = launchesOf(one.identity.key);
    assert.ok(record, "the launch record is in the first account's state");
    assert.equal(record.launchId, launchId);
    assert.equal(record.taskIds.length, 1, 'with its started task');
    const [pending] = one.pendingLaunches.list();
    assert.ok(pending, 'the lost start is pending in the first account');
    assert.deepEqual(record.awaitingTokens, [pending.clientToken], 'and the launch awaits its token');
    assert.deepEqual(launchesOf(two.identity.key), [], "nothing in the second account's state");
    assert.equal(await startsAt(second), 0);

    const back = await sessions.switchTo(VIA_ENVIRONMENT);
    await resumePendingLaunches(back, { now: Date.now, log, confirm: async () => true, relaunch: (target, catalog, planned) => sessions.launch(target, { catalog, batches: planned }) });
    assert.equal((await first.counts()).tasksPerClientToken[pending.clientToken], 1, 're-sent with its token: one task');
    const tasks = back.tasks('Sandbox').filter((task) => task.taskName.startsWith('Spans a switch'));
    assert.equal(tasks.length, 2);
    assert.ok(tasks.every((task) => back.launchOf('Sandbox', task.taskId)?.launchId === launchId), 'both tasks are the one launch');
  });

  it('a launch spanning a switch away and back to the same account records its tasks and awaited token in the newer session, and the retired one never writes over it', async () => {
    const sessions = sessionsOver();
    const one = await sessions.switchTo(VIA_ENVIRONMENT);
    const ids = await first.engagements('Sandbox', { limit: 6, failing: false });
    await first.injectFault({ operation: START, fault: 'delay', delayMs: 2500, count: 1 });
    const { launchId, done } = await launch(sessions, one, batches('Away and back', [ids.slice(0, 2), ids.slice(2, 4)]));
    await eventually('the first Start at the first emulator', async () => (await startsAt(first)) === 1);

    await sessions.switchTo(atSecond);
    const again = await sessions.switchTo(VIA_ENVIRONMENT);
    assert.equal(again.identity.key, one.identity.key, 'the same account');
    // The newer session makes a launch of its own while the first one is still under way.
    const own = await launch(sessions, again, batches('Newer', [ids.slice(4)]));
    await own.done;
    await first.injectFault({ operation: START, fault: 'drop', count: 5 }); // for the first launch's second task
    assert.equal(await startsAt(first), 2, "the first launch's second task was not sent yet");
    await done;

    const records = launchesOf(again.identity.key);
    assert.deepEqual(records.map((record) => record.launchId).sort(), [launchId, own.launchId].sort(), 'both launches are kept: the retired session wrote nothing over the newer one');
    const spanning = records.find((record) => record.launchId === launchId);
    const [pending] = again.pendingLaunches.list();
    assert.ok(spanning && pending);
    assert.equal(spanning.taskIds.length, 1);
    assert.deepEqual(spanning.awaitingTokens, [pending.clientToken], 'the token it awaits is recorded in the newer session');
    assert.equal(again.launchOf('Sandbox', spanning.taskIds[0])?.launchId, launchId, 'and the newer session shows it as one launch');
    assert.ok(again.tasks('Sandbox').some((task) => task.taskName.startsWith('Newer')), "the newer session's task is kept");
  });

  it('property: a session writes its keys only while no newer session of its identity became current', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ writer: fc.integer({ min: 0, max: 3 }), claim: fc.boolean(), key: fc.constantFrom('a', 'b') }), { maxLength: 40 }),
      (steps) => {
        const owners = new StateOwners();
        const sessions = [0, 1, 2, 3].map((index) => ({ index }));
        const stored = new MemoryState();
        const identity = (writer: number): string => (writer % 2 === 0 ? 'a' : 'b');
        const views = sessions.map((session) => new OwnedState(stored, () => owners.owns(identity(session.index), session), () => undefined));
        const expected = new Map<string, number>();
        for (const step of steps) {
          const key = identity(step.writer);
          if (step.claim) owners.claim(key, sessions[step.writer]);
          void views[step.writer].update(key, step.writer);
          const owner = owners.ownerOf(key);
          if (owner === undefined || owner === sessions[step.writer]) expected.set(key, step.writer);
        }
        for (const key of ['a', 'b']) assert.equal(stored.get(key), expected.get(key));
      },
    ), propertyRuns());
  });
});

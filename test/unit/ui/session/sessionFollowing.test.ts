import * as assert from 'node:assert/strict';
import { startProspectingTask } from '../../../../src/aws/prospectingTasks';
import { planBatches } from '../../../../src/core/batchPlanning';
import { describeLaunchProgress, type TaskGroup, type TaskRecord } from '../../../../src/core/tasks';
import type { ConnectionSettings } from '../../../../src/ui/config';
import type { AccountSessions } from '../../../../src/ui/session/accountSessions';
import { accountStateKey } from '../../../../src/ui/session/accountState';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from '../../aws/awsTestEnvironment';
import { FakeClock } from '../../core/tasks/fakeClock';
import { CapturingLog, LIST, RecordingState, eventually, makeSessions } from './sessionKit';

/** Real time for HTTP answers to arrive, between steps of the fake clock. */
const ioPause = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));

describe('An account session follows its tasks (fake clock, emulator on the same clock)', function () {
  this.timeout(60_000);
  let clock: FakeClock;
  let emulator: TestEmulator;
  let other: TestEmulator;
  let restoreEnvironment: () => void;
  let state: RecordingState;
  let log: CapturingLog;
  let sessions: AccountSessions;
  let settings: ConnectionSettings;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    clock = new FakeClock(Date.now());
    [emulator, other] = await Promise.all([
      startTestEmulator({ throttle: false, taskDurationSeconds: 30, now: () => clock.now() }),
      startTestEmulator({ throttle: false }),
    ]);
    settings = { region: 'us-east-1', endpoint: emulator.endpoint };
  });
  after(async () => {
    await Promise.all([emulator.close(), other.close()]);
    restoreEnvironment();
  });
  beforeEach(async () => {
    await Promise.all([emulator.reset(), other.reset()]);
    state = new RecordingState();
    log = new CapturingLog();
    sessions = makeSessions(state, log, clock);
  });
  afterEach(() => sessions.dispose());

  /** Advances the fake clock step by step, letting real answers arrive in between, until `probe` holds. */
  async function driveUntil<T>(what: string, probe: () => T | undefined | false, stepMs = 2000, steps = 100): Promise<T> {
    for (let i = 0; i < steps; i++) {
      const value = probe();
      if (value) return value;
      await clock.advance(stepMs);
      await ioPause();
    }
    throw new Error(`${what} did not happen within ${steps} steps of ${stepMs} ms`);
  }

  async function listCalls(target = emulator): Promise<number> {
    return (await target.counts()).requestsPerOperation[LIST] ?? 0;
  }

  it('a started task is polled to its end: one finish event, counts from the service, saved in the history', async () => {
    const session = await sessions.switchTo(settings);
    const finished: TaskRecord[] = [];
    sessions.onDidFinish((group) => finished.push(...(group.kind === 'task' ? [group.task] : group.tasks)));
    const ids = [...await emulator.engagements('Sandbox', { limit: 3, failing: false }), ...await emulator.engagements('Sandbox', { limit: 1, failing: true })];
    const [started] = await sessions.launch(session, { catalog: 'Sandbox', batches: [{ index: 1, total: 1, name: 'Followed', identifiers: ids }] });
    assert.equal(started.status, 'started');
    const taskId = started.status === 'started' ? started.task.taskId : '';
    assert.equal(sessions.activeTasks().length, 1, 'active at once');
    assert.ok(clock.pendingTimers > 0, 'a poll is scheduled');

    const done = await driveUntil('the finish event', () => finished[0]);
    assert.equal(done.taskId, taskId);
    assert.equal(done.completedCount + done.failedCount, 4);
    assert.equal(done.failedCount, 1);
    assert.equal(done.engagements?.length, 4, 'details fetched when it finished');
    assert.equal(sessions.latestFinished?.kind === 'task' && sessions.latestFinished.task.taskId, taskId);
    assert.deepEqual(sessions.activeTasks(), []);
    for (let i = 0; i < 5; i++) { await clock.advance(10_000); await ioPause(); }
    assert.equal(finished.length, 1, 'finished once');
    assert.equal(clock.pendingTimers, 0, 'nothing left to poll');
    const saved = state.get<TaskRecord[]>(accountStateKey(session.identity.key, 'taskHistory')) ?? [];
    assert.ok(saved.some((task) => task.taskId === taskId && task.endTime !== undefined && task.startedHere), 'kept with its end for the next window');
  });

  it('a launch of 250 IDs in three tasks ends once, when its last task ends, and is still one launch after a reload', async () => {
    const session = await sessions.switchTo(settings);
    const finished: TaskGroup[] = [];
    sessions.onDidFinish((group) => finished.push(group));
    const ids = [...await emulator.engagements('Sandbox', { limit: 240, failing: false }), ...await emulator.engagements('Sandbox', { limit: 10, failing: true })];
    const batches = planBatches(ids, 'Big one');
    const launchId = session.beginLaunch('Sandbox', batches);
    const results = await sessions.launch(session, { catalog: 'Sandbox', batches }, launchId);
    session.closeLaunch(launchId);
    assert.deepEqual(results.map((result) => result.status), ['started', 'started', 'started']);
    const [group] = sessions.groups(sessions.tasks('Sandbox'));
    assert.equal(group.kind === 'launch' && group.tasks.length, 3, 'one entry holding the three tasks');

    const done = await driveUntil('the launch to end', () => finished[0]);
    assert.equal(done.kind, 'launch');
    assert.equal(done.kind === 'launch' && describeLaunchProgress(done.tasks), '250/250 done · 10 failed');
    assert.equal(done.kind === 'launch' && done.launch.engagementCount, 250);
    for (let i = 0; i < 5; i++) { await clock.advance(10_000); await ioPause(); }
    assert.equal(finished.length, 1, 'told once, not once per task');
    assert.equal(sessions.latestFinished?.kind, 'launch');

    sessions.dispose();
    sessions = makeSessions(state, log, clock);
    await sessions.switchTo(settings);
    const [restored] = sessions.groups(sessions.tasks('Sandbox'));
    assert.equal(restored.kind === 'launch' && restored.launch.launchId, launchId, 'kept in the account state');
  });

  it("the service's list is loaded page by page into the session's tasks", async () => {
    const client = emulator.client();
    const ids = await emulator.engagements('Sandbox', { limit: 25, failing: false });
    for (const [i, id] of ids.entries()) {
      await startProspectingTask(client, { catalog: 'Sandbox', clientToken: `page-${i}`, identifiers: [id], taskName: `Listed ${i}` });
    }
    await sessions.switchTo(settings);
    let changes = 0;
    sessions.onDidChange(() => changes++);
    await sessions.loadFirstPage('Sandbox');
    assert.equal(sessions.tasks('Sandbox').length, 20);
    assert.ok(sessions.pageState('Sandbox').nextToken, 'more to load');
    await sessions.loadMore('Sandbox');
    assert.equal(sessions.tasks('Sandbox').length, 25);
    assert.equal(sessions.pageState('Sandbox').nextToken, undefined);
    assert.ok(changes >= 2, 'views were told');
    assert.equal(await listCalls(), 2);
  });

  it('after a switch, late answers of the old session are dropped: not shown, not saved, not announced, and it polls no more', async () => {
    const session = await sessions.switchTo(settings);
    const ids = await emulator.engagements('Sandbox', { limit: 2, failing: false });
    await sessions.launch(session, { catalog: 'Sandbox', batches: [{ index: 1, total: 1, name: 'Left behind', identifiers: ids }] });
    const historyKey = accountStateKey(session.identity.key, 'taskHistory');

    // A page listing and a poll are both in flight when the settings change.
    await emulator.injectFault({ operation: LIST, fault: 'delay', delayMs: 1000, count: 2 });
    const listing = session.loadFirstPage('Sandbox');
    await clock.advance(3000);
    await eventually('both List calls in flight', async () => (await listCalls()) === 2);
    await clock.advance(60_000); // the task has ended at the service by the time the answers arrive

    const writesBefore = state.written.filter((key) => key === historyKey).length;
    let oldChanges = 0;
    session.onDidChange(() => oldChanges++);
    const finished: TaskRecord[] = [];
    session.onDidFinish((group) => finished.push(...(group.kind === 'task' ? [group.task] : group.tasks)));
    let destroyed = 0;
    const destroy = session.client.destroy.bind(session.client);
    session.client.destroy = () => { destroyed++; destroy(); };
    const next = await sessions.switchTo({ region: 'us-east-1', endpoint: other.endpoint });
    assert.ok(session.isRetired);
    assert.equal(destroyed, 1, 'its client is destroyed');
    await listing;
    await new Promise((resolve) => setTimeout(resolve, 1200));

    assert.equal(session.pageState('Sandbox').loaded, false, 'the late page was dropped');
    assert.deepEqual(finished, []);
    assert.equal(oldChanges, 0);
    assert.equal(state.written.filter((key) => key === historyKey).length, writesBefore, 'nothing saved for the old account');
    assert.deepEqual(next.tasks('Sandbox'), [], 'nor shown in the new one');
    assert.deepEqual(sessions.tasks('Sandbox'), []);
    const callsAfter = await listCalls();
    for (let i = 0; i < 10; i++) { await clock.advance(30_000); await ioPause(); }
    assert.equal(await listCalls(), callsAfter, 'the retired session polls no more');
  });

  it('a session opened again for the same account shows the saved tasks at once and resumes following them', async () => {
    const session = await sessions.switchTo(settings);
    const ids = await emulator.engagements('Sandbox', { limit: 2, failing: false });
    const [started] = await sessions.launch(session, { catalog: 'Sandbox', batches: [{ index: 1, total: 1, name: 'Survives a reload', identifiers: ids }] });
    const taskId = started.status === 'started' ? started.task.taskId : '';
    sessions.dispose(); // the window goes away

    sessions = makeSessions(state, log, clock);
    const finished: TaskRecord[] = [];
    sessions.onDidFinish((group) => finished.push(...(group.kind === 'task' ? [group.task] : group.tasks)));
    await sessions.switchTo(settings);
    const restored = sessions.task('Sandbox', taskId);
    assert.ok(restored, 'shown at once, before any request');
    assert.equal(restored.endTime, undefined);
    const done = await driveUntil('the restored task to finish', () => finished[0]);
    assert.equal(done.taskId, taskId);
    assert.equal(done.completedCount + done.failedCount, 2);
  });
});

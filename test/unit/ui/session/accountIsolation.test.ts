import * as assert from 'node:assert/strict';
import type { TaskBatch } from '../../../../src/core/batchPlanning';
import type { PendingLaunch } from '../../../../src/core/pendingLaunches';
import type { Catalog } from '../../../../src/core/tasks';
import type { ConnectionSettings } from '../../../../src/ui/config';
import type { AccountSession } from '../../../../src/ui/session/accountSession';
import type { AccountSessions } from '../../../../src/ui/session/accountSessions';
import { accountStateKey } from '../../../../src/ui/session/accountState';
import { resumePendingLaunches } from '../../../../src/ui/session/resumePending';
import { startTestEmulator, type TestEmulator } from '../../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from '../../aws/awsTestEnvironment';
import { CapturingLog, RecordingState, START, eventually, makeSessions } from './sessionKit';

const HOUR = 60 * 60 * 1000;
/** No endpoint setting: the SDK takes AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING. */
const VIA_ENVIRONMENT: ConnectionSettings = { region: 'us-east-1' };

function batch(name: string, identifiers: string[]): TaskBatch {
  return { index: 1, total: 1, name, identifiers };
}

describe('Account sessions keep each account apart (two emulators, two identities)', function () {
  this.timeout(60_000);
  let first: TestEmulator;
  let second: TestEmulator;
  let viaSetting: ConnectionSettings;
  let restoreEnvironment: () => void;
  let state: RecordingState;
  let log: CapturingLog;
  const open: AccountSessions[] = [];

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    [first, second] = await Promise.all([startTestEmulator({ throttle: false }), startTestEmulator({ throttle: false })]);
    viaSetting = { region: 'us-east-1', endpoint: second.endpoint };
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

  function sessionsOver(shared: RecordingState): AccountSessions {
    const sessions = makeSessions(shared, log);
    open.push(sessions);
    return sessions;
  }

  /** What the extension does when a session becomes current; production launches are confirmed as `confirm` says. */
  function resume(sessions: AccountSessions, session: AccountSession, confirm = false, asked: Array<{ launches: readonly PendingLaunch[]; where: string }> = []): Promise<void> {
    return resumePendingLaunches(session, {
      now: Date.now,
      log,
      confirm: async (launches, target) => {
        asked.push({ launches, where: target.describe() });
        return confirm;
      },
      relaunch: (target, catalog, batches) => sessions.launch(target, { catalog, batches }),
    });
  }

  /** A launch whose every answer is lost (the task is created, the caller never hears): it stays pending. */
  async function lostLaunch(sessions: AccountSessions, session: AccountSession, emulator: TestEmulator, name: string, catalog: Catalog = 'Sandbox'): Promise<string> {
    const ids = await emulator.engagements(catalog, { limit: 2, failing: false });
    await emulator.injectFault({ operation: START, fault: 'drop', count: 5 });
    const [result] = await sessions.launch(session, { catalog, batches: [batch(name, ids)] });
    assert.ok(result.status === 'failed' && result.outcomeUnknown, `the launch's outcome is unknown: ${JSON.stringify(result)}`);
    return result.clientToken;
  }

  async function startsAt(emulator: TestEmulator): Promise<number> {
    return (await emulator.counts()).requestsPerOperation[START] ?? 0;
  }

  it('the emulator through AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING and another through the endpoint setting keep separate histories and pending launches; switching away and back re-sends only to the first', async () => {
    const sessions = sessionsOver(state);
    const one = await sessions.switchTo(VIA_ENVIRONMENT);
    assert.equal(one.identity.endpoint, `${first.endpoint}/`);
    const token = await lostLaunch(sessions, one, first, 'Lost at the first');
    assert.deepEqual(one.pendingLaunches.list().map((launch) => launch.clientToken), [token]);
    assert.equal((await first.counts()).tasksPerClientToken[token], 1, 'the task exists at the first emulator');

    const two = await sessions.switchTo(viaSetting);
    assert.ok(one.isRetired, 'the first session is retired');
    assert.equal(sessions.current, two);
    assert.notEqual(two.identity.key, one.identity.key);
    assert.deepEqual(two.pendingLaunches.list(), [], "the first account's pending launch is not the second's");
    await resume(sessions, two, true);
    const [started] = await sessions.launch(two, { catalog: 'Sandbox', batches: [batch('Second account', await second.engagements('Sandbox', { limit: 1, failing: false }))] });
    assert.equal(started.status, 'started');
    assert.ok(two.tasks('Sandbox').some((task) => task.taskName === 'Second account'));
    assert.equal(await startsAt(second), 1, 'the second emulator saw only its own launch');
    assert.equal((await second.counts()).tasksPerClientToken[token], undefined);

    const oneAgain = await sessions.switchTo(VIA_ENVIRONMENT);
    assert.equal(oneAgain.identity.key, one.identity.key, 'the same account again');
    assert.ok(!oneAgain.tasks('Sandbox').some((task) => task.taskName === 'Second account'), "the second account's tasks are not in the first's history");
    const startsBefore = await startsAt(first);
    await resume(sessions, oneAgain);
    assert.equal(await startsAt(first), startsBefore + 1, 're-sent to the first emulator');
    assert.equal((await first.counts()).tasksPerClientToken[token], 1, 'with its token: still one task');
    assert.equal(await startsAt(second), 1, 'never sent to the second emulator');
    assert.deepEqual(oneAgain.pendingLaunches.list(), [], 'no longer pending');
    assert.ok(oneAgain.tasks('Sandbox').some((task) => task.taskName === 'Lost at the first'), 'the task is followed in its account');
  });

  it('a pending launch is not re-sent when the window comes back with another environment (same settings, another endpoint)', async () => {
    const before = sessionsOver(state);
    const session = await before.switchTo(VIA_ENVIRONMENT);
    const token = await lostLaunch(before, session, first, 'Left pending');
    before.dispose(); // the window closes

    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = second.endpoint; // reopened with another environment
    const elsewhere = sessionsOver(state);
    const other = await elsewhere.switchTo(VIA_ENVIRONMENT);
    await resume(elsewhere, other, true);
    assert.equal(await startsAt(second), 0, 'nothing sent to the other endpoint');
    assert.deepEqual(other.pendingLaunches.list(), []);

    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = first.endpoint;
    const back = sessionsOver(state);
    const same = await back.switchTo(VIA_ENVIRONMENT);
    const startsBefore = await startsAt(first);
    await resume(back, same);
    assert.equal(await startsAt(first), startsBefore + 1);
    assert.equal((await first.counts()).tasksPerClientToken[token], 1);
    assert.equal(await startsAt(second), 0);
  });

  it('a launch spanning a settings change saves and removes its token, and keeps its task, in the session it started in', async () => {
    const sessions = sessionsOver(state);
    const one = await sessions.switchTo(VIA_ENVIRONMENT);
    const ids = await first.engagements('Sandbox', { limit: 2, failing: false });
    await first.injectFault({ operation: START, fault: 'delay', delayMs: 1500, count: 1 });
    const launching = sessions.launch(one, { catalog: 'Sandbox', batches: [batch('Spans a switch', ids)] });
    await eventually('the Start request at the first emulator', async () => (await startsAt(first)) === 1);
    const [pending] = one.pendingLaunches.list();
    assert.ok(pending, 'the token was saved before sending');

    let destroyed = 0;
    const destroy = one.client.destroy.bind(one.client);
    one.client.destroy = () => { destroyed++; destroy(); };
    const two = await sessions.switchTo(viaSetting);
    assert.ok(one.isRetired);
    assert.equal(destroyed, 0, 'the client of a held session lives on');
    const [result] = await launching;
    assert.equal(destroyed, 1, 'and is destroyed once the launch is over');
    assert.equal(result.status, 'started', 'the held session kept its client');

    const firstKey = (part: 'pendingLaunches' | 'taskHistory') => accountStateKey(one.identity.key, part);
    const secondKey = (part: 'pendingLaunches' | 'taskHistory') => accountStateKey(two.identity.key, part);
    assert.equal(state.written.filter((key) => key === firstKey('pendingLaunches')).length, 2, 'saved, then removed, under the first account');
    assert.ok(!state.written.includes(secondKey('pendingLaunches')), 'never under the second');
    assert.equal(state.get(firstKey('pendingLaunches')), undefined);
    assert.ok((state.get<Array<{ taskName: string }>>(firstKey('taskHistory')) ?? []).some((task) => task.taskName === 'Spans a switch'), "the task is in the first account's history");
    assert.ok(!two.tasks('Sandbox').some((task) => task.taskName === 'Spans a switch'), "and not in the second's");
    assert.equal(await startsAt(second), 0);
  });

  it('a production (AWS) pending launch is re-sent only once confirmed, naming it and the endpoint; one over a day old is stale and never re-sent by itself', async () => {
    const sessions = sessionsOver(state);
    const probe = await sessions.switchTo(VIA_ENVIRONMENT);
    const [aws] = await first.engagements('AWS', { limit: 1, failing: false });
    const [sandboxNew, sandboxOld] = await first.engagements('Sandbox', { limit: 2, failing: false });
    const launches: PendingLaunch[] = [
      { clientToken: 'token-production', catalog: 'AWS', taskName: 'Production', identifiers: [aws], createdAt: new Date(Date.now() - HOUR).toISOString() },
      { clientToken: 'token-sandbox', catalog: 'Sandbox', taskName: 'Sandbox recent', identifiers: [sandboxNew], createdAt: new Date(Date.now() - HOUR).toISOString() },
      { clientToken: 'token-stale', catalog: 'Sandbox', taskName: 'Sandbox stale', identifiers: [sandboxOld], createdAt: new Date(Date.now() - 25 * HOUR).toISOString() },
    ];
    await state.update(accountStateKey(probe.identity.key, 'pendingLaunches'), launches);

    const asked: Array<{ launches: readonly PendingLaunch[]; where: string }> = [];
    const session = await sessions.switchTo(VIA_ENVIRONMENT);
    await resume(sessions, session, false, asked);
    const afterDeclined = await first.counts();
    assert.deepEqual([afterDeclined.tasksPerCatalog.Sandbox, afterDeclined.tasksPerCatalog.AWS ?? 0], [1, 0], 'only the recent Sandbox launch was re-sent');
    assert.deepEqual(Object.keys(afterDeclined.tasksPerClientToken), ['token-sandbox']);
    assert.equal(asked.length, 1, 'asked once');
    assert.deepEqual(asked[0].launches.map((launch) => launch.taskName), ['Production']);
    assert.match(asked[0].where, new RegExp(first.endpoint.replace(/[.:/]/g, '\\$&')));
    assert.deepEqual(session.pendingLaunches.list().map((launch) => launch.clientToken).sort(), ['token-production', 'token-stale'], 'declined and stale ones stay pending');
    assert.ok(log.lines.some((line) => /warn Pending launch "Sandbox stale".*over a day old/.test(line)));

    const again = await sessions.switchTo(VIA_ENVIRONMENT);
    await resume(sessions, again, true);
    const afterConfirmed = await first.counts();
    assert.deepEqual([afterConfirmed.tasksPerCatalog.Sandbox, afterConfirmed.tasksPerCatalog.AWS], [1, 1], 'the production launch once confirmed; the stale one still not');
    assert.deepEqual(Object.keys(afterConfirmed.tasksPerClientToken).sort(), ['token-production', 'token-sandbox']);
    assert.deepEqual(again.pendingLaunches.list().map((launch) => launch.clientToken), ['token-stale']);
  });
});

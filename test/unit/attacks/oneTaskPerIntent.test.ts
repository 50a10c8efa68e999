// Promise attacked: "A retried or repeated Start never creates a second task" (README, Security). A Start whose
// answer was lost is followed by every kind of "start it again" a user makes: another day, another source,
// another order, a subset, a superset, another name template. Only "Start a New Task Anyway" may make a second task.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { planBatches, type TaskBatch } from '../../../src/core/batchPlanning';
import type { Catalog } from '../../../src/core/catalog';
import { findPendingLaunch } from '../../../src/core/pendingLaunches';
import { renderTaskName } from '../../../src/core/taskNameTemplate';
import type { IdSourceKind } from '../../../src/ui/prompts';
import type { ConnectionSettings } from '../../../src/ui/config';
import { pendingQuestion, START_NEW_TASK_ANYWAY } from '../../../src/ui/launch/intentQuestions';
import type { AccountSession } from '../../../src/ui/session/accountSession';
import type { AccountSessions } from '../../../src/ui/session/accountSessions';
import { planIntendedLaunch, type IntentQuestions, type PendingAnswer } from '../../../src/ui/session/launchIntent';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';
import { useEmulatorCredentialsFromEnvironment } from '../aws/awsTestEnvironment';
import { CapturingLog, RecordingState, START, makeSessions } from '../ui/session/sessionKit';

const DAY = 24 * 60 * 60 * 1000;
const FIRST_DAY = new Date('2026-12-07T09:30:00.000Z');
const TEMPLATES = ['${fileName} ${date}', '${source} ${date} ${time}', 'Leads ${count} ${catalog}', '${workspaceFolder} prospects', 'Q3 outreach'];
const SOURCES: readonly IdSourceKind[] = ['selection', 'file', 'clipboard'];

interface Asked {
  pending: number;
  pendingTexts: string[];
  earlier: number;
}

/** The user's answers: `pending` to a lost-answer launch; earlier results are always started anyway. */
function answering(pending: PendingAnswer, asked: Asked): IntentQuestions {
  return {
    pending: async (overlap, catalog) => {
      asked.pending++;
      asked.pendingTexts.push(pendingQuestion(overlap, catalog));
      return pending;
    },
    earlier: async () => {
      asked.earlier++;
      return 'startAll';
    },
  };
}

function taskName(template: string, date: Date, source: IdSourceKind, count: number, catalog: Catalog): string {
  return renderTaskName(template, { fileName: source === 'file' ? 'accounts.csv' : undefined, workspaceName: 'crm', date, count, catalog, source });
}

describe('Attack: one task per intent (a lost answer, then every kind of "start it again")', function () {
  this.timeout(180_000);
  let emulator: TestEmulator;
  let restoreEnvironment: () => void;
  let settings: ConnectionSettings;
  const open: AccountSessions[] = [];

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false });
    settings = { region: 'us-east-1', endpoint: emulator.endpoint };
  });
  after(async () => {
    await emulator.close();
    restoreEnvironment();
  });
  afterEach(() => {
    for (const sessions of open.splice(0)) sessions.dispose();
  });

  async function freshAccount(): Promise<{ sessions: AccountSessions; session: AccountSession }> {
    await emulator.reset();
    const sessions = makeSessions(new RecordingState(), new CapturingLog());
    open.push(sessions);
    return { sessions, session: await sessions.switchTo(settings) };
  }

  /** A Start whose every attempt's answer is lost after the task was created: it stays pending. */
  async function lostStart(sessions: AccountSessions, session: AccountSession, catalog: Catalog, batch: TaskBatch): Promise<string> {
    await emulator.injectFault({ operation: START, fault: 'drop', count: 5 });
    const [result] = await sessions.launch(session, { catalog, batches: [batch] });
    await fetch(`${emulator.endpoint}/__emulator/faults`, { method: 'DELETE' });
    assert.ok(result.status === 'failed' && result.outcomeUnknown, `the answer was lost: ${JSON.stringify(result)}`);
    assert.equal((await emulator.counts()).tasksPerCatalog[catalog], 1, 'the task exists at the service');
    return result.clientToken;
  }

  /** What every Start command does (src/ui/launch/launchFlow.ts): check the intent, then launch. */
  async function startAgain(sessions: AccountSessions, catalog: Catalog, ids: string[], name: string, questions: IntentQuestions): Promise<void> {
    const session = await sessions.session();
    const intended = await planIntendedLaunch(session, { catalog, ids, taskName: name }, questions);
    assert.ok(intended, 'not cancelled');
    await sessions.launch(session, { catalog, batches: intended.batches, freshTokens: intended.freshTokens });
  }

  it('a production launch whose answer was lost, started again the next day from the clipboard with the IDs in another order, makes no second task: the re-send is offered', async () => {
    const { sessions, session } = await freshAccount();
    const ids = await emulator.engagements('AWS', { limit: 3, failing: false });
    const firstName = taskName('${fileName} ${date}', FIRST_DAY, 'file', ids.length, 'AWS');
    const token = await lostStart(sessions, session, 'AWS', planBatches(ids, firstName)[0]);

    const nextDay = new Date(FIRST_DAY.getTime() + DAY);
    const againName = taskName('${fileName} ${date}', nextDay, 'clipboard', ids.length, 'AWS');
    const reordered = [ids[2], ids[0], ids[1]];
    assert.notEqual(againName, firstName);
    assert.equal(findPendingLaunch(session.pendingLaunches.list(), { catalog: 'AWS', taskName: againName, identifiers: reordered }), undefined,
      'the token alone would not be reused: this is what made a second task');

    const asked: Asked = { pending: 0, pendingTexts: [], earlier: 0 };
    await startAgain(sessions, 'AWS', reordered, againName, answering('resend', asked));
    const counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.AWS, 1, 'no second task at the emulator');
    assert.deepEqual(counts.tasksPerClientToken, { [token]: 1 });
    assert.equal(asked.pending, 1, 'the user was asked');
    assert.match(asked.pendingTexts[0], /may already exist/);
    assert.match(asked.pendingTexts[0], /can never make a second task/);
    assert.match(asked.pendingTexts[0], new RegExp(`"${START_NEW_TASK_ANYWAY}" makes a new task for all 3: a second one if the first exists`));
    assert.doesNotMatch(asked.pendingTexts[0], /was not started/);
    assert.deepEqual(session.pendingLaunches.list(), [], 'no longer pending');
    assert.ok(session.tasks('AWS').some((task) => task.taskName === firstName), 'its task is followed under its first name');
  });

  it('"Start a New Task Anyway" is the only way to a second task, and the lost launch stays pending (re-sending it still makes none)', async () => {
    const { sessions, session } = await freshAccount();
    const ids = await emulator.engagements('AWS', { limit: 2, failing: false });
    const name = taskName('${fileName} ${date}', FIRST_DAY, 'file', ids.length, 'AWS');
    const token = await lostStart(sessions, session, 'AWS', planBatches(ids, name)[0]);

    const asked: Asked = { pending: 0, pendingTexts: [], earlier: 0 };
    await startAgain(sessions, 'AWS', ids.slice(), name, answering('newTask', asked));
    assert.equal(asked.pending, 1);
    let counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.AWS, 2, 'the second task the user asked for, even for exactly the same request');
    assert.deepEqual(session.pendingLaunches.list().map((launch) => launch.clientToken), [token], 'the lost launch is still pending');

    await startAgain(sessions, 'AWS', ids.slice(), name, answering('resend', asked));
    counts = await emulator.counts();
    assert.equal(counts.tasksPerCatalog.AWS, 2, 'the re-send found the first task: no third');
    assert.equal(counts.tasksPerClientToken[token], 1);
  });

  it('property: after a lost answer, a Start again on any day, from any source, in any order, with a subset or superset, under any template, makes no second task for a shared ID when the re-send is chosen', async () => {
    await emulator.reset();
    const known = await emulator.engagements('Sandbox', { limit: 12, failing: false });
    await fc.assert(fc.asyncProperty(
      fc.record({
        lost: fc.uniqueArray(fc.integer({ min: 0, max: known.length - 1 }), { minLength: 1, maxLength: 6 }),
        shared: fc.integer({ min: 1, max: 6 }),
        extra: fc.uniqueArray(fc.integer({ min: 0, max: known.length - 1 }), { maxLength: 4 }),
        order: fc.integer(),
        days: fc.integer({ min: 0, max: 400 }),
        firstTemplate: fc.constantFrom(...TEMPLATES),
        againTemplate: fc.constantFrom(...TEMPLATES),
        firstSource: fc.constantFrom(...SOURCES),
        againSource: fc.constantFrom(...SOURCES),
      }),
      async (attack) => {
        const { sessions, session } = await freshAccount();
        const lostIds = attack.lost.map((index) => known[index]);
        const firstName = taskName(attack.firstTemplate, FIRST_DAY, attack.firstSource, lostIds.length, 'Sandbox');
        const token = await lostStart(sessions, session, 'Sandbox', planBatches(lostIds, firstName)[0]);

        const shared = lostIds.slice(0, Math.min(attack.shared, lostIds.length));
        const extra = attack.extra.map((index) => known[index]).filter((id) => !lostIds.includes(id));
        const request = permute([...shared, ...extra], attack.order);
        const againName = taskName(attack.againTemplate, new Date(FIRST_DAY.getTime() + attack.days * DAY), attack.againSource, request.length, 'Sandbox');
        const asked: Asked = { pending: 0, pendingTexts: [], earlier: 0 };
        await startAgain(sessions, 'Sandbox', request, againName, answering('resend', asked));

        assert.equal(asked.pending, 1, 'the re-send was offered');
        const counts = await emulator.counts();
        assert.equal(counts.tasksPerClientToken[token], 1, 'the lost launch has its one task');
        assert.equal(counts.tasksPerCatalog.Sandbox, extra.length > 0 ? 2 : 1, 'a new task only for the IDs in no lost launch');
        const newTasks = session.tasks('Sandbox').filter((task) => task.taskName !== firstName);
        assert.ok(newTasks.every((task) => (task.identifiers ?? []).every((id) => !lostIds.includes(id))), 'no lost ID in a second task');
      },
    ), propertyRuns(12));
  });
});

function permute<T>(items: readonly T[], seed: number): T[] {
  const copy = items.slice();
  let state = (Math.abs(seed) % 2147483646) + 1;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 16807) % 2147483647;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

import * as assert from 'node:assert/strict';
import type { PendingLaunch } from '../../../../src/core/pendingLaunches';
import type { TaskRecord } from '../../../../src/core/tasks';
import { earlierQuestion } from '../../../../src/ui/launch/intentQuestions';
import { planIntendedLaunch, type EarlierAnswer, type IntentSource, type PendingAnswer } from '../../../../src/ui/session/launchIntent';

const A = 'eng-aaaaaaaaaaaaaa';
const B = 'eng-bbbbbbbbbbbbbb';
const C = 'eng-cccccccccccccc';
const D = 'eng-dddddddddddddd';

function source(pending: PendingLaunch[], tasks: TaskRecord[]): IntentSource {
  return { pendingLaunches: { list: () => pending }, tasks: (catalog) => tasks.filter((task) => task.catalog === catalog) };
}

function answers(pending?: PendingAnswer, earlier?: EarlierAnswer): { asked: string[]; questions: Parameters<typeof planIntendedLaunch>[2] } {
  const asked: string[] = [];
  return {
    asked,
    questions: {
      pending: async () => { asked.push('pending'); return pending; },
      earlier: async (results, requested, catalog) => { asked.push(earlierQuestion(results, requested, catalog)); return earlier; },
    },
  };
}

const lost: PendingLaunch = { clientToken: 'lost-token', catalog: 'AWS', taskName: 'accounts.csv 2026-12-07', identifiers: [A, B], createdAt: '2026-12-07T09:00:00.000Z' };
const done: TaskRecord = { taskId: 'task-done', catalog: 'AWS', taskName: 'Leads', startTime: '2026-12-05T09:00:00.000Z', endTime: '2026-12-05T10:00:00.000Z', totalCount: 1, completedCount: 1, failedCount: 0, identifiers: [C] };

describe('The launch the user means (planIntendedLaunch)', () => {
  it('re-sends the lost launch as it was, with its token, and starts only the other IDs as a new task', async () => {
    const { questions } = answers('resend');
    const planned = await planIntendedLaunch(source([lost], []), { catalog: 'AWS', ids: [D, B, A], taskName: 'clipboard 2026-12-08' }, questions);
    assert.ok(planned);
    assert.deepEqual(planned.batches.map((batch) => [batch.name, batch.identifiers, batch.clientToken]), [
      ['accounts.csv 2026-12-07', [A, B], 'lost-token'],
      ['clipboard 2026-12-08', [D], undefined],
    ]);
    assert.equal(planned.freshTokens, false);
  });

  it('"Start a New Task Anyway" starts every ID with a new token; dismissing either question starts nothing', async () => {
    const planned = await planIntendedLaunch(source([lost], []), { catalog: 'AWS', ids: [A, B], taskName: 'accounts.csv 2026-12-07' }, answers('newTask').questions);
    assert.ok(planned);
    assert.deepEqual(planned.batches.map((batch) => [batch.identifiers, batch.clientToken]), [[[A, B], undefined]]);
    assert.equal(planned.freshTokens, true, 'even for exactly the same request');
    assert.equal(await planIntendedLaunch(source([lost], []), { catalog: 'AWS', ids: [A], taskName: 'x' }, answers(undefined).questions), undefined);
    assert.equal(await planIntendedLaunch(source([], [done]), { catalog: 'AWS', ids: [C], taskName: 'x' }, answers(undefined, undefined).questions), undefined);
  });

  it('names how many engagements already have a result, with the task and date, and leaves them out on request', async () => {
    const { asked, questions } = answers(undefined, 'leaveOut');
    const planned = await planIntendedLaunch(source([], [done]), { catalog: 'AWS', ids: [C, D], taskName: 'Again' }, questions);
    assert.deepEqual(asked, ['1 of these 2 engagements already has a prospecting result in AWS in this account: 1 in "Leads" (completed 2026-12-05). Leave it out?']);
    assert.ok(planned);
    assert.deepEqual(planned.batches.map((batch) => batch.identifiers), [[D]]);
    assert.deepEqual(planned.leftOut, [C]);
  });

  it('a retry of failed engagements is not asked about earlier results, nor is another catalog', async () => {
    const { asked, questions } = answers(undefined, undefined);
    const retry = await planIntendedLaunch(source([], [done]), { catalog: 'AWS', ids: [C], taskName: 'Leads (retry)', retry: true }, questions);
    assert.deepEqual(retry?.batches.map((batch) => batch.identifiers), [[C]]);
    const sandbox = await planIntendedLaunch(source([lost], [done]), { catalog: 'Sandbox', ids: [A, C], taskName: 'Sandbox try' }, questions);
    assert.deepEqual(sandbox?.batches.map((batch) => batch.identifiers), [[A, C]]);
    assert.deepEqual(asked, []);
  });
});

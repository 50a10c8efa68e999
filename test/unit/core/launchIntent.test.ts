import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeEarlierTasks, findEarlierResults, findPendingOverlap } from '../../../src/core/launchIntent';
import type { PendingLaunch } from '../../../src/core/pendingLaunches';
import type { TaskRecord } from '../../../src/core/tasks';
import { propertyRuns } from '../../support/propertyRuns';

const ID_CHARS = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
const engagementId = fc.array(fc.constantFrom(...ID_CHARS), { minLength: 14, maxLength: 14 }).map((chars) => `eng-${chars.join('')}`);
const catalog = fc.constantFrom<'AWS' | 'Sandbox'>('AWS', 'Sandbox');

function pendingLaunch(identifiers: string[], overrides: Partial<PendingLaunch> = {}): PendingLaunch {
  return { clientToken: 'token-1', catalog: 'AWS', taskName: 'Clipboard 2026-12-07', identifiers, createdAt: '2026-12-07T10:00:00.000Z', ...overrides };
}

function task(overrides: Partial<TaskRecord>): TaskRecord {
  return { taskId: 'task-1', catalog: 'AWS', taskName: 'Leads', startTime: '2026-12-07T10:00:00.000Z', totalCount: 0, completedCount: 0, failedCount: 0, ...overrides };
}

describe('One task per intent: what counts as the same', () => {
  describe('a launch whose answer was lost', () => {
    it('is found for its IDs in another order, under another name, with more or fewer IDs', () => {
      const launch = pendingLaunch(['eng-aaaaaaaaaaaaaa', 'eng-bbbbbbbbbbbbbb', 'eng-cccccccccccccc']);
      const overlap = findPendingOverlap([launch], 'AWS', ['eng-dddddddddddddd', 'eng-cccccccccccccc', 'eng-aaaaaaaaaaaaaa']);
      assert.ok(overlap);
      assert.deepEqual(overlap.launches, [launch]);
      assert.deepEqual(overlap.sharedIds, ['eng-cccccccccccccc', 'eng-aaaaaaaaaaaaaa']);
      assert.deepEqual(overlap.otherIds, ['eng-dddddddddddddd']);
    });

    it('is not found in the other catalog, nor for other IDs', () => {
      const launch = pendingLaunch(['eng-aaaaaaaaaaaaaa']);
      assert.equal(findPendingOverlap([launch], 'Sandbox', ['eng-aaaaaaaaaaaaaa']), undefined);
      assert.equal(findPendingOverlap([launch], 'AWS', ['eng-bbbbbbbbbbbbbb']), undefined);
    });

    it('property: any permutation, subset or superset of its IDs, under any name, from any source, on any day, finds it', () => {
      fc.assert(fc.property(
        fc.uniqueArray(engagementId, { minLength: 1, maxLength: 30 }),
        fc.uniqueArray(engagementId, { maxLength: 10 }),
        fc.string(), catalog, fc.date({ min: new Date('2020-01-01'), max: new Date('2035-01-01'), noInvalidDate: true }),
        fc.integer({ min: 1 }), fc.integer({ min: 0 }),
        (ids, extra, name, where, day, keep, seed) => {
          const launch = pendingLaunch(ids, { catalog: where, taskName: name, createdAt: day.toISOString() });
          const kept = ids.filter((_, index) => (index + seed) % Math.max(1, keep % ids.length + 1) === 0);
          const subset = kept.length > 0 ? kept : [ids[0]];
          const request = shuffle([...subset, ...extra.filter((id) => !ids.includes(id))], seed);
          const overlap = findPendingOverlap([launch], where, request);
          assert.ok(overlap, 'found');
          assert.deepEqual(overlap.launches.map((found) => found.clientToken), [launch.clientToken]);
          assert.deepEqual([...overlap.sharedIds, ...overlap.otherIds].sort(), [...request].sort(), 'every requested ID is accounted for, none dropped');
          assert.ok(overlap.sharedIds.every((id) => ids.includes(id)));
        },
      ), propertyRuns());
    });

    it('property: IDs disjoint from every pending launch find none', () => {
      fc.assert(fc.property(
        fc.uniqueArray(engagementId, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 39 }), catalog,
        (ids, cut, where) => {
          const split = Math.min(cut, ids.length - 1);
          const launch = pendingLaunch(ids.slice(0, split), { catalog: where });
          assert.equal(findPendingOverlap([launch], where, ids.slice(split)), undefined);
        },
      ), propertyRuns());
    });
  });

  describe('a finished result', () => {
    it('counts completed engagements and those of a task that ended without failure; not failed ones', () => {
      const tasks = [
        task({ taskId: 'task-old', taskName: 'Old', endTime: '2026-12-01T10:00:00.000Z', failedCount: 0, identifiers: ['eng-aaaaaaaaaaaaaa'] }),
        task({
          taskId: 'task-mixed', taskName: 'Mixed', endTime: '2026-12-07T11:00:00.000Z', failedCount: 1, identifiers: ['eng-aaaaaaaaaaaaaa', 'eng-bbbbbbbbbbbbbb', 'eng-eeeeeeeeeeeeee'],
          engagements: [{ engagementId: 'eng-aaaaaaaaaaaaaa', status: 'COMPLETED' }, { engagementId: 'eng-bbbbbbbbbbbbbb', status: 'FAILED' }],
        }),
        task({ taskId: 'task-running', taskName: 'Running', identifiers: ['eng-cccccccccccccc'] }),
        task({ taskId: 'task-sandbox', catalog: 'Sandbox', endTime: '2026-12-07T11:00:00.000Z', identifiers: ['eng-dddddddddddddd'] }),
      ];
      const results = findEarlierResults(tasks, 'AWS', ['eng-dddddddddddddd', 'eng-cccccccccccccc', 'eng-bbbbbbbbbbbbbb', 'eng-aaaaaaaaaaaaaa', 'eng-eeeeeeeeeeeeee']);
      assert.ok(results);
      assert.deepEqual(results.ids, ['eng-cccccccccccccc', 'eng-aaaaaaaaaaaaaa'], 'the failed one, the other catalog and one whose outcome is unknown are not results');
      assert.deepEqual(results.tasks.map((found) => [found.taskName, found.state, found.ids]), [
        ['Mixed', 'completed', ['eng-aaaaaaaaaaaaaa']],
        ['Running', 'running', ['eng-cccccccccccccc']],
      ]);
      assert.equal(describeEarlierTasks(results), '1 in "Mixed" (completed 2026-12-07), 1 in "Running" (running since 2026-12-07)');
    });

    it('property: every ID of a task that ended without failure is found, under that task; others are not', () => {
      fc.assert(fc.property(
        fc.uniqueArray(engagementId, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 39 }), fc.integer(), catalog,
        (ids, cut, seed, where) => {
          const split = Math.min(cut, ids.length - 1);
          const done = task({ catalog: where, endTime: '2026-12-07T12:00:00.000Z', identifiers: ids.slice(0, split), totalCount: split, completedCount: split });
          const request = shuffle(ids, seed);
          const results = findEarlierResults([done], where, request);
          assert.ok(results);
          assert.deepEqual([...results.ids].sort(), ids.slice(0, split).sort());
          assert.deepEqual(results.ids, request.filter((id) => ids.slice(0, split).includes(id)), "in the request's order");
          assert.equal(findEarlierResults([done], where === 'AWS' ? 'Sandbox' : 'AWS', request), undefined);
        },
      ), propertyRuns());
    });
  });
});

/** A deterministic permutation of `items` for `seed`. */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const copy = items.slice();
  let state = (Math.abs(seed) % 2147483646) + 1;
  for (let index = copy.length - 1; index > 0; index--) {
    state = (state * 16807) % 2147483647;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

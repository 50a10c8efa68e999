import * as assert from 'node:assert/strict';
import { RateSpacer, delayBeforeNextLaunch } from '../../../src/core/launchPacing';
import { InMemoryPendingLaunchStore, batchesForPendingLaunches, findPendingLaunch } from '../../../src/core/pendingLaunches';

describe('launch pacing', () => {
  it('spaces launches 500 ms apart', () => {
    assert.equal(delayBeforeNextLaunch(undefined, 1000), 0);
    assert.equal(delayBeforeNextLaunch(1000, 1100), 400);
    assert.equal(delayBeforeNextLaunch(1000, 1600), 0);
  });

  it('RateSpacer follows the clock', () => {
    let now = 10_000;
    const spacer = new RateSpacer(500, () => now);
    assert.equal(spacer.delayBeforeNext(), 0);
    spacer.recordLaunch();
    assert.equal(spacer.delayBeforeNext(), 500);
    now += 200;
    assert.equal(spacer.delayBeforeNext(), 300);
    now += 300;
    assert.equal(spacer.delayBeforeNext(), 0);
  });
});

describe('pending launches', () => {
  const launch = { clientToken: 't1', catalog: 'Sandbox', taskName: 'Leads (1/2)', identifiers: ['eng-0123456789abcd'], createdAt: '2026-11-26T00:00:00.000Z' };

  it('finds a launch only for the same catalog, name and identifiers', () => {
    const store = new InMemoryPendingLaunchStore([launch]);
    assert.equal(findPendingLaunch(store.list(), { catalog: 'Sandbox', taskName: 'Leads (1/2)', identifiers: ['eng-0123456789abcd'] })?.clientToken, 't1');
    assert.equal(findPendingLaunch(store.list(), { catalog: 'AWS', taskName: 'Leads (1/2)', identifiers: ['eng-0123456789abcd'] }), undefined);
    assert.equal(findPendingLaunch(store.list(), { catalog: 'Sandbox', taskName: 'Leads', identifiers: ['eng-0123456789abcd'] }), undefined);
    assert.equal(findPendingLaunch(store.list(), { catalog: 'Sandbox', taskName: 'Leads (1/2)', identifiers: [] }), undefined);
    store.remove('t1');
    assert.deepEqual(store.list(), []);
  });

  it('turns pending launches back into batches', () => {
    assert.deepEqual(batchesForPendingLaunches([launch], 'Sandbox'), [{ index: 1, total: 1, name: 'Leads (1/2)', identifiers: ['eng-0123456789abcd'], clientToken: 't1' }]);
    assert.deepEqual(batchesForPendingLaunches([launch], 'AWS'), []);
  });
});

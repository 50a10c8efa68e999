import * as assert from 'node:assert/strict';
import { EngagementTitleCache, TITLES_PER_CALL } from '../../../../src/core/editor';

const id = (n: number): string => `eng-${String(n).padStart(14, '0')}`;

function fakeService(known: ReadonlyMap<string, string>) {
  const calls: string[][] = [];
  const companyCalls: string[] = [];
  let failNext = false;
  return {
    calls,
    companyCalls,
    failOnce: () => { failNext = true; },
    service: {
      async titles(ids: readonly string[]) {
        calls.push([...ids]);
        if (failNext) {
          failNext = false;
          throw new Error('Could not load credentials');
        }
        return new Map(ids.flatMap((asked) => (known.has(asked) ? [[asked, known.get(asked) ?? '']] : [])));
      },
      async company(asked: string) {
        companyCalls.push(asked);
        return asked === id(1) ? 'Example Corp' : undefined;
      },
    },
  };
}

describe('engagement title cache', () => {
  const known = new Map(Array.from({ length: 40 }, (_, n) => [id(n), `Title ${n}`] as const));

  it('looks up the hovered ID with up to 9 unknown companions in one call, then answers them without a call', async () => {
    const fake = fakeService(known);
    const cache = new EngagementTitleCache(fake.service, { minIntervalMs: 0 });
    const companions = Array.from({ length: 15 }, (_, n) => id(n + 1));
    assert.deepEqual(await cache.lookUp(id(0), companions), { kind: 'found', title: 'Title 0' });
    assert.equal(fake.calls.length, 1);
    assert.equal(fake.calls[0].length, TITLES_PER_CALL);
    assert.deepEqual(cache.cached(id(9)), { kind: 'found', title: 'Title 9' });
    assert.equal(cache.cached(id(10)), undefined, 'the eleventh was not asked for');
    await cache.lookUp(id(9), companions);
    assert.equal(fake.calls.length, 1, 'a known ID costs no call');
  });

  it('an ID the catalog does not list is remembered as not found; the company is asked once for found ones', async () => {
    const fake = fakeService(known);
    const cache = new EngagementTitleCache(fake.service, { minIntervalMs: 0 });
    assert.deepEqual(await cache.lookUp('eng-zzzzzzzzzzzzzz'), { kind: 'notFound' });
    assert.deepEqual(await cache.lookUp(id(1)), { kind: 'found', title: 'Title 1', company: 'Example Corp' });
    assert.deepEqual(await cache.lookUp(id(1)), { kind: 'found', title: 'Title 1', company: 'Example Corp' });
    assert.deepEqual(fake.companyCalls, [id(1)], 'GetEngagement only for the found ID, once');
  });

  it('concurrent look-ups share one call', async () => {
    const fake = fakeService(known);
    const cache = new EngagementTitleCache(fake.service, { minIntervalMs: 0 });
    const answers = await Promise.all([cache.lookUp(id(2), [id(3)]), cache.lookUp(id(3)), cache.lookUp(id(2))]);
    assert.deepEqual(answers.map((answer) => answer.kind === 'found' && answer.title), ['Title 2', 'Title 3', 'Title 2']);
    assert.equal(fake.calls.length, 1);
  });

  it('a failure is reported, not remembered', async () => {
    const fake = fakeService(known);
    const cache = new EngagementTitleCache(fake.service, { minIntervalMs: 0 });
    fake.failOnce();
    assert.deepEqual(await cache.lookUp(id(4)), { kind: 'unavailable', why: 'Could not load credentials' });
    assert.deepEqual(await cache.lookUp(id(4)), { kind: 'found', title: 'Title 4' });
  });

  it('spaces calls to stay within the read quota', async () => {
    const fake = fakeService(known);
    let now = 0;
    const waits: number[] = [];
    const cache = new EngagementTitleCache(fake.service, {
      minIntervalMs: 120,
      now: () => now,
      sleep: async (ms) => { waits.push(ms); now += ms; },
    });
    await Promise.all([cache.lookUp(id(20)), cache.lookUp(id(21)), cache.lookUp(id(22))]);
    // Three title calls and three company calls, each at least 120 ms after the one before.
    assert.equal(cache.calls, 6);
    assert.equal(waits.length, 5);
    assert.ok(waits.every((ms) => ms === 120), `waits ${waits.join(', ')}`);
  });
});

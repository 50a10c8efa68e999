import * as assert from 'node:assert/strict';
import { type PollResult, Poller } from '../../../../src/core/tasks/polling/poller';
import { nextPollDelay } from '../../../../src/core/tasks/polling/pollSchedule';
import { FakeClock } from './fakeClock';

interface Harness {
  clock: FakeClock;
  poller: Poller;
  /** Clock times at which polls started. */
  pollTimes: number[];
  errors: Array<{ error: unknown; consecutive: number }>;
  setActive(active: boolean): void;
  /** What the next polls answer (the last entry repeats). */
  answers: Array<PollResult | Error>;
  /** Most polls ever running at once. */
  maxConcurrentPolls: number;
}

function harness(options: { pollDurationMs?: number; afterPoll?: () => void } = {}): Harness {
  const clock = new FakeClock();
  let active = true;
  let running = 0;
  const h: Harness = {
    clock,
    pollTimes: [],
    errors: [],
    answers: [{ changed: false }],
    maxConcurrentPolls: 0,
    setActive: (value) => { active = value; },
    poller: undefined as unknown as Poller,
  };
  h.poller = new Poller({
    clock,
    hasActiveWork: () => active,
    onError: (error, consecutive) => h.errors.push({ error, consecutive }),
    poll: async () => {
      h.pollTimes.push(clock.now());
      running++;
      h.maxConcurrentPolls = Math.max(h.maxConcurrentPolls, running);
      try {
        const answer = h.answers.length > 1 ? h.answers.shift()! : h.answers[0];
        if (options.pollDurationMs) await new Promise<void>((resolve) => clock.setTimeout(resolve, options.pollDurationMs!));
        options.afterPoll?.();
        if (answer instanceof Error) throw answer;
        return answer;
      } finally {
        running--;
      }
    },
  });
  return h;
}

function intervals(times: readonly number[], start: number): number[] {
  return times.map((time, i) => time - (i === 0 ? start : times[i - 1]));
}

describe('nextPollDelay', () => {
  it('grows by 1.5 per unchanged poll from 2 s up to 30 s', () => {
    const delays = [0, 1, 2, 3, 7, 8, 50].map((unchangedPolls) => nextPollDelay({ unchangedPolls, consecutiveErrors: 0, focused: true }));
    assert.deepEqual(delays, [2000, 3000, 4500, 6750, 30000, 30000, 30000]);
  });

  it('waits 3 times longer unfocused, capped at 120 s', () => {
    assert.equal(nextPollDelay({ unchangedPolls: 0, consecutiveErrors: 0, focused: false }), 6000);
    assert.equal(nextPollDelay({ unchangedPolls: 50, consecutiveErrors: 0, focused: false }), 90000);
    assert.equal(nextPollDelay({ unchangedPolls: 0, consecutiveErrors: 6, focused: false }), 120000);
    assert.equal(nextPollDelay({ unchangedPolls: 50, consecutiveErrors: 0, focused: false }, { maxIdleMs: 60000 }), 120000);
  });

  it('doubles per consecutive error up to 120 s, never below the idle delay', () => {
    const delays = [1, 2, 3, 5, 6, 20].map((consecutiveErrors) => nextPollDelay({ unchangedPolls: 0, consecutiveErrors, focused: true }));
    assert.deepEqual(delays, [4000, 8000, 16000, 64000, 120000, 120000]);
    assert.equal(nextPollDelay({ unchangedPolls: 50, consecutiveErrors: 1, focused: true }), 30000);
  });

  it('honours custom options', () => {
    assert.equal(nextPollDelay({ unchangedPolls: 2, consecutiveErrors: 0, focused: true }, { fastMs: 1000, backoffFactor: 2 }), 4000);
  });
});

describe('Poller', () => {
  it('polls 2 s after kick, then backs off to 30 s while nothing changes', async () => {
    const h = harness();
    const start = h.clock.now();
    h.poller.kick();
    assert.equal(h.poller.polling, true);
    await h.clock.advance(160_000);
    assert.deepEqual(intervals(h.pollTimes, start), [2000, 3000, 4500, 6750, 10125, 15188, 22781, 30000, 30000, 30000]);
    h.poller.dispose();
  });

  it('makes 10 requests in the first 160 s of an idle task and 30 in 60 s of constant change', async () => {
    const idle = harness();
    idle.poller.kick();
    await idle.clock.advance(160_000);
    assert.equal(idle.pollTimes.length, 10);
    idle.poller.dispose();

    const busy = harness();
    busy.answers = [{ changed: true }];
    busy.poller.kick();
    await busy.clock.advance(60_000);
    assert.equal(busy.pollTimes.length, 30);
    busy.poller.dispose();
  });

  it('returns to the fast pace after a change', async () => {
    const h = harness();
    h.answers = [{ changed: false }, { changed: false }, { changed: false }, { changed: true }, { changed: false }];
    const start = h.clock.now();
    h.poller.kick();
    await h.clock.advance(30_000);
    assert.deepEqual(intervals(h.pollTimes, start).slice(0, 6), [2000, 3000, 4500, 6750, 2000, 3000]);
    h.poller.dispose();
  });

  it('a kick brings a slow schedule forward to within 2 s, but never delays an earlier poll', async () => {
    const h = harness();
    h.poller.kick();
    await h.clock.advance(60_000); // backed off: next poll > 20 s away
    const polls = h.pollTimes.length;
    const kickedAt = h.clock.now();
    h.poller.kick();
    await h.clock.advance(2_000);
    assert.equal(h.pollTimes.length, polls + 1);
    assert.equal(h.pollTimes.at(-1), kickedAt + 2000);
    h.poller.kick();
    await h.clock.advance(1_000);
    h.poller.kick(); // must not push the poll due in 1 s to 2 s
    await h.clock.advance(1_000);
    assert.equal(h.pollTimes.at(-1), kickedAt + 4000);
    h.poller.dispose();
  });

  it('polls less often unfocused and at once on refocus', async () => {
    const h = harness();
    h.poller.setFocused(false);
    const start = h.clock.now();
    h.poller.kick();
    await h.clock.advance(60_000);
    assert.deepEqual(intervals(h.pollTimes, start), [2000, 9000, 13500, 20250]);
    const polls = h.pollTimes.length;
    h.poller.setFocused(true);
    await h.clock.advance(0);
    assert.equal(h.pollTimes.length, polls + 1, 'refocus polls immediately');
    h.poller.setFocused(true); // already focused: no extra poll
    await h.clock.advance(0);
    assert.equal(h.pollTimes.length, polls + 1);
    h.poller.dispose();
  });

  it('over 10 idle minutes polls at least twice as often focused as unfocused', async () => {
    const count = async (focused: boolean): Promise<number> => {
      const h = harness();
      h.poller.setFocused(focused);
      h.poller.kick();
      await h.clock.advance(600_000);
      h.poller.dispose();
      return h.pollTimes.length;
    };
    const focused = await count(true);
    const unfocused = await count(false);
    assert.ok(focused >= 2 * unfocused, `focused ${focused}, unfocused ${unfocused}`);
    assert.equal(unfocused, 11);
  });

  it('stops when there is no active work, and restarts on kick', async () => {
    const h = harness();
    h.answers = [{ changed: true }];
    h.poller.kick();
    await h.clock.advance(2_000);
    assert.equal(h.pollTimes.length, 1);
    h.setActive(false);
    await h.clock.advance(60_000);
    assert.equal(h.pollTimes.length, 1, 'the due poll is skipped once nothing is active');
    assert.equal(h.poller.polling, false);
    assert.equal(h.clock.pendingTimers, 0);
    h.poller.kick();
    assert.equal(h.clock.pendingTimers, 0, 'a kick without active work schedules nothing');
    h.setActive(true);
    h.poller.kick();
    await h.clock.advance(2_000);
    assert.equal(h.pollTimes.length, 2);
    h.poller.dispose();
  });

  it('stops right after the poll that finished the last task', async () => {
    const h: Harness = harness({ afterPoll: () => h.setActive(false) });
    h.answers = [{ changed: true }];
    h.poller.kick();
    await h.clock.advance(2_000);
    assert.equal(h.poller.polling, false);
    assert.equal(h.clock.pendingTimers, 0);
    h.poller.dispose();
  });

  it('never overlaps polls: a slow poll delays the next one', async () => {
    const h = harness({ pollDurationMs: 10_000 });
    h.answers = [{ changed: true }];
    const start = h.clock.now();
    h.poller.kick();
    await h.clock.advance(3_000);
    h.poller.kick();
    h.poller.setFocused(false);
    h.poller.setFocused(true);
    await h.clock.advance(60_000);
    assert.equal(h.maxConcurrentPolls, 1);
    // Poll at 2 s runs until 12 s; the refocus during it asks for an immediate poll after it.
    assert.deepEqual(intervals(h.pollTimes, start).slice(0, 3), [2000, 10000, 12000]);
    h.poller.dispose();
  });

  it('dispose leaves no timer, starts no poll and ignores the result of a poll in flight', async () => {
    const h = harness({ pollDurationMs: 5_000 });
    h.poller.kick();
    await h.clock.advance(3_000); // the poll started at 2 s is in flight
    assert.equal(h.pollTimes.length, 1);
    h.answers = [new Error('late failure')];
    h.poller.dispose();
    h.poller.kick();
    h.poller.setFocused(false);
    h.poller.setFocused(true);
    await h.clock.advance(600_000);
    assert.equal(h.pollTimes.length, 1);
    assert.equal(h.errors.length, 0, 'the in-flight result is ignored');
    assert.equal(h.clock.pendingTimers, 0);
    assert.equal(h.poller.polling, false);

    const idle = harness();
    idle.poller.kick();
    idle.poller.dispose();
    assert.equal(idle.clock.pendingTimers, 0);
    await idle.clock.advance(10_000);
    assert.equal(idle.pollTimes.length, 0);
  });

  it('backs off on errors, reports each with its run length, and recovers on success', async () => {
    const h = harness();
    const failure = new Error('network down');
    h.answers = [failure, failure, failure, failure, failure, failure, failure, { changed: true }];
    const start = h.clock.now();
    h.poller.kick();
    await h.clock.advance(400_000);
    assert.deepEqual(intervals(h.pollTimes, start).slice(0, 9), [2000, 4000, 8000, 16000, 32000, 64000, 120000, 120000, 2000]);
    assert.deepEqual(h.errors.map((e) => e.consecutive), [1, 2, 3, 4, 5, 6, 7]);
    assert.equal(h.errors[0].error, failure);
    h.poller.dispose();
  });

  it('keeps polling when onError throws', async () => {
    const clock = new FakeClock();
    let polls = 0;
    const poller = new Poller({
      clock,
      hasActiveWork: () => true,
      poll: async () => {
        polls++;
        throw new Error('fails');
      },
      onError: () => {
        throw new Error('handler bug');
      },
    });
    poller.kick();
    await clock.advance(20_000);
    assert.equal(polls, 3);
    poller.dispose();
  });
});

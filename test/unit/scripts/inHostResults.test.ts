import * as assert from 'node:assert/strict';
import { inHostFailure } from '../../../scripts/inHostResults';
import type { InHostResults } from '../../integration/index';

function results(overrides: Partial<InHostResults>): InHostResults {
  return { passes: 3, failures: 0, pending: 0, durationMs: 10, tests: [], ...overrides };
}

describe('in-host runner verdict', () => {
  it('passes only when tests ran and none failed', () => {
    assert.equal(inHostFailure(results({})), undefined);
    assert.equal(inHostFailure(results({ pending: 2 })), undefined);
  });

  it('fails without results, on a fatal error and on failing tests', () => {
    assert.match(inHostFailure(undefined) ?? '', /no results/);
    assert.match(inHostFailure(results({ fatal: 'Error: cannot find module' })) ?? '', /could not run/);
    assert.equal(inHostFailure(results({ failures: 2 })), '2 failing');
  });

  it('fails when no test ran at all, instead of reporting success', () => {
    assert.match(inHostFailure(results({ passes: 0, pending: 1 })) ?? '', /no test ran/);
  });
});

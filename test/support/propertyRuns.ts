import type { Parameters } from 'fast-check';

/**
 * Options for every fast-check property in the suites: a fixed seed, so a run is repeatable and a failure
 * names the same counterexample on every machine; PROPERTY_SEED and PROPERTY_RUNS override them to explore.
 */
export function propertyRuns<T>(numRuns = 200): Parameters<T> {
  const seed = Number(process.env.PROPERTY_SEED ?? 20261208);
  const runs = Number(process.env.PROPERTY_RUNS ?? numRuns);
  return { seed, numRuns: runs, endOnFailure: true };
}

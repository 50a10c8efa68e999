import type { InHostResults } from '../test/integration/index';

/** Prints the in-host suites' results (written by test/integration/index.ts) like mocha's spec reporter. */
export function printResults(results: InHostResults): void {
  console.log(`\nIn-host suites in VS Code ${results.vscodeVersion ?? '?'} (remote ${results.remoteName ?? 'none'}):`);
  for (const test of results.tests) {
    const mark = test.state === 'passed' ? '  \u2714' : test.state === 'failed' ? '  \u2718' : '  -';
    const time = test.durationMs !== undefined ? ` (${test.durationMs} ms)` : '';
    console.log(`${mark} ${test.title}${time}`);
  }
  const failed = results.tests.filter((t) => t.state === 'failed');
  failed.forEach((test, i) => {
    console.log(`\n  ${i + 1}) ${test.title}\n     ${test.error ?? ''}`);
    const frames = (test.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line)).slice(0, 4);
    if (frames.length > 0) console.log(frames.join('\n'));
  });
  if (results.fatal) console.log(`\n  The suites could not run: ${results.fatal}`);
  console.log(`\n  ${results.passes} passing, ${results.failures} failing, ${results.pending} pending (${(results.durationMs / 1000).toFixed(1)} s in the extension host)\n`);
}

/** Why an in-host run failed (no results, a fatal error, failing tests, or no test at all), or undefined when it passed. */
export function inHostFailure(results: InHostResults | undefined): string | undefined {
  if (!results) return 'no results from the extension host';
  if (results.fatal) return 'the suites could not run';
  if (results.failures > 0) return `${results.failures} failing`;
  if (results.passes === 0) return 'no test ran (nothing compiled under out/test/integration, or PARTNER_CENTRAL_TEST_GREP matches nothing)';
  return undefined;
}

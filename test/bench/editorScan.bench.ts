// Benchmark: the scan behind the editor's diagnostics, decorations and CodeLens (src/core/editor/documentScan.ts),
// as the extension host runs it: chunks, yielding to the event loop (setImmediate) after each slice of work.
//   node out/test/bench/editorScan.bench.js            10 MB document, best of 7
//   node out/test/bench/editorScan.bench.js --quick    1 MB, 1 run (CI: checks it still runs)
//   node out/test/bench/editorScan.bench.js --dense    an ID on every other line (worst case for per-hit work)
// Budget for 10 MB: the scan completes within 100 ms and never blocks the event loop for more than 50 ms
// (judged on CPU time, every run including the cold first one; wall-clock figures are printed beside it).
import { scanDocumentText, type DocumentScan } from '../../src/core/editor';
import { extractEngagementIds } from '../../src/core/engagementIds';
import { benchText } from './benchFiles';

const quick = process.argv.includes('--quick');
const dense = process.argv.includes('--dense');
const targetChars = quick ? 1e6 : 10e6;
const runs = quick ? 1 : 7;
const SCAN_BUDGET_MS = 100;
const BLOCK_BUDGET_MS = 50;

interface Measure {
  /** From the call to the answer, yields included. */
  totalMs: number;
  /** The longest stretch without a yield: how long the event loop was blocked at most. */
  longestBlockMs: number;
  slices: number;
  /** The same, in CPU time of this process: what the scan itself costs, without time the machine gave to others. */
  totalCpuMs: number;
  longestBlockCpuMs: number;
  scan: DocumentScan;
}

const cpuMs = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

async function measure(text: string): Promise<Measure> {
  const blocks: number[] = [];
  const cpuBlocks: number[] = [];
  let sliceStart = performance.now();
  let sliceCpuStart = cpuMs();
  const started = sliceStart;
  const startedCpu = sliceCpuStart;
  let yieldCpu = 0;
  const scan = await scanDocumentText(text, {
    yield: async () => {
      blocks.push(performance.now() - sliceStart);
      cpuBlocks.push(cpuMs() - sliceCpuStart);
      const before = cpuMs();
      await new Promise((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
      sliceCpuStart = cpuMs();
      yieldCpu += sliceCpuStart - before;
    },
  });
  const ended = performance.now();
  const endedCpu = cpuMs();
  blocks.push(ended - sliceStart);
  cpuBlocks.push(endedCpu - sliceCpuStart);
  if (!scan) throw new Error('the scan was cancelled');
  return {
    totalMs: ended - started,
    longestBlockMs: Math.max(...blocks),
    slices: blocks.length,
    totalCpuMs: endedCpu - startedCpu - yieldCpu,
    longestBlockCpuMs: Math.max(...cpuBlocks),
    scan,
  };
}

async function main(): Promise<void> {
  const text = benchText(dense ? 'dense' : 'sparse', targetChars);
  const megabytes = text.length / 1e6;
  console.log(`document: ${megabytes.toFixed(1)} M characters, ${dense ? 'dense' : 'typical'} mix, ${runs === 1 ? '1 run' : `best of ${runs}`}`);
  const measures: Measure[] = [];
  for (let run = 0; run < runs; run++) measures.push(await measure(text));
  const best = measures.reduce((a, b) => (b.totalMs < a.totalMs ? b : a));
  const worstBlock = Math.max(...measures.map((m) => m.longestBlockMs));
  const { scan } = best;
  console.log(`found: ${scan.ids.length} distinct IDs, ${scan.occurrences.length} occurrences, ${scan.nearMissCount} near misses`);
  console.log(`scan time:        ${best.totalMs.toFixed(1).padStart(6)} ms  (best run; first run ${measures[0].totalMs.toFixed(1)} ms; budget ${SCAN_BUDGET_MS} ms for 10 MB)`);
  console.log(`longest block:    ${best.longestBlockMs.toFixed(1).padStart(6)} ms  (best run; worst over all runs ${worstBlock.toFixed(1)} ms; budget ${BLOCK_BUDGET_MS} ms)`);
  console.log(`slices:           ${String(best.slices).padStart(6)}`);
  const bestCpu = measures.reduce((a, b) => (b.totalCpuMs < a.totalCpuMs ? b : a));
  console.log(`CPU time:         ${bestCpu.totalCpuMs.toFixed(1).padStart(6)} ms scan, ${bestCpu.longestBlockCpuMs.toFixed(1)} ms longest block (best run; first run ${measures[0].totalCpuMs.toFixed(1)} ms, ${measures[0].longestBlockCpuMs.toFixed(1)} ms; wall time above includes time the machine gave to other processes)`);

  const reference = extractEngagementIds(text);
  if (JSON.stringify(reference.ids) !== JSON.stringify(scan.ids) || reference.occurrences !== scan.occurrences.length) {
    throw new Error('the document scan disagrees with extractEngagementIds');
  }
  if (quick) {
    console.log('quick run: not judged against the 10 MB budget (one cold run of a smaller document)');
    return;
  }
  // Judged on CPU time, first (cold) run included: on a shared machine wall time also counts other processes' turns.
  const worstCpu = Math.max(...measures.map((m) => m.totalCpuMs));
  const worstCpuBlock = Math.max(...measures.map((m) => m.longestBlockCpuMs));
  const withinBudget = worstCpu <= SCAN_BUDGET_MS && worstCpuBlock <= BLOCK_BUDGET_MS;
  console.log(`${withinBudget ? 'within budget' : 'OVER budget'} (CPU time, worst run: ${worstCpu.toFixed(1)} ms scan, ${worstCpuBlock.toFixed(1)} ms longest block)`);
  if (!withinBudget) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

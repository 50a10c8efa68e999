// Benchmark: engagement ID extraction vs ripgrep, reading the file included (issue 11), and how long extraction
// holds the event loop on a 50 MB single line (issue 8). Every option must find rg's IDs: the same distinct
// count, the same first-seen order (of the first 10,000 where only those are listed), and, for the capped scan,
// the same set counted.
//   node out/test/bench/extractIds.bench.js             sparse + dense (100 MB) and wild (118 MB), best of 7
//   node out/test/bench/extractIds.bench.js --quick     3 MB files, 1 run (CI: checks the bench still runs and agrees with rg)
//   --runs N, --only sparse|dense|wild|block, --keep (leave the generated files in the temp directory)
// The machine may be shared: runs are interleaved (rg, then each option, N times) and the best of each is kept;
// the load average is printed with the results. Our options run in a child process that never starts another:
// in a process that has just run spawnSync, the next 100 MB scan measured 40 ms slower (the same after
// spawnSync('true')), so timing them beside rg's spawns in one process would charge them for the spawning.
import { fork, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collectEngagementIds, type CollectedIds } from '../../src/core/collectedIds';
import { EngagementIdByteScanner, EngagementIdScanner, type IdExtraction } from '../../src/core/engagementIds';
import { keyOf } from '../../src/core/engagementIds/idTable';
import { FILE_CHUNK_BYTES, readFileChunks } from '../../src/ui/sources/fileChunks';
import { generateBenchFile, type BenchShape } from './benchFiles';

const RIPGREP = '/usr/bin/rg';
const RG_PATTERN = String.raw`\beng-[0-9a-z]{14}\b`;
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const keepFiles = argv.includes('--keep');
const runs = quick ? 1 : Number(argv[argv.indexOf('--runs') + 1] ?? 7) || 7;
const only = argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : undefined;

const FILES: Array<{ shape: BenchShape; bytes: number }> = [
  { shape: 'sparse', bytes: quick ? 3e6 : 100e6 },
  { shape: 'dense', bytes: quick ? 3e6 : 100e6 },
  { shape: 'wild', bytes: quick ? 3e6 : 118e6 },
];

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The extension's default cap (partnerCentral.maxIdsPerLaunch). */
const MAX_IDS = 10_000;

/** Each option reads the file itself and returns the distinct IDs it found (the first MAX_IDS, when capped) and how many. */
const OPTIONS: Array<{ name: string; run: (file: string) => Promise<Found> | Found }> = [
  {
    name: 'extension: async reads, byte scanner, 10k listed',
    run: async (file) => foundIn(await scanAsExtensionDoes(file, MAX_IDS)),
  },
  {
    name: 'byte scanner, sync reads, every ID listed',
    run: (file) => foundIn(scanSync(file, (scanner, bytes) => scanner.push(bytes), new EngagementIdByteScanner())),
  },
  {
    name: 'before: sync reads decoded, string scanner',
    run: (file) => foundIn(scanDecoded(file)),
  },
];

interface Found {
  ids: string[];
  distinct: number;
}

function foundIn(extraction: IdExtraction | CollectedIds): Found {
  return { ids: extraction.ids.map(({ id }) => id), distinct: extraction.distinctIds };
}

/** A file read synchronously in FILE_CHUNK_BYTES reads, each handed to `push`: what a worker thread would do. */
function scanSync<S extends { finish(): IdExtraction }>(file: string, push: (scanner: S, bytes: Uint8Array) => void, scanner: S): IdExtraction {
  const buffer = new Uint8Array(FILE_CHUNK_BYTES);
  const fd = openSync(file, 'r');
  try {
    for (let read = readSync(fd, buffer); read > 0; read = readSync(fd, buffer)) push(scanner, buffer.subarray(0, read));
  } finally {
    closeSync(fd);
  }
  return scanner.finish();
}

/** The design this replaced: bytes decoded to text in chunks of 64 KB, then the string scanner (what documents use). */
function scanDecoded(file: string): IdExtraction {
  const decoder = new TextDecoder();
  const scanner = new EngagementIdScanner();
  const decodingScanner = { finish: () => scanner.finish(decoder.decode()) };
  return scanSync(file, (_, bytes) => {
    for (let at = 0; at < bytes.length; at += 65536) scanner.push(decoder.decode(bytes.subarray(at, at + 65536), { stream: true }));
  }, decodingScanner);
}

/** What "Start Prospecting Task from File" does with a file on disk (minus VS Code): chunked reads, yields. */
function scanAsExtensionDoes(file: string, maxIds?: number): Promise<CollectedIds> {
  const piece = { origin: path.basename(file), bytes: () => readFileChunks(file), size: statSync(file).size, startLine: 0, startColumn: 0 };
  return collectEngagementIds([piece], { maxIds, yieldBetweenChunks: yieldToEventLoop });
}

/** rg's match count, and the CPU time of rg and wc (the shell's `times`, 10 ms resolution). */
function ripgrepTimed(file: string): { matches: number; cpuMs: number } {
  const result = spawnSync('sh', ['-c', `${RIPGREP} -o '${RG_PATTERN}' '${file}' | wc -l; times`], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`ripgrep failed: ${result.stderr}`);
  const lines = result.stdout.trim().split('\n');
  const seconds = [...(lines.at(-1) ?? '').matchAll(/(\d+)m([\d.]+)s/g)].map(([, minutes, secs]) => 60 * Number(minutes) + Number(secs));
  return { matches: Number(lines[0]), cpuMs: 1000 * seconds.reduce((total, value) => total + value, 0) };
}

/** rg's distinct IDs in first-seen order (rg prints matches in file order). */
function ripgrepIds(file: string): string[] {
  const result = spawnSync(RIPGREP, ['-o', '--no-filename', '--no-line-number', RG_PATTERN, file], { encoding: 'latin1', maxBuffer: 1 << 30 });
  if (result.status !== 0 && result.status !== 1) throw new Error(`ripgrep failed: ${result.stderr}`);
  return [...new Set(result.stdout.split('\n').filter((line) => line.length > 0))];
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; cpuMs: number; result: T }> {
  const cpu = process.cpuUsage();
  const started = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, result };
}

const load = (): string => os.loadavg().map((value) => value.toFixed(2)).join(' ');

/** What the measuring child sends back for one run of one option. */
interface OptionRun {
  ms: number;
  cpuMs: number;
  found: Found;
}

/** The measuring child: runs the option it is sent on the file it is sent, and answers with the time taken. */
function serveOptionRuns(): void {
  process.on('message', (request: { option: number; file: string }) => {
    void timed(() => OPTIONS[request.option].run(request.file)).then(({ ms, cpuMs, result }) => process.send?.({ ms, cpuMs, found: result } satisfies OptionRun));
  });
}

function runInChild(child: ChildProcess, option: number, file: string): Promise<OptionRun> {
  return new Promise((resolve, reject) => {
    const exited = (code: number | null): void => reject(new Error(`the measuring process exited (${code})`));
    child.once('exit', exited);
    child.once('message', (answer) => {
      child.off('exit', exited);
      resolve(answer as OptionRun);
    });
    child.send({ option, file });
  });
}

async function compareWithRipgrep(shape: BenchShape, bytes: number): Promise<void> {
  const file = path.join(os.tmpdir(), `engagement-ids-bench-${shape}-${process.pid}.txt`);
  const child = fork(__filename, ['--serve-option-runs'], { stdio: 'inherit' });
  try {
    generateBenchFile(file, shape, bytes);
    const megabytes = statSync(file).size / 1e6;
    const expected = ripgrepIds(file);
    let rgBest = Infinity;
    let rgCpu = Infinity;
    let rgMatches = 0;
    const best = OPTIONS.map(() => ({ ms: Infinity, cpuMs: Infinity }));
    for (let run = 0; run < runs; run++) {
      const rg = await timed(() => ripgrepTimed(file));
      rgBest = Math.min(rgBest, rg.ms);
      rgCpu = Math.min(rgCpu, rg.result.cpuMs);
      rgMatches = rg.result.matches;
      for (const [index, option] of OPTIONS.entries()) {
        const { ms, cpuMs, found } = await runInChild(child, index, file);
        best[index] = { ms: Math.min(best[index].ms, ms), cpuMs: Math.min(best[index].cpuMs, cpuMs) };
        if (run === 0) checkSameIds(`${option.name} on ${shape}`, found, expected);
      }
    }
    checkCountedSet(shape, file, expected);
    const sample = await scanAsExtensionDoes(file);
    console.log(`\n${shape}: ${megabytes.toFixed(1)} MB, rg: ${rgMatches} matches, ${expected.length} distinct; ours: ${sample.distinctIds} distinct, ` +
      `${sample.occurrences} occurrences, ${sample.nearMissCount} near misses; best of ${runs}, load ${load()}`);
    console.log(`${'option'.padEnd(48)} ${'file'.padEnd(7)} ${'ours ms'.padStart(8)} ${'rg ms'.padStart(7)} ${'ratio'.padStart(6)}   ${'CPU: ours'.padStart(9)} ${'rg'.padStart(5)} ${'ratio'.padStart(6)}`);
    for (const [index, option] of OPTIONS.entries()) {
      const { ms, cpuMs } = best[index];
      console.log(`${option.name.padEnd(48)} ${shape.padEnd(7)} ${ms.toFixed(0).padStart(8)} ${rgBest.toFixed(0).padStart(7)} ${(ms / rgBest).toFixed(2).padStart(5)}x   ` +
        `${cpuMs.toFixed(0).padStart(9)} ${rgCpu.toFixed(0).padStart(5)} ${(cpuMs / rgCpu).toFixed(2).padStart(5)}x`);
    }
    if (shape === 'wild') measureMemory(file);
  } finally {
    child.kill();
    if (!keepFiles) rmSync(file, { force: true });
  }
}

/**
 * The capped scan lists 10,000 IDs but counts every one: the IDs it counted (its table) must be exactly rg's set,
 * not only as many.
 */
function checkCountedSet(shape: BenchShape, file: string, expected: readonly string[]): void {
  const scanner = new EngagementIdByteScanner({ maxIds: MAX_IDS });
  scanSync(file, (capped, bytes) => capped.push(bytes), scanner);
  const missing = expected.filter((id) => scanner.idTable.countOf(...keyOf(id)) === 0);
  if (scanner.idTable.size !== expected.length || missing.length > 0) {
    throw new Error(`${shape}: the capped scan counted ${scanner.idTable.size} IDs, rg found ${expected.length}; ${missing.length} of rg's are missing (${missing.slice(0, 3).join(', ')})`);
  }
}

/** Same IDs as rg, in the same first-seen order; a capped result: rg's first ones, and the same count. */
function checkSameIds(what: string, found: Found, expected: readonly string[]): void {
  const wanted = found.ids.length < found.distinct ? expected.slice(0, found.ids.length) : expected;
  const mismatch = found.ids.findIndex((id, index) => id !== wanted[index]);
  if (found.distinct !== expected.length || found.ids.length !== wanted.length || mismatch !== -1) {
    throw new Error(`${what}: not rg's IDs (${found.distinct} distinct, ${found.ids.length} listed, rg ${expected.length}; first difference at ${mismatch}: ${found.ids[mismatch]} vs ${wanted[mismatch]})`);
  }
}

/** Peak memory of the extension's path in a fresh process, so nothing else this process did counts. */
function measureMemory(file: string): void {
  const child = spawnSync(process.execPath, [__filename, '--memory-of', file], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`memory run failed: ${child.stderr}`);
  const { maxRssMb, baselineRssMb } = JSON.parse(child.stdout) as { maxRssMb: number; baselineRssMb: number };
  const fileMb = statSync(file).size / (1024 * 1024);
  console.log(`peak memory (extension path, fresh process): ${maxRssMb.toFixed(0)} MB RSS for a ${fileMb.toFixed(0)} MB file ` +
    `(${(maxRssMb / fileMb).toFixed(2)}x the file; Node alone ${baselineRssMb.toFixed(0)} MB)`);
}

async function memoryOf(file: string): Promise<void> {
  const baselineRssMb = memoryStatus('VmRSS');
  await scanAsExtensionDoes(file, MAX_IDS);
  process.stdout.write(JSON.stringify({ maxRssMb: memoryStatus('VmHWM'), baselineRssMb }));
}

/**
 * A line of /proc/self/status in MB. VmHWM is this process's peak RSS; getrusage's maxRSS is not, on Linux: a
 * spawned process starts with its parent's peak (here, the bench holding the generated file).
 */
function memoryStatus(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) / 1024 : process.resourceUsage().maxRSS / 1024;
}

/** A 50 MB line of distinct IDs (minified JSON), scanned as the extension does; how long the event loop is held. */
async function eventLoopBlock(): Promise<void> {
  const count = quick ? 100_000 : 2_630_000;
  const file = path.join(os.tmpdir(), `engagement-ids-bench-line-${process.pid}.json`);
  try {
    writeSingleLine(file, count);
    const cpuMs = (): number => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    };
    const delay = monitorEventLoopDelay({ resolution: 1 });
    let longestCpuStep = 0;
    let lastCpu = cpuMs();
    const probe = setInterval(() => {
      const now = cpuMs();
      longestCpuStep = Math.max(longestCpuStep, now - lastCpu);
      lastCpu = now;
    }, 1);
    delay.enable();
    const { ms, result } = await timed(() => scanAsExtensionDoes(file, 10_000));
    delay.disable();
    clearInterval(probe);
    longestCpuStep = Math.max(longestCpuStep, cpuMs() - lastCpu);
    if (result.distinctIds !== count || result.ids.length !== 10_000) throw new Error(`single line: ${result.distinctIds} distinct, ${result.ids.length} listed`);
    console.log(`\nsingle line: ${(statSync(file).size / 1e6).toFixed(1)} MB, ${count} distinct IDs, cap 10,000: ${ms.toFixed(0)} ms in all; ` +
      `longest event-loop block ${(delay.max / 1e6).toFixed(0)} ms wall (monitorEventLoopDelay), ${longestCpuStep.toFixed(0)} ms CPU (timer probe); load ${load()}`);
  } finally {
    rmSync(file, { force: true });
  }
}

function writeSingleLine(file: string, count: number): void {
  const buffer = Buffer.alloc(21 * count + 1, ',');
  buffer[0] = 0x5b; // [
  for (let i = 0; i < count; i++) {
    const at = 1 + 21 * i;
    buffer[at] = 0x22;
    buffer.write(`eng-${(i * 7919).toString(36).padStart(14, '0')}`, at + 1, 'latin1');
    buffer[at + 19] = 0x22;
  }
  buffer[buffer.length - 1] = 0x5d; // ]
  writeFileSync(file, buffer);
}

async function main(): Promise<void> {
  if (argv[0] === '--memory-of') return memoryOf(argv[1]);
  if (argv[0] === '--serve-option-runs') return serveOptionRuns();
  console.log(`extraction vs ${RIPGREP} -o '${RG_PATTERN}' | wc -l; ${os.cpus().length} cores, load ${load()}${quick ? ' (quick: small files, 1 run)' : ''}`);
  for (const { shape, bytes } of FILES) if (!only || only === shape) await compareWithRipgrep(shape, bytes);
  if (!only || only === 'block') await eventLoopBlock();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});

// Generated inputs for the extraction benchmark. Every generator is seeded, so every run measures the same bytes.
import { writeFileSync } from 'node:fs';
import { seededRandom } from '../support/seededRandom';

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function bodies(next: () => number): (length?: number) => string {
  return (length = 14) => {
    let body = '';
    for (let i = 0; i < length; i++) body += ALPHABET[Math.floor(next() * 36)];
    return body;
  };
}

export type BenchShape = 'sparse' | 'dense' | 'wild';

/** About `targetBytes` of text of the given shape (ASCII, so characters and bytes agree). */
export function benchText(shape: BenchShape, targetBytes: number): string {
  return shape === 'wild' ? wildText(targetBytes) : projectText(shape === 'dense', targetBytes);
}

/** Writes `targetBytes` (about) of the given shape to `file` (ASCII). */
export function generateBenchFile(file: string, shape: BenchShape, targetBytes: number): void {
  writeFileSync(file, benchText(shape, targetBytes), 'latin1');
}

/** The project's own file: noise lines, an ID every 20th (or, dense, every other) line, a few near misses. */
function projectText(dense: boolean, targetBytes: number): string {
  const next = seededRandom(42);
  const body = bodies(next);
  const known: string[] = [];
  const id = (): string => {
    if (known.length > 0 && next() < 0.3) return known[Math.floor(next() * known.length)];
    const fresh = `eng-${body()}`;
    known.push(fresh);
    return fresh;
  };
  const nearMisses = [(): string => `ENG-${body().toUpperCase()}`, () => `eng-${body(13)}`, () => `eng_${body()}`, () => `eng-${body(15)}`];
  const noise = [
    '2026-11-26T10:00:00Z INFO request handled in 12 ms by worker-3 (engine ready, long-term cache warm)',
    '"customer","Example Corp","https://example.com/accounts?id=42","North America","Enterprise"',
    'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.',
    '{"status": "ok", "items": [1, 2, 3], "next": null, "engineering-team": "platform"}',
  ];
  const idEvery = dense ? 2 : 20;
  const parts: string[] = [];
  let size = 0;
  for (let line = 0; size < targetBytes; line++) {
    let text = noise[line % noise.length];
    if (line % idEvery === 0) text = `${id()},${text}`;
    if (line % 400 === 7) text += ` ${nearMisses[line % nearMisses.length]()}`;
    text += line % 3 === 0 ? '\r\n' : '\n';
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

/**
 * A file nobody tuned for (issue 11): JSON log lines, CSV rows with URLs that hold IDs, tab-separated repeated
 * IDs, prose full of `engineering`, `engagement` and `engine`, and dense lines of near misses (`ENG-` upper case,
 * 13 and 15 characters, `eng_`). About 150,000 distinct IDs, over a million occurrences at 118 MB.
 */
function wildText(targetBytes: number): string {
  const next = seededRandom(20261129);
  const body = bodies(next);
  const distinct = Math.max(1000, Math.round((150_000 * targetBytes) / 118e6));
  const pool = Array.from({ length: distinct }, () => `eng-${body()}`);
  const pick = (): string => pool[Math.floor(next() * pool.length)];
  const int = (below: number): number => Math.floor(next() * below);
  const words = ['engineering', 'engagement', 'engine', 'engaged', 'the', 'review', 'partner', 'opportunity', 'Engineering', 'ENGINE', 'eng', 'length', 'strength', 'long-term'];
  const prose = (count: number): string => Array.from({ length: count }, () => words[int(words.length)]).join(' ');
  const nearMiss = (): string => {
    switch (int(5)) {
      case 0: return `ENG-${body().toUpperCase()}`;
      case 1: return `eng-${body(13)}`;
      case 2: return `eng-${body(15)}`;
      case 3: return `eng_${body()}`;
      default: return `Eng-${body()}`;
    }
  };
  const lines: Array<() => string> = [
    () => `{"ts":"2026-11-${10 + int(20)}T10:${10 + int(50)}:00.${100 + int(900)}Z","level":"info","msg":"${prose(4)}","engagementId":"${pick()}","related":["${pick()}","${pick()}"],"team":"engineering"}`,
    () => `${int(100000)},"Example Corp ${int(1000)}",https://partnercentral.example.com/engagements/${pick()}?tab=overview&ref=${pick()},${pick()},North America,${prose(2)}`,
    () => { const id = pick(); return [id, id, pick(), id, pick(), id].join('\t'); },
    () => `${prose(12)}; ${prose(6)} (engine v${int(10)}.${int(10)}), engagement-manager ${prose(3)}.`,
    () => Array.from({ length: 6 + int(6) }, nearMiss).join(' '),
    () => `INFO ${prose(3)} ${pick()} ${prose(5)} eng-team engagement_${int(99)} ${pick()}`,
  ];
  const parts: string[] = [];
  let size = 0;
  for (let line = 0; size < targetBytes; line++) {
    const text = lines[int(lines.length)]() + (line % 4 === 0 ? '\r\n' : '\n');
    parts.push(text);
    size += text.length;
  }
  return parts.join('');
}

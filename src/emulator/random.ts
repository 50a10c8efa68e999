import { createHash, randomBytes, randomInt } from 'node:crypto';

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A small seeded PRNG (mulberry32): same seed, same sequence, on every platform. */
export class SeededRandom {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  idSuffix(length = 14): string {
    let out = '';
    for (let i = 0; i < length; i++) out += ID_ALPHABET[Math.floor(this.next() * ID_ALPHABET.length)];
    return out;
  }
}

/** A 32-bit seed derived from any strings, so independent streams (per catalog...) do not overlap. */
export function deriveSeed(...parts: (string | number)[]): number {
  return createHash('sha256').update(parts.join('\u0000')).digest().readUInt32BE(0);
}

/** A deterministic id suffix from a hash of the parts (used for context ids). */
export function hashedSuffix(length: number, ...parts: string[]): string {
  const digest = createHash('sha256').update(parts.join('\u0000')).digest();
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET[digest[i] % ID_ALPHABET.length];
  return out;
}

/** A random id suffix (task ids must stay unique across resets and restarts). */
export function randomSuffix(length = 14): string {
  const bytes = randomBytes(length);
  let out = '';
  for (let i = 0; i < length; i++) out += ID_ALPHABET[bytes[i] % ID_ALPHABET.length];
  return out;
}

/** Random decimal digits, the first never 0 (opportunity ids are `O` + digits). */
export function randomDigits(length: number): string {
  let out = String(randomInt(1, 10));
  for (let i = 1; i < length; i++) out += String(randomInt(0, 10));
  return out;
}

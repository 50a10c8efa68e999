/**
 * A set of engagement IDs that counts occurrences. An ID's key is its 14 body characters read as base-36 digits
 * and packed into three small integers (5 + 5 + 4 digits), so no string is created or hashed for a repeat.
 *
 * Built for inputs with millions of distinct IDs:
 * - one slot holds key and count side by side (16 bytes), so a lookup touches one cache line, not three arrays;
 * - the set is split into PARTS open-addressing tables chosen by hash, so growing rehashes one part at a time
 *   (a few ms) instead of everything at once (100+ ms with two million IDs, a visible freeze).
 */
const PART_BITS = 6;
const PARTS = 1 << PART_BITS;
const SLOT_WORDS = 4; // key0, key1, key2 + 1 (0 = empty), count
const INITIAL_SLOTS = 64;

export class EngagementIdTable {
  /** Parts, for mergePartInto. */
  static readonly PARTS = PARTS;
  /** The first parts share one buffer: 64 allocations made every table cost a quarter of a millisecond. */
  private readonly parts: Int32Array[] = initialParts();
  private readonly used = new Int32Array(PARTS);
  /**
   * Entries per part that make it grow, as eighths of its slots: from 4/8 to 6/8 depending on the part, so
   * that parts, which fill evenly, do not all grow (rehash) in the same few milliseconds.
   */
  private readonly growAtEighths = Float64Array.from({ length: PARTS }, (_, part) => 4 + (2 * part) / PARTS);
  private entries = 0;

  /** Distinct IDs recorded. */
  get size(): number {
    return this.entries;
  }

  /** Records one occurrence; true for an ID's first occurrence. Keys come from `keyOf` or the scanner's own parse. */
  add(key0: number, key1: number, key2: number): boolean {
    const hash = hashKey(key0, key1, key2);
    const partIndex = hash >>> (32 - PART_BITS);
    const part = this.parts[partIndex];
    const mask = part.length / SLOT_WORDS - 1;
    const tag = key2 + 1;
    let at = (hash & mask) * SLOT_WORDS;
    for (;;) {
      const storedTag = part[at + 2];
      if (storedTag === 0) break;
      if (storedTag === tag && part[at] === key0 && part[at + 1] === key1) {
        part[at + 3]++;
        return false;
      }
      at = (at + SLOT_WORDS) & (mask * SLOT_WORDS + SLOT_WORDS - 1);
    }
    part[at] = key0;
    part[at + 1] = key1;
    part[at + 2] = tag;
    part[at + 3] = 1;
    this.entries++;
    // Grow at 4/8 to 6/8 full: linear probing stays short, and a part holds 16 bytes per slot.
    if (++this.used[partIndex] * 8 > (mask + 1) * this.growAtEighths[partIndex]) this.grow(partIndex);
    return true;
  }

  /** Occurrences of the ID with this key; 0 if never added. */
  countOf(key0: number, key1: number, key2: number): number {
    const hash = hashKey(key0, key1, key2);
    const part = this.parts[hash >>> (32 - PART_BITS)];
    const mask = part.length / SLOT_WORDS - 1;
    const tag = key2 + 1;
    for (let at = (hash & mask) * SLOT_WORDS; part[at + 2] !== 0; at = (at + SLOT_WORDS) & (mask * SLOT_WORDS + SLOT_WORDS - 1)) {
      if (part[at + 2] === tag && part[at] === key0 && part[at + 1] === key1) return part[at + 3];
    }
    return 0;
  }

  /** Calls `visit` with every key and its count, in no particular order. */
  forEach(visit: (key0: number, key1: number, key2: number, count: number) => void): void {
    for (const part of this.parts) {
      for (let at = 0; at < part.length; at += SLOT_WORDS) {
        if (part[at + 2] !== 0) visit(part[at], part[at + 1], part[at + 2] - 1, part[at + 3]);
      }
    }
  }

  /** Adds the IDs (not their counts) of one part to `target`: a bounded step of counting distinct IDs across tables. */
  mergePartInto(target: EngagementIdTable, partIndex: number): void {
    const part = this.parts[partIndex];
    for (let at = 0; at < part.length; at += SLOT_WORDS) {
      if (part[at + 2] !== 0) target.add(part[at], part[at + 1], part[at + 2] - 1);
    }
  }

  private grow(partIndex: number): void {
    const old = this.parts[partIndex];
    const part = new Int32Array(old.length * 2);
    const mask = part.length / SLOT_WORDS - 1;
    const wrap = mask * SLOT_WORDS + SLOT_WORDS - 1;
    for (let from = 0; from < old.length; from += SLOT_WORDS) {
      if (old[from + 2] === 0) continue;
      let at = (hashKey(old[from], old[from + 1], old[from + 2] - 1) & mask) * SLOT_WORDS;
      while (part[at + 2] !== 0) at = (at + SLOT_WORDS) & wrap;
      part[at] = old[from];
      part[at + 1] = old[from + 1];
      part[at + 2] = old[from + 2];
      part[at + 3] = old[from + 3];
    }
    this.parts[partIndex] = part;
  }
}

function initialParts(): Int32Array[] {
  const words = INITIAL_SLOTS * SLOT_WORDS;
  const buffer = new ArrayBuffer(PARTS * words * Int32Array.BYTES_PER_ELEMENT);
  return Array.from({ length: PARTS }, (_, part) => new Int32Array(buffer, part * words * Int32Array.BYTES_PER_ELEMENT, words));
}

/** The key of an ID string (`eng-` + 14 of [0-9a-z]; not checked). */
export function keyOf(id: string): [number, number, number] {
  let key0 = 0;
  let key1 = 0;
  let key2 = 0;
  for (let i = 4; i < 9; i++) key0 = key0 * 36 + base36Digit(id.charCodeAt(i));
  for (let i = 9; i < 14; i++) key1 = key1 * 36 + base36Digit(id.charCodeAt(i));
  for (let i = 14; i < 18; i++) key2 = key2 * 36 + base36Digit(id.charCodeAt(i));
  return [key0, key1, key2];
}

/** The ID string of a key (the inverse of keyOf). */
export function idOfKey(key0: number, key1: number, key2: number): string {
  return `eng-${key0.toString(36).padStart(5, '0')}${key1.toString(36).padStart(5, '0')}${key2.toString(36).padStart(4, '0')}`;
}

/** [0-9a-z] as a base-36 digit. */
export function base36Digit(code: number): number {
  return code <= 57 ? code - 48 : code - 87;
}

function hashKey(key0: number, key1: number, key2: number): number {
  let hash = Math.imul(key0, 0x9e3779b1) ^ Math.imul(key1 ^ (key2 << 11), 0x85ebca6b);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return (hash ^ (hash >>> 13)) >>> 0;
}

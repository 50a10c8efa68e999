import type { EngagementIdTable } from './idTable';

/** First occurrence of an ID, as the scanner reports it. */
export interface FoundId {
  id: string;
  line: number;
  column: number;
}

const WORDS = 5; // key0, key1, key2, line, column
const DIGIT_CODES = Uint8Array.from('0123456789abcdefghijklmnopqrstuvwxyz', (char) => char.charCodeAt(0));

/**
 * First occurrences, kept as numbers in one growing array while scanning and turned into objects and strings
 * only when asked: no garbage per ID during the scan, and no ID string holding on to the chunk it came from.
 */
export class FoundIdList {
  private words = new Float64Array(WORDS * 1024);
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(key0: number, key1: number, key2: number, line: number, column: number): void {
    let at = WORDS * this.count;
    if (at === this.words.length) {
      const words = new Float64Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    const words = this.words;
    words[at++] = key0;
    words[at++] = key1;
    words[at++] = key2;
    words[at++] = line;
    words[at] = column;
    this.count++;
  }

  /** The IDs in first-seen order, and those the table counted more than once with their counts. */
  materialize(table: EngagementIdTable): { ids: FoundId[]; duplicates: Array<{ id: string; count: number }> } {
    const words = this.words;
    const ids: FoundId[] = new Array<FoundId>(this.count);
    const duplicates: Array<{ id: string; count: number }> = [];
    for (let index = 0, at = 0; index < this.count; index++, at += WORDS) {
      const id = idText(words[at], words[at + 1], words[at + 2]);
      ids[index] = { id, line: words[at + 3], column: words[at + 4] };
      const count = table.countOf(words[at], words[at + 1], words[at + 2]);
      if (count > 1) duplicates.push({ id, count });
    }
    return { ids, duplicates };
  }
}

/** `eng-` and the 14 base-36 digits of a key (5 + 5 + 4, as the scanner packs them). */
function idText(key0: number, key1: number, key2: number): string {
  return String.fromCharCode(
    101, 110, 103, 45, // eng-
    DIGIT_CODES[((key0 / 1679616) | 0) % 36], DIGIT_CODES[((key0 / 46656) | 0) % 36], DIGIT_CODES[((key0 / 1296) | 0) % 36], DIGIT_CODES[((key0 / 36) | 0) % 36], DIGIT_CODES[key0 % 36],
    DIGIT_CODES[((key1 / 1679616) | 0) % 36], DIGIT_CODES[((key1 / 46656) | 0) % 36], DIGIT_CODES[((key1 / 1296) | 0) % 36], DIGIT_CODES[((key1 / 36) | 0) % 36], DIGIT_CODES[key1 % 36],
    DIGIT_CODES[((key2 / 46656) | 0) % 36], DIGIT_CODES[((key2 / 1296) | 0) % 36], DIGIT_CODES[((key2 / 36) | 0) % 36], DIGIT_CODES[key2 % 36],
  );
}

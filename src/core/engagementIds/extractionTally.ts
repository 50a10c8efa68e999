import type { IdExtraction, NearMiss } from './extraction';
import { FoundIdList } from './foundIds';
import { EngagementIdTable } from './idTable';
import type { NearMissVerdict } from './nearMisses';

/**
 * What a scan has found so far, whichever scanner reads the text (characters or bytes): every ID counted, the
 * first `maxIds` distinct ones kept with their positions, every near miss counted and the first
 * `maxNearMisses` described.
 */
export class ExtractionTally {
  readonly table = new EngagementIdTable();
  private readonly ids = new FoundIdList();
  private occurrences = 0;
  private readonly nearMisses: NearMiss[] = [];
  private nearMissCount = 0;

  constructor(
    private readonly maxIds: number,
    private readonly maxNearMisses: number,
  ) {}

  /** Counts an occurrence; true when it is an ID's first and its position is to be kept (`keepId`). */
  countId(key0: number, key1: number, key2: number): boolean {
    this.occurrences++;
    return this.table.add(key0, key1, key2) && this.ids.length < this.maxIds;
  }

  keepId(key0: number, key1: number, key2: number, line: number, column: number): void {
    this.ids.add(key0, key1, key2, line, column);
  }

  /** Counts a near miss; true when it is to be described (`keepNearMiss`). */
  countNearMiss(): boolean {
    this.nearMissCount++;
    return this.nearMisses.length < this.maxNearMisses;
  }

  keepNearMiss(verdict: NearMissVerdict, line: number, column: number): void {
    const nearMiss: NearMiss = { text: detached(verdict.text), line, column, reason: detached(verdict.reason) };
    if (verdict.suggestion !== undefined) nearMiss.suggestion = detached(verdict.suggestion);
    this.nearMisses.push(nearMiss);
  }

  /** False once both lists are full: from then on no position is needed. */
  get keepsPositions(): boolean {
    return this.ids.length < this.maxIds || this.nearMisses.length < this.maxNearMisses;
  }

  result(): IdExtraction {
    const { ids, duplicates } = this.ids.materialize(this.table);
    return {
      ids,
      distinctIds: this.table.size,
      occurrences: this.occurrences,
      duplicates,
      nearMisses: this.nearMisses.slice(),
      nearMissCount: this.nearMissCount,
    };
  }
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes a slice of 13 or more
 * characters a view of its parent, so a kept near miss would otherwise hold its whole chunk (and 1000 of
 * them most of a file) in memory.
 */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

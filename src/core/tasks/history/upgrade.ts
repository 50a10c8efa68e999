import { parseStoredTaskRecords } from '../storedRecords';
import type { EngagementResult, TaskRecord } from '../taskRecord';
import { encodeIndex, summaryOf, MAX_INDEXED, type StoredIndex } from './recentIndex';

/**
 * One finished task whole, with its per-engagement results: what its file in the storage folder holds. The
 * summary is kept in the file too, so a task the bounded index no longer lists loses nothing.
 */
export type TaskResults = TaskRecord & { engagements: EngagementResult[] };

/** The new layout of one account's history. */
export interface SplitHistory {
  /** globalState: the bounded index of recent tasks. */
  index: StoredIndex;
  /** globalState: tasks still running, whole (they are few, and polled). */
  active: TaskRecord[];
  /** Storage folder: one file per finished task that has per-engagement results. */
  results: TaskResults[];
}

/**
 * The history as kept until now (one globalState value, every task whole) in the new layout. Nothing learnt is
 * dropped: every finished task's results go to a file even when the bounded index no longer lists the task (the
 * service's list and Load more… bring it back, and its file answers Get without a call).
 */
export function splitHistory(stored: unknown, maxIndexed = MAX_INDEXED): SplitHistory {
  const records = parseStoredTaskRecords(stored);
  const active = records.filter((record) => record.endTime === undefined);
  const results = records.filter((record) => record.endTime !== undefined && record.engagements !== undefined).map(resultsOf);
  return { index: encodeIndex(records.map(summaryOf), maxIndexed), active, results };
}

export function resultsOf(record: TaskRecord): TaskResults {
  return { ...record, engagements: record.engagements ?? [] };
}

/** A task whole again, from its index row and its results file (when it was read). */
export function joinResults(summary: ReturnType<typeof summaryOf>, results: TaskResults | undefined): TaskRecord {
  if (!results) return { ...summary };
  // The index row is the newer word on the summary; the file adds the identifiers and results.
  return { ...summary, ...(results.identifiers ? { identifiers: results.identifiers } : {}), engagements: results.engagements };
}

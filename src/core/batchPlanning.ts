import { MAX_TASK_NAME_LENGTH, truncateWithEllipsis } from './taskNames';

/** The API's limit of identifiers per StartProspectingFromEngagementTask. */
const MAX_IDENTIFIERS_PER_TASK = 100;

export interface TaskBatch {
  /** 1-based, as in the name suffix "(index/total)". */
  index: number;
  total: number;
  name: string;
  identifiers: string[];
  /** Set when the batch re-sends a pending launch: its ClientToken, so it can never make a second task. */
  clientToken?: string;
}

/**
 * Splits `ids` into tasks of at most `maxPerTask`, in order, none dropped (pass distinct IDs: the API rejects
 * duplicates). One batch keeps `taskName`; several are named `taskName (1/3)`, `taskName (2/3)`, … with the base
 * name shortened (ending in '…') so that every name fits in 128 characters. No IDs, no batches.
 */
export function planBatches(ids: readonly string[], taskName: string, maxPerTask = MAX_IDENTIFIERS_PER_TASK): TaskBatch[] {
  if (!Number.isInteger(maxPerTask) || maxPerTask < 1 || maxPerTask > MAX_IDENTIFIERS_PER_TASK) {
    throw new RangeError(`maxPerTask must be an integer from 1 to ${MAX_IDENTIFIERS_PER_TASK}, got ${maxPerTask}`);
  }
  const total = Math.ceil(ids.length / maxPerTask);
  if (total <= 1) {
    return total === 0 ? [] : [{ index: 1, total: 1, name: truncateWithEllipsis(taskName, MAX_TASK_NAME_LENGTH), identifiers: ids.slice() }];
  }
  // The same base for every batch, sized for the longest suffix.
  const base = truncateWithEllipsis(taskName, MAX_TASK_NAME_LENGTH - batchSuffix(total, total).length);
  const batches: TaskBatch[] = [];
  for (let index = 1; index <= total; index++) {
    batches.push({
      index,
      total,
      name: `${base}${batchSuffix(index, total)}`,
      identifiers: ids.slice((index - 1) * maxPerTask, index * maxPerTask),
    });
  }
  return batches;
}

function batchSuffix(index: number, total: number): string {
  return ` (${index}/${total})`;
}

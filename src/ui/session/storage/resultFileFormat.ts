import { createHash } from 'node:crypto';
import { parseStoredTaskRecords } from '../../../core/tasks/storedRecords';
import { isEngagementStatus, type EngagementResult } from '../../../core/tasks/taskRecord';
import type { TaskResults } from '../../../core/tasks/history/upgrade';

/** First line of every results file: `PCR1 <body bytes> <sha256 of body>`; the body is JSON. */
const MAGIC = 'PCR1';

/** `identifiers` when they are the engagements' IDs in order, as they are once a task finished: not written twice. */
const SAME_AS_ENGAGEMENTS = 1;

export function encodeResultFile(results: TaskResults): Buffer {
  const ids = results.identifiers;
  const same = ids !== undefined && ids.length === results.engagements.length && ids.every((id, i) => id === results.engagements[i].engagementId);
  const body = Buffer.from(JSON.stringify(same ? { ...results, identifiers: SAME_AS_ENGAGEMENTS } : results), 'utf8');
  return Buffer.concat([Buffer.from(`${MAGIC} ${body.length} ${sha256(body)}\n`, 'utf8'), body]);
}

/**
 * The results a file holds, or undefined when it is not whole (cut short, or mixed from two writes): its length
 * and checksum must match, and it must be the task asked for. Such a file is read again from the service (Get).
 */
export function decodeResultFile(bytes: Buffer, expected: Pick<TaskResults, 'taskId' | 'catalog'>): TaskResults | undefined {
  const newline = bytes.indexOf(0x0a);
  if (newline < 0 || newline > 120) return undefined;
  const [magic, length, checksum] = bytes.subarray(0, newline).toString('utf8').split(' ');
  const body = bytes.subarray(newline + 1);
  if (magic !== MAGIC || String(body.length) !== length || sha256(body) !== checksum) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
  const results = parseResults(value);
  return results && results.taskId === expected.taskId && results.catalog === expected.catalog ? results : undefined;
}

function parseResults(value: unknown): TaskResults | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { engagements, identifiers } = value as { engagements?: unknown; identifiers?: unknown };
  if (!Array.isArray(engagements) || !engagements.every(isEngagementResult)) return undefined;
  const whole = identifiers === SAME_AS_ENGAGEMENTS ? { ...value, identifiers: engagements.map((engagement) => engagement.engagementId) } : value;
  const [record] = parseStoredTaskRecords([whole]);
  return record?.engagements ? { ...record, engagements: record.engagements } : undefined;
}

function isEngagementResult(value: unknown): value is EngagementResult {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.engagementId === 'string' && isEngagementStatus(v.status);
}

export function sha256(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

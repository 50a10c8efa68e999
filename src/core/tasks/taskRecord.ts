import { type Catalog } from '../catalog';

export type { Catalog };

/** Per-engagement status as GetProspectingFromEngagementTask reports it. */
export type EngagementStatus = 'PENDING' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

const ENGAGEMENT_STATUSES: readonly EngagementStatus[] = ['PENDING', 'IN_PROGRESS', 'COMPLETED', 'FAILED'];

export interface EngagementResult {
  engagementId: string;
  status: EngagementStatus;
  /** Set when COMPLETED: the ProspectingResult context created on the engagement. */
  engagementContextId?: string;
  /** Set when FAILED. */
  reasonCode?: string;
  message?: string;
}

/** All we know of one task, merged from Start's response, List summaries and Get. Plain JSON (kept in globalState). */
export interface TaskRecord {
  taskId: string;
  catalog: Catalog;
  taskName: string;
  taskArn?: string;
  /** ISO 8601. */
  startTime: string;
  /** ISO 8601; absent while the task runs. */
  endTime?: string;
  totalCount: number;
  completedCount: number;
  failedCount: number;
  /** From Start (the accepted ids) or Get. */
  identifiers?: string[];
  /** From Get; absent until fetched. */
  engagements?: EngagementResult[];
  /** true when this machine started it. */
  startedHere?: boolean;
  /** ms epoch of the last change we observed (for 'newest finished'). */
  lastChangedAt?: number;
}

export function isEngagementStatus(value: unknown): value is EngagementStatus {
  return typeof value === 'string' && (ENGAGEMENT_STATUSES as readonly string[]).includes(value);
}

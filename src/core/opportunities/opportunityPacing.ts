/** StartOpportunityFromEngagementTask counts against "other writes": 1 request per second per partner account. */
export const WRITE_QUOTA_PER_SECOND = 1;

/**
 * A start is sent this long after the previous one was answered: the quota's interval and a 2% margin for the
 * difference between our clock and the service's (a throttled start costs a backoff of hundreds of
 * milliseconds, far more than the margin).
 */
export const OPPORTUNITY_START_INTERVAL_MS = Math.ceil((1000 / WRITE_QUOTA_PER_SECOND) * 1.02);

/** The least time N starts can take at the write quota: the first is free, each next waits one interval. */
export function writeQuotaFloorMs(starts: number, ratePerSecond = WRITE_QUOTA_PER_SECOND): number {
  return starts <= 1 ? 0 : ((starts - 1) / ratePerSecond) * 1000;
}

/** How long a run of N starts is planned to take (for the notification's estimate). */
export function plannedRunMs(starts: number, intervalMs = OPPORTUNITY_START_INTERVAL_MS): number {
  return starts <= 1 ? 0 : (starts - 1) * intervalMs;
}

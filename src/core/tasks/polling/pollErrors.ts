import { isThrottlingError } from '../../throttling';

/**
 * Whether to show a poll failure: only the first of a run (the poller keeps retrying, slower), and never
 * throttling, which backing off handles.
 */
export function shouldReportPollError(error: unknown, consecutiveErrors: number): boolean {
  return consecutiveErrors === 1 && !isThrottlingError(error);
}

import { viewSdkError } from '../../sdkErrorView';

const THROTTLING_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded']);

export function isThrottlingError(error: unknown): boolean {
  const view = viewSdkError(error);
  return THROTTLING_NAMES.has(view.name) || view.httpStatusCode === 429;
}

/**
 * Whether to show a poll failure: only the first of a run (the poller keeps retrying, slower), and never
 * throttling, which backing off handles.
 */
export function shouldReportPollError(error: unknown, consecutiveErrors: number): boolean {
  return consecutiveErrors === 1 && !isThrottlingError(error);
}

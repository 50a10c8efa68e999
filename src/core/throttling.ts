import { viewSdkError, type SdkErrorView } from './sdkErrorView';

const THROTTLING_NAMES = new Set(['ThrottlingException', 'TooManyRequestsException', 'Throttling', 'RequestLimitExceeded']);

/** The one test for "the service asked us to slow down": a throttling error name or HTTP 429, whatever the name. */
export function isThrottlingView(view: SdkErrorView): boolean {
  return THROTTLING_NAMES.has(view.name) || view.httpStatusCode === 429;
}

export function isThrottlingError(error: unknown): boolean {
  return isThrottlingView(viewSdkError(error));
}

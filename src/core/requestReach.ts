import { type AttemptReach, type SdkErrorView, viewSdkError } from './sdkErrorView';

export type { AttemptReach } from './sdkErrorView';


/** Node and resolver codes of connections that never carried the request. */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_FAIL',
  'EAI_NONAME',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EHOSTDOWN',
  'ENETDOWN',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'ERR_INVALID_ARG_TYPE',
  // TLS fails before the request is written.
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Errors of the SDK's client side (configuration, credentials): thrown before any request exists. */
const CLIENT_SIDE_NAMES = new Set(['CredentialsProviderError', 'TokenProviderError', 'ProviderError', 'MissingAuthenticationTokenException']);

/** Classifies the failure of one attempt. */
export function classifyAttemptFailure(view: SdkErrorView): AttemptReach {
  if (view.httpStatusCode !== undefined && view.httpStatusCode > 0) {
    return view.httpStatusCode >= 300 && view.httpStatusCode < 500 ? 'answered' : 'unanswered';
  }
  if (view.code !== undefined && NOT_SENT_CODES.has(view.code)) return 'notSent';
  if (CLIENT_SIDE_NAMES.has(view.name)) return 'notSent';
  if (isConnectTimeout(view)) return 'notSent';
  if (/^Region not accepted|Invalid URL|is not a valid hostname/i.test(view.message)) return 'notSent';
  return 'unanswered';
}

/** The socket never connected (smithy's connectionTimeout): nothing was written. */
export function isConnectTimeout(view: SdkErrorView): boolean {
  return /did not establish a connection/i.test(view.message) || /did not establish a connection/i.test(view.causeMessage ?? '');
}

/**
 * Whether a failed call may have taken effect anyway: some attempt may have reached the service without a
 * definitive answer. The SDK retries, so one such attempt is enough even if the last one failed before sending.
 * A client of createPartnerCentralClient records every attempt on the error; any other error is judged by itself.
 */
export function isOutcomeUnknown(error: unknown): boolean {
  const view = viewSdkError(error);
  if (view.attemptReaches) return view.attemptReaches.includes('unanswered');
  return classifyAttemptFailure(view) === 'unanswered';
}

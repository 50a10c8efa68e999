/**
 * What one HTTP attempt tells about whether the request took effect:
 * - `notSent`: it failed before the request could be written (no connection, DNS, TLS, bad config, credentials);
 * - `answered`: the service answered with a definitive refusal (3xx/4xx), so it did nothing;
 * - `unanswered`: it may have reached the service and no definitive answer came back (a timeout or reset after
 *   the connection was made, a 5xx, a 2xx whose body could not be read, an abort in flight).
 */
export type AttemptReach = 'notSent' | 'answered' | 'unanswered';

/** Own properties a client of createPartnerCentralClient adds to what a call throws. */
export const ATTEMPT_REACHES_PROPERTY = '$attemptReaches';
export const PROFILE_PROPERTY = '$profile';
export const CALL_TIMEOUT_MS_PROPERTY = '$callTimeoutMs';

/**
 * A structural view of what the AWS SDK throws (service exceptions, credential-provider errors, Node network
 * errors), read without importing the SDK.
 */
export interface SdkErrorView {
  name: string;
  message: string;
  /** Node's error code (ECONNREFUSED…) or the service's `code`. */
  code?: string;
  reason?: string;
  errorList: Array<{ field: string; code: string; message: string }>;
  httpStatusCode?: number;
  requestId?: string;
  /** Attempts made, retries included (from $metadata). */
  attempts?: number;
  /** The wrapped error (`cause`) of an abort or network error. */
  causeName?: string;
  causeMessage?: string;
  /** What each HTTP attempt of the call told about reaching the service (recorded by the client). */
  attemptReaches?: AttemptReach[];
  /** The AWS profile the client used, when it knows it. */
  profile?: string;
  /** The time limit that ended the call (per attempt or per call), when one did. */
  timeoutMs?: number;
}

export function viewSdkError(error: unknown): SdkErrorView {
  if (typeof error !== 'object' || error === null) {
    return { name: 'Error', message: String(error), errorList: [] };
  }
  const record = error as Record<string, unknown>;
  const metadata = asRecord(record.$metadata);
  const view: SdkErrorView = {
    name: stringOr(record.name, 'Error'),
    message: stringOr(record.message, stringOr(record.Message, '')),
    errorList: readErrorList(record.ErrorList),
  };
  const code = stringOr(record.code, stringOr(record.errno, ''));
  if (code) view.code = code;
  const reason = stringOr(record.Reason, '');
  if (reason) view.reason = reason;
  if (typeof metadata.httpStatusCode === 'number') view.httpStatusCode = metadata.httpStatusCode;
  if (typeof metadata.requestId === 'string' && metadata.requestId) view.requestId = metadata.requestId;
  if (typeof metadata.attempts === 'number') view.attempts = metadata.attempts;
  // A network error wrapped by the SDK keeps the Node error as `cause`, an abort its reason.
  if (typeof record.cause === 'object' && record.cause !== null) {
    const cause = record.cause as Record<string, unknown>;
    const causeCode = stringOr(cause.code, '');
    if (!view.code && causeCode) view.code = causeCode;
    const causeName = stringOr(cause.name, '');
    if (causeName) view.causeName = causeName;
    const causeMessage = stringOr(cause.message, '');
    if (causeMessage) view.causeMessage = causeMessage;
    if (typeof cause[CALL_TIMEOUT_MS_PROPERTY] === 'number') view.timeoutMs = cause[CALL_TIMEOUT_MS_PROPERTY];
  }
  const reaches = record[ATTEMPT_REACHES_PROPERTY];
  if (Array.isArray(reaches)) view.attemptReaches = reaches.filter((reach): reach is AttemptReach => reach === 'notSent' || reach === 'answered' || reach === 'unanswered');
  const profile = stringOr(record[PROFILE_PROPERTY], '');
  if (profile) view.profile = profile;
  if (typeof record[CALL_TIMEOUT_MS_PROPERTY] === 'number') view.timeoutMs = record[CALL_TIMEOUT_MS_PROPERTY];
  return view;
}

function readErrorList(value: unknown): SdkErrorView['errorList'] {
  if (!Array.isArray(value)) return [];
  return value.map((item) => {
    const entry = asRecord(item);
    return {
      field: stringOr(entry.FieldName, '(unnamed field)'),
      code: stringOr(entry.Code, ''),
      message: stringOr(entry.Message, ''),
    };
  });
}

function asRecord(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function stringOr(value: unknown, fallback: string): string {
  return typeof value === 'string' ? value : fallback;
}

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
  // A network error wrapped by the SDK keeps the Node error as `cause`.
  if (!view.code && typeof record.cause === 'object' && record.cause !== null) {
    const causeCode = stringOr((record.cause as Record<string, unknown>).code, '');
    if (causeCode) view.code = causeCode;
  }
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

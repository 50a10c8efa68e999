import { type ServerResponse } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/x-amz-json-1.0';
const ERROR_NAMESPACE = 'com.amazonaws.partnercentralselling#';

export type ValidationCode =
  | 'REQUIRED_FIELD_MISSING'
  | 'INVALID_ENUM_VALUE'
  | 'INVALID_STRING_FORMAT'
  | 'INVALID_VALUE'
  | 'NOT_ENOUGH_VALUES'
  | 'TOO_MANY_VALUES'
  | 'INVALID_RESOURCE_STATE'
  | 'DUPLICATE_KEY_VALUE'
  | 'VALUE_OUT_OF_RANGE'
  | 'ACTION_NOT_PERMITTED';

export interface ValidationIssue {
  FieldName: string;
  Message: string;
  Code: ValidationCode;
}

/** An error the emulator answers with: `type` becomes `__type` and `x-amzn-ErrorType`. */
export class ServiceError extends Error {
  constructor(
    readonly type: string,
    readonly status: number,
    message: string,
    readonly members: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export const errors = {
  validation(issues: ValidationIssue[], reason = 'REQUEST_VALIDATION_FAILED'): ServiceError {
    const summary = issues.map((issue) => `${issue.FieldName}: ${issue.Message}`).join('; ');
    const count = issues.length === 1 ? '1 validation error' : `${issues.length} validation errors`;
    return new ServiceError('ValidationException', 400, `${count} detected: ${summary}`, {
      Reason: reason,
      ErrorList: issues,
    });
  },
  resourceNotFound: (message: string) => new ServiceError('ResourceNotFoundException', 404, message),
  conflict: (message: string) => new ServiceError('ConflictException', 409, message),
  throttling: (message = 'Rate exceeded') => new ServiceError('ThrottlingException', 429, message),
  internal: (message = 'An internal error occurred. Retry the request.') =>
    new ServiceError('InternalServerException', 500, message),
  accessDenied: (message = 'You do not have access to this action: the partner account is not in a state compatible with this benefit.') =>
    new ServiceError('AccessDeniedException', 403, message, { Reason: 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE' }),
  unknownOperation: (target: string) =>
    new ServiceError('UnknownOperationException', 400, `Unknown operation: ${target || '(no X-Amz-Target header)'}`),
  serialization: (message: string) => new ServiceError('SerializationException', 400, message),
  unsupportedMediaType: (contentType: string) =>
    new ServiceError('UnsupportedMediaTypeException', 400, `Unsupported content type "${contentType}": send ${JSON_CONTENT_TYPE}`),
  tooLarge: (limit: number) =>
    new ServiceError('RequestEntityTooLargeException', 400, `Request body exceeds ${limit} bytes`),
  missingAuthentication: () =>
    new ServiceError('MissingAuthenticationTokenException', 403, 'Missing Authentication Token'),
  incompleteSignature: (message: string) => new ServiceError('IncompleteSignatureException', 403, message),
  unrecognizedClient: () =>
    new ServiceError('UnrecognizedClientException', 403, 'The security token included in the request is invalid.'),
  invalidSignature: (message: string) => new ServiceError('InvalidSignatureException', 403, message),
  expiredToken: () => new ServiceError('ExpiredTokenException', 403, 'The security token included in the request is expired'),
};

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': JSON_CONTENT_TYPE,
    'content-length': Buffer.byteLength(payload),
  });
  res.end(payload);
}

export function sendError(res: ServerResponse, error: ServiceError): void {
  res.setHeader('x-amzn-ErrorType', error.type);
  // Both spellings: the SDK reads `message` for Error.message and `Message` for the modeled member.
  sendJson(res, error.status, {
    __type: `${ERROR_NAMESPACE}${error.type}`,
    message: error.message,
    Message: error.message,
    ...error.members,
  });
}

/** Timestamps travel as ISO 8601 strings (a number makes the SDK throw). */
export function wireTime(ms: number): string {
  return new Date(ms).toISOString();
}

/** What an explained error tells the user; the explaining is in errorExplanations.ts. */

export type ErrorKind =
  | 'validation'
  | 'notFound'
  | 'accessDenied'
  | 'conflict'
  | 'throttled'
  | 'quotaExceeded'
  | 'serverError'
  | 'auth'
  | 'network'
  /** No answer within a time limit: the request may or may not have taken effect. */
  | 'timeout'
  /** The client's settings (region, endpoint URL) are unusable: nothing was sent. */
  | 'config'
  /** The caller cancelled the call. */
  | 'cancelled'
  | 'unknown';

/** Which credential problem an `auth` explanation is about. */
export type AuthCase =
  | 'noCredentials'
  | 'profileNotFound'
  | 'ssoExpired'
  | 'credentialProcessFailed'
  | 'unknownToken'
  | 'expiredToken'
  | 'assumeRoleDenied'
  | 'mfaRequired'
  | 'invalidSignature'
  | 'unsigned'
  | 'other';

export interface ErrorExplanation {
  title: string;
  detail: string;
  fixes: string[];
  kind: ErrorKind;
  /** For `auth`: which credential problem. */
  authCase?: AuthCase;
  /** ResourceNotFound: the engagement IDs named in the message (the UI can offer to start without them). */
  missingIds?: string[];
  /** Validation: the ErrorList, one entry per field. */
  fields?: Array<{ field: string; code: string; message: string }>;
  requestId?: string;
  /** Whether the same request may succeed later without changes. */
  retryable: boolean;
}

export interface ErrorContext {
  catalog?: string;
  /** The AWS profile in use, named in credential advice (else the one the client put on the error). */
  profile?: string;
}

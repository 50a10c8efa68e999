import { explainCredentials } from './credentialExplanations';
import { redactExternal } from './redaction/externalText';
import { viewSdkError, type SdkErrorView } from './sdkErrorView';
import { settingId } from './settingNames';
import { isThrottlingView } from './throttling';
import { count, triedSummary } from './explanationText';
import { explainCancelled, explainConfig, explainNetwork, explainTimeout, explainUnreadable, isCancelled, isConfigError, isNetworkError, isTimeout, isUnreadable } from './transportExplanations';

export type { ErrorContext, ErrorExplanation, ErrorKind } from './errorExplanation';
import type { ErrorContext, ErrorExplanation } from './errorExplanation';

const AUTH_ERROR_NAMES = new Set([
  'UnrecognizedClientException',
  'InvalidSignatureException',
  'IncompleteSignatureException',
  'SignatureDoesNotMatch',
  'ExpiredTokenException',
  'ExpiredToken',
  'InvalidClientTokenId',
  'MissingAuthenticationTokenException',
  'CredentialsProviderError',
  'TokenProviderError',
]);

/** Explains an error from any Partner Central call: what happened, and the recovery step the API reference gives. */
export function explainError(error: unknown, context: ErrorContext = {}): ErrorExplanation {
  const view = viewSdkError(error);
  const explanation = explainView(view, context);
  // The explanation quotes the SDK's and the service's messages: it passes the redaction boundary whole.
  explanation.title = redactExternal(explanation.title);
  explanation.detail = redactExternal(explanation.detail);
  explanation.fixes = explanation.fixes.map((fix) => redactExternal(fix));
  if (explanation.fields) explanation.fields = explanation.fields.map((field) => ({ ...field, message: redactExternal(field.message) }));
  if (view.requestId) explanation.requestId = view.requestId;
  return explanation;
}

/** One line for notifications and logs. */
export function formatExplanation(explanation: ErrorExplanation): string {
  const detail = explanation.detail.replace(/\s*\n\s*/g, '; ');
  const requestId = explanation.requestId ? ` (request id ${explanation.requestId})` : '';
  return `${explanation.title}: ${detail}${requestId}`;
}

/** {@link explainError} as one line: the usual way to put an error in a message or the log. */
export function explainOneLine(error: unknown, context: ErrorContext = {}): string {
  return formatExplanation(explainError(error, context));
}

function explainView(view: SdkErrorView, context: ErrorContext): ErrorExplanation {
  const message = view.message || view.name;
  const catalog = context.catalog ? `the ${context.catalog} catalog` : 'the catalog';
  if (isCancelled(view)) return explainCancelled();
  if (isTimeout(view)) return explainTimeout(view);
  if (isConfigError(view)) return explainConfig(view);
  const credentials = explainCredentials(view, context.profile ?? view.profile);
  if (credentials) return credentials;
  if (isNetworkError(view)) return explainNetwork(view);
  if (isAuthError(view)) return explainAuth(view);
  if (isUnreadable(view)) return explainUnreadable(view);
  if (isThrottlingView(view)) return explainThrottled(view, message);
  switch (view.name) {
    case 'ValidationException':
      return explainValidation(view);
    case 'ResourceNotFoundException': {
      const missingIds = [...new Set(message.match(/\beng-[0-9a-z]{14}\b/g) ?? [])];
      return {
        kind: 'notFound',
        title: missingIds.length > 0 ? `${count(missingIds.length, 'engagement')} not found in ${catalog}` : `Not found in ${catalog}`,
        detail: missingIds.length > 0 ? `Not found: ${missingIds.join(', ')}. ${message}` : message,
        fixes: [
          `Check that the IDs are right and belong to ${catalog} (Sandbox holds test data only; AWS is production).`,
          ...(missingIds.length > 0 ? ['Start the task again without the missing IDs.'] : []),
          'Check that your credentials can see these engagements (IAM permissions, the expected account and region).',
        ],
        missingIds,
        retryable: false,
      };
    }
    case 'AccessDeniedException':
      return explainAccessDenied(view);
    case 'ConflictException':
      return {
        kind: 'conflict',
        title: 'The request conflicts with an earlier one',
        detail: `${message} The request conflicts with the current state of the resource; for a Start, usually because its ClientToken was already used for a request with different parameters.`,
        fixes: [
          'Refresh the task list: the task you meant may already exist.',
          'Start again: a new launch gets a new ClientToken.',
        ],
        retryable: false,
      };
    case 'ServiceQuotaExceededException':
      return {
        kind: 'quotaExceeded',
        title: 'A Partner Central quota is used up',
        detail: message,
        fixes: ['Wait for the quota to reset (daily quotas count a rolling 24 hours), or ask AWS for a higher quota.'],
        retryable: false,
      };
    case 'InternalServerException':
      return {
        kind: 'serverError',
        title: 'Partner Central had an internal error',
        detail: `${triedSummary(view)} ${message}`.trim(),
        fixes: ['This is usually transient: try again later. If the problem persists, contact AWS Support with the request id.'],
        retryable: true,
      };
  }
  if (view.httpStatusCode !== undefined && view.httpStatusCode >= 500) {
    return {
      kind: 'serverError',
      title: `Partner Central answered HTTP ${view.httpStatusCode}`,
      detail: `${triedSummary(view)} ${view.name}: ${message}`.trim(),
      fixes: ['Try again later. If the problem persists, contact AWS Support with the request id.'],
      retryable: true,
    };
  }
  return {
    kind: 'unknown',
    title: view.name && view.name !== 'Error' ? view.name : 'Unexpected error',
    detail: message,
    fixes: ['See the Partner Central log (Show Log) for details.'],
    retryable: false,
  };
}

function explainThrottled(view: SdkErrorView, message: string): ErrorExplanation {
  return {
    kind: 'throttled',
    title: 'Partner Central is throttling requests',
    detail: `${triedSummary(view)} ${message}`.trim(),
    fixes: [
      'Try again later: Partner Central limits the requests per second of each partner account (StartProspectingFromEngagementTask: 2), shared with everyone using that account.',
    ],
    retryable: true,
  };
}

function explainValidation(view: SdkErrorView): ErrorExplanation {
  const fields = view.errorList;
  const lines = fields.map((entry) => `${entry.field}: ${entry.code || 'INVALID'} — ${entry.message}`);
  const fixes =
    view.reason === 'BUSINESS_VALIDATION_FAILED'
      ? ['Check that the request follows the business rules of AWS Partner Central (e.g. each engagement is in a state that allows prospecting).']
      : ['Correct the fields listed: the request must have every required field with the right format (IDs are eng- and 14 of 0-9, a-z; names 1 to 128 characters; at most 100 IDs).'];
  return {
    kind: 'validation',
    title: view.reason === 'BUSINESS_VALIDATION_FAILED' ? 'Partner Central business rules rejected the request' : 'Partner Central rejected the request as invalid',
    detail: [view.message, ...lines].filter(Boolean).join('\n'),
    fixes,
    fields,
    retryable: false,
  };
}

function explainAccessDenied(view: SdkErrorView): ErrorExplanation {
  if (view.reason === 'INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE') {
    return {
      kind: 'accessDenied',
      title: "The partner account's benefit state doesn't allow this action",
      detail: `${view.message} (Reason: INCOMPATIBLE_BENEFIT_AWS_PARTNER_STATE: the AWS Partner account's program or benefit status does not include prospecting from engagements.)`,
      fixes: [
        "Check the account's partner programs and benefits in AWS Partner Central.",
        'Contact your Partner Central administrator or AWS partner team.',
      ],
      retryable: false,
    };
  }
  return {
    kind: 'accessDenied',
    title: 'Access denied',
    detail: view.reason ? `${view.message} (Reason: ${view.reason})` : view.message,
    fixes: [
      'Review the IAM policies of these credentials (they need partnercentral:StartProspectingFromEngagementTask and the related Get/List actions), or contact your AWS administrator.',
    ],
    retryable: false,
  };
}

function explainAuth(view: SdkErrorView): ErrorExplanation {
  const profileFix = `Check the \`${settingId('profile')}\` setting (or AWS_PROFILE) names a profile in ~/.aws/config or ~/.aws/credentials.`;
  if (view.name === 'InvalidSignatureException' || view.name === 'SignatureDoesNotMatch' || view.name === 'IncompleteSignatureException') {
    return {
      kind: 'auth',
      authCase: 'invalidSignature',
      title: 'The request signature does not match',
      detail: view.message || view.name,
      fixes: [
        'The secret access key does not belong to the access key ID: update the profile or AWS_SECRET_ACCESS_KEY.',
        "Check the computer's clock: requests signed more than 5 minutes off are rejected.",
      ],
      retryable: false,
    };
  }
  return {
    kind: 'auth',
    authCase: 'other',
    title: 'No usable AWS credentials',
    detail: view.message || view.name,
    fixes: [profileFix, 'Or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials).'],
    retryable: false,
  };
}

function isAuthError(view: SdkErrorView): boolean {
  return AUTH_ERROR_NAMES.has(view.name) || /could not load credentials/i.test(view.message);
}


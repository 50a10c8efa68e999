import { viewSdkError } from '../sdkErrorView';

/** What the SDK's SSO providers say when the cached SSO token is missing, invalid or expired. */
const SSO_TOKEN_MESSAGES = [
  /SSO session associated with this profile (is invalid|has expired)/i,
  /SSO session token associated with profile=.* was not found or is invalid/i,
  /Token is expired\. To refresh this SSO session/i,
  /in SSO Token(\. Cannot refresh)?\. To refresh this SSO session/i,
  /run 'aws sso login'/i,
];
const EXPIRED_SESSION_NAMES = new Set(['ExpiredTokenException', 'ExpiredToken']);

/**
 * Whether `error` is solved by `aws sso login`: the SDK's SSO credential or token provider could not use the
 * cached token (CredentialsProviderError / TokenProviderError), the SSO portal no longer accepts it
 * (UnauthorizedException "Session token not found or invalid"), or, with an SSO profile, the role credentials
 * it gave have expired. A local detector: core/errorExplanations.ts may grow an SSO kind that supersedes it.
 */
export function needsSsoSignIn(error: unknown, profileIsSso: boolean): boolean {
  const view = viewSdkError(error);
  if (SSO_TOKEN_MESSAGES.some((pattern) => pattern.test(view.message))) return true;
  if (view.name === 'UnauthorizedException' && /session token not found or invalid/i.test(view.message)) return true;
  return profileIsSso && EXPIRED_SESSION_NAMES.has(view.name);
}

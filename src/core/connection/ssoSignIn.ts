import { explainError } from '../errorExplanations';

/**
 * Whether `error` is solved by `aws sso login`: the credential explanation says the SSO session expired or was
 * never started, or, with an SSO profile, the role credentials it gave have expired.
 */
export function needsSsoSignIn(error: unknown, profileIsSso: boolean): boolean {
  const { authCase } = explainError(error);
  return authCase === 'ssoExpired' || (profileIsSso && authCase === 'expiredToken');
}

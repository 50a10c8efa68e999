/** How a profile of the shared config/credentials files gets its credentials. */
export type ProfileKind = 'role' | 'static' | 'webIdentity' | 'process' | 'sso' | 'login' | 'none';

/** A profile's settings as the SDK's loader parses them (keys lower-case, values strings). */
export type ProfileSection = Readonly<Record<string, string | undefined>>;

const LABELS: Record<ProfileKind, string> = {
  role: 'role',
  static: 'static keys',
  webIdentity: 'web identity',
  process: 'credential_process',
  sso: 'SSO',
  login: 'console sign-in',
  none: 'no credentials',
};

/**
 * The kind, tested in the order the SDK's ini provider (@aws-sdk/credential-provider-ini resolveProfileData)
 * tries them, so the label names what will actually sign.
 */
export function classifyProfile(section: ProfileSection): ProfileKind {
  const has = (key: string): boolean => typeof section[key] === 'string';
  if (has('role_arn') && (has('source_profile') || has('credential_source'))) return 'role';
  if (has('aws_access_key_id') && has('aws_secret_access_key')) return 'static';
  if (has('role_arn') && has('web_identity_token_file')) return 'webIdentity';
  if (has('credential_process')) return 'process';
  if (['sso_start_url', 'sso_account_id', 'sso_session', 'sso_region', 'sso_role_name'].some(has)) return 'sso';
  if (has('login_session')) return 'login';
  return 'none';
}

export function profileKindLabel(kind: ProfileKind): string {
  return LABELS[kind];
}

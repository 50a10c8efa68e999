import * as path from 'node:path';
import { getHomeDir, getSSOTokenFilepath, getSSOTokenFromFile, loadSharedConfigFiles } from '@smithy/core/config';
import { classifyProfile, type ProfileKind, type ProfileSection } from '../core/connection/profileKinds';

/** The shared files the SDK reads, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE as it does. */
export interface SharedFilePaths {
  config: string;
  credentials: string;
  /** Where `aws sso login` caches SSO tokens. */
  ssoCache: string;
}

export function sharedFilePaths(): SharedFilePaths {
  const home = getHomeDir();
  const expand = (file: string): string => (file.startsWith('~/') ? path.join(home, file.slice(2)) : file);
  return {
    config: expand(process.env.AWS_CONFIG_FILE || path.join(home, '.aws', 'config')),
    credentials: expand(process.env.AWS_SHARED_CREDENTIALS_FILE || path.join(home, '.aws', 'credentials')),
    ssoCache: path.dirname(getSSOTokenFilepath('any')),
  };
}

export interface ProfileInfo {
  name: string;
  kind: ProfileKind;
  /** Which of the two files define it. */
  inConfig: boolean;
  inCredentials: boolean;
  /** The merged settings (credentials-file values win, as in the SDK), secrets included: never display them. */
  section: ProfileSection;
}

/** Sections of the config file that are not profiles (`[sso-session x]`, `[services x]`). */
const NON_PROFILE_SECTION = /^(sso-session|services)\./;

/**
 * The profiles of the shared config and credentials files, read with the SDK's own loader. `ignoreCache`
 * re-reads the files (the loader keeps each file's first read otherwise) and so also refreshes the cache the
 * SDK's credential providers read from.
 */
export async function listProfiles(options: { ignoreCache?: boolean } = {}): Promise<ProfileInfo[]> {
  const { configFile, credentialsFile } = await loadSharedConfigFiles({ ignoreCache: options.ignoreCache ?? true });
  const configNames = Object.keys(configFile).filter((name) => !NON_PROFILE_SECTION.test(name));
  const names = [...new Set([...configNames, ...Object.keys(credentialsFile)])].sort((a, b) => a.localeCompare(b));
  return names.map((name) => {
    const section: ProfileSection = { ...configFile[name], ...credentialsFile[name] };
    return { name, kind: classifyProfile(section), inConfig: name in configFile, inCredentials: name in credentialsFile, section };
  });
}

export type SsoTokenState =
  | { state: 'valid'; expiresAt?: Date }
  | { state: 'missing'; ssoSession: string }
  | { state: 'expired'; ssoSession: string; expiresAt: Date };

/**
 * Whether `aws sso login` is needed for an SSO profile, judged from the token cache alone (no network, no
 * process): missing, or expired without the refresh token the SDK would renew it with.
 */
export async function ssoTokenState(profile: ProfileInfo, now = Date.now()): Promise<SsoTokenState> {
  const ssoSession = profile.section.sso_session ?? profile.section.sso_start_url;
  if (!ssoSession) return { state: 'missing', ssoSession: profile.name };
  let token: Awaited<ReturnType<typeof getSSOTokenFromFile>>;
  try {
    token = await getSSOTokenFromFile(ssoSession);
  } catch {
    return { state: 'missing', ssoSession };
  }
  const expiresAt = new Date(token.expiresAt);
  if (Number.isNaN(expiresAt.getTime())) return { state: 'missing', ssoSession };
  if (expiresAt.getTime() > now) return { state: 'valid', expiresAt };
  const registrationValid = token.registrationExpiresAt !== undefined && new Date(token.registrationExpiresAt).getTime() > now;
  const refreshable = profile.section.sso_session !== undefined && Boolean(token.refreshToken && token.clientId && token.clientSecret) && registrationValid;
  return refreshable ? { state: 'valid', expiresAt } : { state: 'expired', ssoSession, expiresAt };
}

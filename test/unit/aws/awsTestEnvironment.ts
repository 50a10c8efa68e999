import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_CREDENTIALS } from '../../support/emulator';

const VARIABLES = [
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING',
] as const;

/**
 * Points the SDK's default credential chain at the emulator's key pair (environment variables) and away from
 * the developer's ~/.aws files. Returns a function restoring the environment.
 */
export function useEmulatorCredentialsFromEnvironment(): () => void {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
  const nowhere = path.join(os.tmpdir(), 'partner-central-tests-no-such-file');
  process.env.AWS_CONFIG_FILE = nowhere;
  process.env.AWS_SHARED_CREDENTIALS_FILE = nowhere;
  process.env.AWS_ACCESS_KEY_ID = DEFAULT_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = DEFAULT_CREDENTIALS.secretAccessKey;
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}

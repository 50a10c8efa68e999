import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const VARIABLES = ['HOME', 'USERPROFILE', 'AWS_CONFIG_FILE', 'AWS_SHARED_CREDENTIALS_FILE', 'AWS_PROFILE', 'AWS_ENDPOINT_URL', 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING', 'AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** A throwaway HOME with its own shared config/credentials files, the SDK pointed at them. */
export interface SharedFilesSandbox {
  home: string;
  config: string;
  credentials: string;
  write(file: 'config' | 'credentials', text: string): void;
  /** Writes the SSO token cache entry the SDK looks up for `id` (an sso-session name or start URL). */
  writeSsoToken(fileName: string, token: Record<string, unknown>): void;
  restore(): void;
}

export function useSharedFilesSandbox(): SharedFilesSandbox {
  const saved = new Map(VARIABLES.map((name) => [name, process.env[name]]));
  for (const name of VARIABLES) delete process.env[name];
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-profiles-'));
  const config = path.join(home, 'aws-config');
  const credentials = path.join(home, 'aws-credentials');
  process.env.HOME = home;
  process.env.USERPROFILE = home;
  process.env.AWS_CONFIG_FILE = config;
  process.env.AWS_SHARED_CREDENTIALS_FILE = credentials;
  return {
    home,
    config,
    credentials,
    write: (file, text) => fs.writeFileSync(file === 'config' ? config : credentials, text),
    writeSsoToken: (fileName, token) => {
      const dir = path.join(home, '.aws', 'sso', 'cache');
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, fileName), JSON.stringify(token));
    },
    restore: () => {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
      fs.rmSync(home, { recursive: true, force: true });
    },
  };
}

import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Empty shared config and credentials files for a test run, as the environment that points the SDK at them:
 * the suites never see the developer's ~/.aws profiles, and the connection suite edits these files to see
 * profile changes picked up without a reload.
 */
export function sharedAwsFiles(dir: string): { AWS_CONFIG_FILE: string; AWS_SHARED_CREDENTIALS_FILE: string } {
  fs.mkdirSync(dir, { recursive: true });
  const files = { AWS_CONFIG_FILE: path.join(dir, 'config'), AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials') };
  for (const file of Object.values(files)) fs.writeFileSync(file, '');
  return files;
}

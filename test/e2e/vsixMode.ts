import * as path from 'node:path';
import { REPO_ROOT } from '../../scripts/paths';
import { VSIX_ENV } from './newUser';

/**
 * `npm run test:e2e:vsix` (.mocharc.e2e-vsix.json): the new user's scenario against the packaged extension,
 * installed into code-server with --install-extension, as a user installs it.
 */
process.setSourceMapsEnabled(true);
process.env[VSIX_ENV] ??= path.join(REPO_ROOT, 'dist-vsix', 'partner-central-prospecting.vsix');

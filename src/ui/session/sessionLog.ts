/** Where a session writes what it does (calls included). vscode's LogOutputChannel has this shape; tests pass their own. */
export type { CallLogger as SessionLog } from '../../aws/callLogging';

import { redactSecrets } from '../redactSecrets';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** Node's message for a failed child process (exec, execFile): `Command failed: <command line>\n<stderr>`. */
const CHILD_PROCESS_FAILURE = /Command failed:[\s\S]*$/;
export const WITHHELD_CHILD_PROCESS = 'Command failed: [command line and output withheld; the trace level shows them redacted]';

/**
 * What a line may say at `level`: always redacted (see redactSecrets); below trace, a failed child process's
 * command line and output (a credential_process's arguments and what it printed) are withheld entirely.
 * Used for every log line and every message shown to the user.
 */
export function redactForLevel(level: LogLevel, text: string): string {
  return redactSecrets(level === 'trace' ? text : text.replace(CHILD_PROCESS_FAILURE, WITHHELD_CHILD_PROCESS));
}

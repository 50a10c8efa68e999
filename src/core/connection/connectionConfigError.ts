/**
 * The connection's configuration cannot be used as written: a shared config or credentials file the SDK would
 * misread, or an endpoint (endpoint_url, services, an environment variable, the setting) that cannot be applied.
 * Nothing is sent while it stands: guessing would send the calls to the service default, production.
 */
export class ConnectionConfigError extends Error {
  override readonly name = 'ConnectionConfigError';

  constructor(
    /** The file's path, or the variable or setting that holds the value. */
    readonly where: string,
    readonly line: number | undefined,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(`${where}${line === undefined ? '' : `, line ${line}`}: ${problem}. ${fix} No Partner Central call is made until then.`);
  }
}

export function isConnectionConfigError(error: unknown): error is ConnectionConfigError {
  return error instanceof Error && error.name === 'ConnectionConfigError';
}

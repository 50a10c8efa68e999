import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { isCredentialProcessFailure } from '../core/credentialExplanations';
import { redactingLogger, type LevelLogger } from '../core/redaction/redactingLogger';
import { viewSdkError } from '../core/sdkErrorView';

/** Where call records go. vscode's LogOutputChannel satisfies it. */
export type CallLogger = LevelLogger;

interface ResponseMetadata {
  requestId?: string;
  attempts?: number;
  totalRetryDelay?: number;
  httpStatusCode?: number;
}

/**
 * Logs every call of `client`: one info line per successful call (operation, duration, attempts, request id), one
 * warn line per failed call (the same, with the error's name and message), a parameter summary at debug (counts,
 * not every ID), one line per HTTP attempt at debug (status or error name and code, duration), full parameters at
 * trace. Headers, bodies and credentials are never logged; the output of a failed credential_process only at trace;
 * every line passes the redaction boundary (redactingLogger).
 */
export function addCallLogging(client: PartnerCentralSellingClient, logger: CallLogger, now: () => number = () => performance.now()): void {
  const redacting = redactingLogger(logger);
  const log = (level: keyof CallLogger, message: string): void => redacting[level](message);

  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationName(context.commandName);
      log('debug', `${operation} ${summarizeParameters(args.input)}`);
      log('trace', `${operation} parameters ${safeJson(args.input)}`);
      const started = now();
      try {
        const result = await next(args);
        const metadata = (result.output as { $metadata?: ResponseMetadata }).$metadata ?? {};
        log('info', `${operation} ok in ${elapsed(started, now)}${describeMetadata(metadata)}`);
        return result;
      } catch (error) {
        const failure = error as { name?: string; message?: string; $metadata?: ResponseMetadata };
        const withheld = isCredentialProcessFailure(viewSdkError(error));
        const message = withheld ? 'the credential_process command failed (its command line and output are withheld; trace level shows them redacted)' : (failure.message ?? '');
        log('warn', `${operation} failed: ${failure.name ?? 'Error'} in ${elapsed(started, now)}${describeMetadata(failure.$metadata ?? {})}: ${message}`);
        if (withheld) log('trace', `${operation} credential_process failure: ${failure.message ?? ''}`);
        throw error;
      }
    },
    { step: 'initialize', name: 'partnerCentralCallLogging', override: true },
  );

  // The deserialize step runs inside the SDK's retry loop: once per HTTP attempt.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationName(context.commandName);
      const started = now();
      try {
        const result = await next(args);
        const status = (result.response as { statusCode?: number } | undefined)?.statusCode;
        log('debug', `${operation} attempt: HTTP ${status ?? '?'} in ${elapsed(started, now)}`);
        return result;
      } catch (error) {
        const failure = error as { name?: string; code?: string; $metadata?: ResponseMetadata };
        const status = failure.$metadata?.httpStatusCode;
        log('debug', `${operation} attempt: ${status ? `HTTP ${status} ` : ''}${failure.name ?? 'Error'}${failure.code ? ` (${failure.code})` : ''} in ${elapsed(started, now)}`);
        throw error;
      }
    },
    { step: 'deserialize', name: 'partnerCentralAttemptLogging', override: true },
  );
}

function operationName(commandName: string | undefined): string {
  return (commandName ?? 'UnknownOperation').replace(/Command$/, '');
}

function elapsed(started: number, now: () => number): string {
  return `${Math.round(now() - started)} ms`;
}

function describeMetadata(metadata: ResponseMetadata): string {
  const parts: string[] = [];
  if (metadata.attempts !== undefined) parts.push(`${metadata.attempts} attempt${metadata.attempts === 1 ? '' : 's'}`);
  if (metadata.totalRetryDelay) parts.push(`${metadata.totalRetryDelay} ms retry delay`);
  if (metadata.requestId) parts.push(`request id ${metadata.requestId}`);
  return parts.length > 0 ? `, ${parts.join(', ')}` : '';
}

/** `Catalog=Sandbox, Identifiers=[100 items], TaskName="…"`: enough to follow a session without every ID. */
function summarizeParameters(input: unknown): string {
  if (typeof input !== 'object' || input === null) return '{}';
  return Object.entries(input as Record<string, unknown>)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${summarizeValue(value)}`)
    .join(', ');
}

function summarizeValue(value: unknown): string {
  if (Array.isArray(value)) return `[${value.length} item${value.length === 1 ? '' : 's'}]`;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 59)}…` : value);
  if (typeof value === 'object' && value !== null) return `{${summarizeParameters(value)}}`;
  return String(value);
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return '(unserializable)';
  }
}

import { isCredentialProcessFailure } from '../credentialExplanations';
import { viewSdkError } from '../sdkErrorView';
import { redactForLevel } from './logRedaction';

declare const redactedBrand: unique symbol;

/**
 * Text that came from outside the extension (an SDK, service or child-process message) after the redaction
 * boundary: what a log line below trace or a message may hold of it.
 */
export type ExternalText = string & { readonly [redactedBrand]: 'redacted' };

/** The redaction boundary for outside text meant for a message or a log line below trace. */
export function redactExternal(text: string): ExternalText {
  return redactForLevel('info', text) as ExternalText;
}

/** Outside text for the trace level only: redacted, a child process's command line and output kept. */
export function redactExternalForTrace(text: string): ExternalText {
  return redactForLevel('trace', text) as ExternalText;
}

export interface ExternalError {
  /** For messages and log lines at any level. */
  readonly summary: ExternalText;
  /** For the trace level only. */
  readonly traceDetail: ExternalText;
}

/**
 * An error from outside, passed through the boundary. A failed credential_process becomes a fixed sentence
 * naming the profile (and the exit code when the error keeps it): its command line and output may hold
 * secrets, so only the trace detail has them, redacted.
 */
export function describeExternalError(error: unknown, profile?: string): ExternalError {
  const message = rawMessageOf(error);
  const traceDetail = redactExternalForTrace(message);
  if (isCredentialProcessFailure(viewSdkError(error))) return { summary: credentialProcessFailed(profile, exitCodeOf(error)), traceDetail };
  return { summary: redactExternal(message), traceDetail };
}

/** An outside error as a message or log line may hold it: {@link describeExternalError}'s summary. */
export function errorText(error: unknown, profile?: string): ExternalText {
  return describeExternalError(error, profile).summary;
}

/** The fixed sentence for a failed credential_process. */
export function credentialProcessFailed(profile: string | undefined, exitCode?: number): ExternalText {
  const the = profile ? `profile "${profile}"` : 'the profile';
  const exit = exitCode === undefined ? '' : ` with exit code ${exitCode}`;
  return `the credential_process of ${the} failed${exit} (its command line and output are not shown: they may hold secrets)` as ExternalText;
}

function rawMessageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') return (error as { message: string }).message;
  return String(error);
}

function exitCodeOf(error: unknown): number | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  return typeof code === 'number' && Number.isInteger(code) ? code : undefined;
}

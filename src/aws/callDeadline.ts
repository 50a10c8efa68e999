import { CALL_TIMEOUT_MS_PROPERTY } from '../core/sdkErrorView';

/** A signal that fires when the caller's does or when `ms` have passed; dispose() once the call settled. */
export function callSignal(ms: number, callerSignal?: AbortSignal): { signal: AbortSignal; dispose(): void } {
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(callTimeoutError(ms)), ms);
  const signal = callerSignal ? AbortSignal.any([callerSignal, deadline.signal]) : deadline.signal;
  return { signal, dispose: () => clearTimeout(timer) };
}

/** Rejects once `signal` fires, with the error the call ends with: its deadline's, or a cancellation. */
export function rejectionOnAbort(signal: AbortSignal): { promise: Promise<never>; dispose(): void } {
  let onAbort = (): void => undefined;
  const promise = new Promise<never>((_resolve, reject) => {
    onAbort = () => reject(abortErrorOf(signal));
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

function callTimeoutError(ms: number): Error {
  return Object.assign(new Error(`Partner Central did not answer within ${ms} ms (the whole call, retries included)`), {
    name: 'CallTimeoutError',
    [CALL_TIMEOUT_MS_PROPERTY]: ms,
  });
}

function abortErrorOf(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'CallTimeoutError') return reason;
  return Object.assign(new Error('The call was cancelled'), { name: 'AbortError', cause: reason });
}

import { type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { type AttemptReach, classifyAttemptFailure } from '../core/requestReach';
import { ATTEMPT_REACHES_PROPERTY, PROFILE_PROPERTY, viewSdkError } from '../core/sdkErrorView';

/** What the attempts of one call told so far; an attempt still in flight counts as `unanswered`. */
export interface CallRecord {
  reaches: AttemptReach[];
}

/** Records by the call's abort signal: the one object both send() and the middleware stack see. */
const records = new WeakMap<AbortSignal, CallRecord>();

export function openCallRecord(signal: AbortSignal): CallRecord {
  const record: CallRecord = { reaches: [] };
  records.set(signal, record);
  return record;
}

/** Puts the attempts and the profile on the error, where isOutcomeUnknown and explainError read them. */
export function annotateCallError(error: unknown, record: CallRecord, profile: string | undefined): void {
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return;
  Object.defineProperty(error, ATTEMPT_REACHES_PROPERTY, { value: record.reaches.slice(), configurable: true, writable: true });
  if (profile) Object.defineProperty(error, PROFILE_PROPERTY, { value: profile, configurable: true, writable: true });
}

/**
 * Records, once per HTTP attempt (the deserialize step runs inside the SDK's retry loop), whether the request
 * may have reached the service. Failures before this step (credentials, signing, endpoint) send nothing.
 */
export function addAttemptRecording(client: PartnerCentralSellingClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const signal = (context as { __smithy_context?: { abortSignal?: AbortSignal } }).__smithy_context?.abortSignal;
      const record = signal ? records.get(signal) : undefined;
      if (!record) return next(args);
      const abortedBefore = signal?.aborted === true;
      const index = record.reaches.push('unanswered') - 1;
      try {
        const result = await next(args);
        record.reaches[index] = 'answered';
        return result;
      } catch (error) {
        record.reaches[index] = abortedBefore ? 'notSent' : classifyAttemptFailure(viewSdkError(error));
        throw error;
      }
    },
    // High priority: outside the SDK's deserializer, so a 5xx or an unreadable body arrives here as an error.
    { step: 'deserialize', name: 'partnerCentralAttemptRecording', priority: 'high', override: true },
  );
}

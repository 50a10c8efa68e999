import { type OperationName, isOperation } from './model';

export const FAULT_KINDS = ['throttle', 'internal', 'accessDenied', 'delay', 'drop', 'malformed'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** An operation name, or '*' / absent for every operation. */
  operation?: OperationName | '*';
  fault: FaultKind;
  /** How many requests the fault applies to (default 1). */
  count?: number;
  /** For `delay`: how long to hold the request before handling it (default 1000). */
  delayMs?: number;
}

export interface PendingFault {
  operation: OperationName | '*';
  fault: FaultKind;
  remaining: number;
  delayMs: number;
}

/** Faults injected through the control API, consumed first-in first-out by matching requests. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  add(spec: FaultSpec): PendingFault {
    const fault: PendingFault = {
      operation: spec.operation ?? '*',
      fault: spec.fault,
      remaining: spec.count ?? 1,
      delayMs: spec.delayMs ?? 1000,
    };
    this.pending.push(fault);
    return fault;
  }

  /** The fault that applies to this request, if any; consumes one of its count. */
  take(operation: OperationName): PendingFault | undefined {
    const index = this.pending.findIndex((f) => f.operation === '*' || f.operation === operation);
    if (index < 0) return undefined;
    const fault = this.pending[index];
    fault.remaining--;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return { ...fault };
  }

  list(): PendingFault[] {
    return this.pending.map((fault) => ({ ...fault }));
  }

  clear(): void {
    this.pending = [];
  }
}

/** Checks a control-API body; returns an error message or the spec. */
export function parseFaultSpec(body: unknown): FaultSpec | string {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'body must be a JSON object';
  const { operation, fault, count, delayMs } = body as Record<string, unknown>;
  if (typeof fault !== 'string' || !(FAULT_KINDS as readonly string[]).includes(fault)) {
    return `fault must be one of ${FAULT_KINDS.join(', ')}`;
  }
  if (operation !== undefined && operation !== '*' && (typeof operation !== 'string' || !isOperation(operation))) {
    return 'operation must be an emulated operation name or "*"';
  }
  if (count !== undefined && (typeof count !== 'number' || !Number.isInteger(count) || count < 1)) {
    return 'count must be a positive integer';
  }
  if (delayMs !== undefined && (typeof delayMs !== 'number' || !Number.isFinite(delayMs) || delayMs < 0 || delayMs > 600_000)) {
    return 'delayMs must be a number of milliseconds between 0 and 600000';
  }
  return {
    operation: operation as OperationName | '*' | undefined,
    fault: fault as FaultKind,
    count: count as number | undefined,
    delayMs: delayMs as number | undefined,
  };
}

import { performance } from 'node:perf_hooks';

export interface EmulatorCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiresAt?: Date;
}

export interface EmulatorOptions {
  /** 0 or absent = a free port. */
  port?: number;
  /** Default 500. */
  engagementsPerCatalog?: number;
  /** Default 30; 0 = finished by the first Get/List. */
  taskDurationSeconds?: number;
  /** Default: taskDurationSeconds, at most 5; 0 = an opportunity task is finished when Start answers. */
  opportunityTaskDurationSeconds?: number;
  /** Default true (quota token buckets per access key). */
  throttle?: boolean;
  /** Default 1; data is deterministic per seed. */
  seed?: number;
  /** Default [DEFAULT_CREDENTIALS]. */
  credentials?: EmulatorCredentials[];
  /** Default '123456789012'. */
  accountId?: string;
  /** Clock (ms) for task progress, for tests; default Date.now. */
  now?: () => number;
  /** Monotonic clock (ms) that refills the quota buckets, for tests; default performance.now. */
  quotaClock?: () => number;
}

/** The example key pair from the AWS documentation: public, safe to print. */
export const DEFAULT_CREDENTIALS: EmulatorCredentials = Object.freeze({
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
});

export const REGION = 'us-east-1';
export const DEFAULT_ENGAGEMENTS_PER_CATALOG = 500;
export const DEFAULT_TASK_DURATION_SECONDS = 30;
export const MAX_DEFAULT_OPPORTUNITY_TASK_DURATION_SECONDS = 5;

export interface EmulatorConfig {
  port: number;
  engagementsPerCatalog: number;
  taskDurationMs: number;
  opportunityTaskDurationMs: number;
  throttle: boolean;
  seed: number;
  credentials: readonly EmulatorCredentials[];
  accountId: string;
  now: () => number;
  quotaClock: () => number;
}

export function resolveOptions(options: EmulatorOptions = {}): EmulatorConfig {
  const port = options.port ?? 0;
  const engagementsPerCatalog = options.engagementsPerCatalog ?? DEFAULT_ENGAGEMENTS_PER_CATALOG;
  const taskDurationSeconds = options.taskDurationSeconds ?? DEFAULT_TASK_DURATION_SECONDS;
  const opportunityTaskDurationSeconds =
    options.opportunityTaskDurationSeconds ?? Math.min(taskDurationSeconds, MAX_DEFAULT_OPPORTUNITY_TASK_DURATION_SECONDS);
  const accountId = options.accountId ?? '123456789012';
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new RangeError(`port must be an integer 0..65535, got ${port}`);
  if (!Number.isInteger(engagementsPerCatalog) || engagementsPerCatalog < 0 || engagementsPerCatalog > 100_000) {
    throw new RangeError(`engagementsPerCatalog must be an integer 0..100000, got ${engagementsPerCatalog}`);
  }
  if (!Number.isFinite(taskDurationSeconds) || taskDurationSeconds < 0) {
    throw new RangeError(`taskDurationSeconds must be a number >= 0, got ${taskDurationSeconds}`);
  }
  if (!Number.isFinite(opportunityTaskDurationSeconds) || opportunityTaskDurationSeconds < 0) {
    throw new RangeError(`opportunityTaskDurationSeconds must be a number >= 0, got ${opportunityTaskDurationSeconds}`);
  }
  if (!/^\d{12}$/.test(accountId)) throw new RangeError(`accountId must be 12 digits, got ${accountId}`);
  return {
    port,
    engagementsPerCatalog,
    taskDurationMs: Math.round(taskDurationSeconds * 1000),
    opportunityTaskDurationMs: Math.round(opportunityTaskDurationSeconds * 1000),
    throttle: options.throttle ?? true,
    seed: options.seed ?? 1,
    credentials: options.credentials ?? [DEFAULT_CREDENTIALS],
    accountId,
    now: options.now ?? Date.now,
    quotaClock: options.quotaClock ?? (() => performance.now()),
  };
}

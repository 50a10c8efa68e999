/**
 * Requests per second per access key, from the service quotas; each bucket holds one second's worth.
 * `otherReads` (GetEngagement, ListEngagements, ListOpportunityFromEngagementTasks) and `otherWrites`
 * (StartOpportunityFromEngagementTask) are one bucket each, shared by their operations.
 */
export const QUOTA_RATES = {
  StartProspectingFromEngagementTask: 2,
  GetProspectingFromEngagementTask: 100,
  ListProspectingFromEngagementTasks: 50,
  otherReads: 10,
  otherWrites: 1,
} as const;

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token buckets per access key and quota, on a monotonic clock (not the emulator's `now`, which tests freeze). */
export class QuotaLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly clockMs: () => number) {}

  /** Takes one token; false when the bucket is empty (the caller answers ThrottlingException). */
  take(accessKeyId: string, quota: keyof typeof QUOTA_RATES): boolean {
    const rate = QUOTA_RATES[quota];
    const key = `${accessKeyId}/${quota}`;
    const now = this.clockMs();
    const bucket = this.buckets.get(key) ?? { tokens: rate, updatedMs: now };
    bucket.tokens = Math.min(rate, bucket.tokens + ((now - bucket.updatedMs) / 1000) * rate);
    bucket.updatedMs = now;
    this.buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  clear(): void {
    this.buckets.clear();
  }
}

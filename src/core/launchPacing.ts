/** StartProspectingFromEngagementTask allows 2 requests per second per partner account. */
const START_MIN_INTERVAL_MS = 500;

/** Milliseconds to wait before the next launch so that launches are at least `minIntervalMs` apart. */
export function delayBeforeNextLaunch(lastLaunchAt: number | undefined, now: number, minIntervalMs = START_MIN_INTERVAL_MS): number {
  if (lastLaunchAt === undefined) return 0;
  return Math.max(0, lastLaunchAt + minIntervalMs - now);
}

/** Remembers the last launch and says how long to wait before the next one. */
export class RateSpacer {
  private lastLaunchAt: number | undefined;

  constructor(
    private readonly minIntervalMs = START_MIN_INTERVAL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  delayBeforeNext(): number {
    return delayBeforeNextLaunch(this.lastLaunchAt, this.now(), this.minIntervalMs);
  }

  recordLaunch(at = this.now()): void {
    this.lastLaunchAt = at;
  }
}

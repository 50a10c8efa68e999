import { type Clock } from './clock';
import { DEFAULT_POLL_SCHEDULE, nextPollDelay, type PollScheduleOptions } from './pollSchedule';

export interface PollResult {
  changed: boolean;
}

export interface PollerOptions {
  clock: Clock;
  poll: () => Promise<PollResult>;
  /** Asked before scheduling and before each poll: the poller stops (no timer) while it says false. */
  hasActiveWork: () => boolean;
  onError?: (error: unknown, consecutiveErrors: number) => void;
  schedule?: PollScheduleOptions;
}

/**
 * Polls while there is active work, one poll at a time: ~2 s after kick(), slower while nothing changes, fast
 * again on a change; slower unfocused, at once on refocus; errors back off. Restart it with kick() after new
 * work appears (a task started, records restored at activation).
 */
export class Poller {
  private timer: unknown;
  private dueAt: number | undefined;
  private inFlight = false;
  private disposed = false;
  private focused = true;
  private unchangedPolls = 0;
  private consecutiveErrors = 0;
  /** kick() or refocus during a poll: its effect applies once the poll settles. */
  private kickedDuringPoll = false;
  private refocusedDuringPoll = false;
  private readonly fastMs: number;

  constructor(private readonly options: PollerOptions) {
    this.fastMs = options.schedule?.fastMs ?? DEFAULT_POLL_SCHEDULE.fastMs;
  }

  /** A poll is scheduled or running. */
  get polling(): boolean {
    return this.timer !== undefined || this.inFlight;
  }

  /** Something changed (e.g. a task started): poll within fastMs, then at the fast pace. */
  kick(): void {
    if (this.disposed) return;
    this.unchangedPolls = 0;
    if (this.inFlight) {
      this.kickedDuringPoll = true;
      return;
    }
    this.scheduleWithin(this.fastMs);
  }

  setFocused(focused: boolean): void {
    if (this.disposed || focused === this.focused) return;
    this.focused = focused;
    if (!focused) return;
    if (this.inFlight) {
      this.refocusedDuringPoll = true;
      return;
    }
    this.scheduleWithin(0);
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
  }

  /** Schedules a poll in `ms` unless one is already due sooner. */
  private scheduleWithin(ms: number): void {
    const dueAt = this.options.clock.now() + ms;
    if (this.timer !== undefined && this.dueAt !== undefined && this.dueAt <= dueAt) return;
    this.schedule(ms);
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    if (this.disposed || !this.options.hasActiveWork()) return;
    this.dueAt = this.options.clock.now() + ms;
    this.timer = this.options.clock.setTimeout(() => void this.run(), ms);
  }

  private cancelTimer(): void {
    if (this.timer !== undefined) this.options.clock.clearTimeout(this.timer);
    this.timer = undefined;
    this.dueAt = undefined;
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.dueAt = undefined;
    if (this.disposed || this.inFlight || !this.options.hasActiveWork()) return;
    this.inFlight = true;
    try {
      const result = await this.options.poll();
      if (this.disposed) return;
      this.consecutiveErrors = 0;
      this.unchangedPolls = result.changed ? 0 : this.unchangedPolls + 1;
    } catch (error) {
      if (this.disposed) return;
      this.consecutiveErrors++;
      this.reportError(error);
    } finally {
      this.inFlight = false;
    }
    this.scheduleAfterPoll();
  }

  private scheduleAfterPoll(): void {
    if (this.disposed) return;
    if (this.kickedDuringPoll) this.unchangedPolls = 0;
    const immediate = this.refocusedDuringPoll;
    this.kickedDuringPoll = false;
    this.refocusedDuringPoll = false;
    const delay = nextPollDelay(
      { unchangedPolls: this.unchangedPolls, consecutiveErrors: this.consecutiveErrors, focused: this.focused },
      this.options.schedule,
    );
    this.schedule(immediate ? 0 : delay);
  }

  private reportError(error: unknown): void {
    try {
      this.options.onError?.(error, this.consecutiveErrors);
    } catch {
      // A failing error handler must not stop the polling.
    }
  }
}

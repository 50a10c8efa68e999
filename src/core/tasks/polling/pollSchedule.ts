export interface PollScheduleOptions {
  /** Delay after a change or kick. Default 2000. */
  fastMs?: number;
  /** Longest delay while nothing changes. Default 30000. */
  maxIdleMs?: number;
  /** Growth per poll that saw no change. Default 1.5. */
  backoffFactor?: number;
  /** Delays are multiplied by this while the window is unfocused. Default 3. */
  unfocusedFactor?: number;
  /** Longest delay while unfocused (unless errors already wait longer). Default 120000. */
  unfocusedMaxMs?: number;
  /** Longest delay after failures. Default 120000. */
  errorMaxMs?: number;
}

export const DEFAULT_POLL_SCHEDULE: Required<PollScheduleOptions> = {
  fastMs: 2_000,
  maxIdleMs: 30_000,
  backoffFactor: 1.5,
  unfocusedFactor: 3,
  unfocusedMaxMs: 120_000,
  errorMaxMs: 120_000,
};

export interface PollScheduleState {
  /** Polls in a row that saw no change. */
  unchangedPolls: number;
  /** Polls in a row that failed. */
  consecutiveErrors: number;
  focused: boolean;
}

/**
 * The delay before the next poll: fast after a change, growing by backoffFactor per unchanged poll up to
 * maxIdleMs; doubling per failure up to errorMaxMs; times unfocusedFactor (up to unfocusedMaxMs) unfocused.
 */
export function nextPollDelay(state: PollScheduleState, options: PollScheduleOptions = {}): number {
  const o = { ...DEFAULT_POLL_SCHEDULE, ...options };
  const idle = Math.min(o.maxIdleMs, o.fastMs * o.backoffFactor ** Math.max(0, state.unchangedPolls));
  const delay = state.consecutiveErrors > 0 ? Math.max(idle, Math.min(o.errorMaxMs, o.fastMs * 2 ** state.consecutiveErrors)) : idle;
  if (state.focused) return Math.round(delay);
  return Math.round(Math.max(delay, Math.min(delay * o.unfocusedFactor, o.unfocusedMaxMs)));
}

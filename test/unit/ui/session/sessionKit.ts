import * as aws from '../../../../src/aws';
import type { SessionLog } from '../../../../src/ui/session/sessionLog';
import { MemoryState } from '../../../../src/ui/session/accountState';
import { AccountSessions } from '../../../../src/ui/session/accountSessions';
import type { Clock } from '../../../../src/core/tasks';

export const START = 'StartProspectingFromEngagementTask';
export const LIST = 'ListProspectingFromEngagementTasks';

/** A log that keeps its lines, for assertions. */
export class CapturingLog implements SessionLog {
  readonly lines: string[] = [];
  trace = (message: string): void => void this.lines.push(`trace ${message}`);
  debug = (message: string): void => void this.lines.push(`debug ${message}`);
  info = (message: string): void => void this.lines.push(`info ${message}`);
  warn = (message: string): void => void this.lines.push(`warn ${message}`);
  error = (message: string): void => void this.lines.push(`error ${message}`);
}

/** globalState as the extension sees it, recording every key written. */
export class RecordingState extends MemoryState {
  readonly written: string[] = [];

  override async update(key: string, value: unknown): Promise<void> {
    this.written.push(key);
    await super.update(key, value);
  }
}

/** Sessions over the real AWS layer, as the extension makes them. */
export function makeSessions(state: RecordingState, log: SessionLog, clock?: Clock): AccountSessions {
  return new AccountSessions({ aws: async () => aws, state, log, ...(clock ? { clock } : {}) });
}

/** Waits (in real time: HTTP answers are real) until `probe` gives a value. */
export async function eventually<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

import type { TaskRecord } from '../../core/tasks';
import type { AppContext } from '../appContext';
import type { AccountSession } from '../session/accountSession';

/** What a launch works with: the application's context, and the account session the launch goes to. */
export interface LaunchContext extends AppContext {
  /** The session a launch goes to: the current one, or, within a launch, the one it holds. */
  session(): Promise<AccountSession>;
  /** Told of every task that started (the view shows its catalog). */
  taskStarted(task: TaskRecord): void;
}

/** The same context, bound to `session`: a launch and its follow-ups stay in the account they started in. */
export function inSession(context: LaunchContext, session: AccountSession): LaunchContext {
  return { ...context, session: () => Promise.resolve(session) };
}

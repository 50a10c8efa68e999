import type * as vscode from 'vscode';
import { readConnectionSettings } from '../config';
import type { AwsModule } from '../connection';
import type { AccountSession } from '../session/accountSession';
import type { AccountSessions } from '../session/accountSessions';
import type { ConnectionSource } from './connectionSource';

/**
 * The connection features' view of the current account session: its settings (the local emulator's when that
 * is the connection), its client, and an event when another session became current. The client is the open
 * session's, never a reason to open another: watching a session's calls must not keep re-opening it.
 */
export function sessionConnectionSource(sessions: AccountSessions, aws: () => Promise<AwsModule>): ConnectionSource {
  const onDidChangeAccount: vscode.Event<void> = (listener, thisArgs, disposables) => {
    const subscription = sessions.onDidChangeSession(() => listener.call(thisArgs));
    disposables?.push(subscription);
    return subscription;
  };
  return {
    get settings() {
      return sessions.current?.settings ?? readConnectionSettings();
    },
    aws,
    client: async () => (await sessions.settled()).client,
    onDidChangeAccount,
    observeCalls(listener) {
      // onDidChangeSession fires before the new session makes any call: its client is watched from the start.
      const watch = (session: AccountSession): void => session.aws.observeCallOutcomes(session.client, (outcome) => {
        if (sessions.current === session) listener(session.settings, outcome);
      });
      if (sessions.current) watch(sessions.current);
      return sessions.onDidChangeSession(watch);
    },
  };
}

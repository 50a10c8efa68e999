import * as vscode from 'vscode';
import { redactForLevel } from '../core/redaction/logRedaction';
import { redactingLogger } from '../core/redaction/redactingLogger';

const LOG_CHANNEL_NAME = 'Partner Central';

/**
 * The extension's one log channel; its level follows the user's "Set Log Level" choice. It is the redaction
 * boundary: every line written to it, at every level (and through append/appendLine/replace), is redacted
 * before VS Code sees it, so nothing from outside reaches the log unredacted, whoever writes.
 */
export function createLog(): vscode.LogOutputChannel {
  const channel = vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
  const redacting = redactingLogger(channel);
  return new Proxy(redacting, {
    get(target, property) {
      if (property === 'append' || property === 'appendLine' || property === 'replace') {
        return (text: string) => channel[property](redactForLevel('info', text));
      }
      return Reflect.get(target, property, target) as unknown;
    },
  });
}

import * as vscode from 'vscode';

const LOG_CHANNEL_NAME = 'Partner Central';

/** The extension's one log channel; its level follows the user's "Set Log Level" choice. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel(LOG_CHANNEL_NAME, { log: true });
}

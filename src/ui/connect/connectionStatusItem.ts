import * as vscode from 'vscode';
import { describeConnection, type ConnectionDescription } from '../../core/connection/connectionLabel';
import { Disposable } from '../disposable';
import { SHOW_CONNECTION_MENU_COMMAND } from '../ids';


/** What the connection item shows, for tests. */
export interface ConnectionItemView {
  text: string;
  tooltip: string;
  /** Whether it has the error look (credentials failed). */
  error: boolean;
}

/**
 * The status bar item naming where calls go (`partner-prod · Sandbox`); with failing credentials it takes the
 * error look and says why in its tooltip. A click opens the connection menu.
 */
export class ConnectionStatusItem extends Disposable {
  private readonly item = this.register(vscode.window.createStatusBarItem('partnerCentral.connection', vscode.StatusBarAlignment.Left, 51));
  private shown: ConnectionItemView = { text: '', tooltip: '', error: false };

  constructor() {
    super();
    this.item.name = 'Partner Central Connection';
    this.item.command = SHOW_CONNECTION_MENU_COMMAND;
  }

  get view(): ConnectionItemView {
    return this.shown;
  }

  update(connection: ConnectionDescription): void {
    const { text, tooltip } = describeConnection(connection);
    const error = connection.health.status === 'failed';
    this.shown = { text, tooltip: tooltip.join('\n'), error };
    this.item.text = `${error ? '$(error)' : '$(plug)'} ${text}`;
    this.item.tooltip = this.shown.tooltip;
    this.item.backgroundColor = error ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    this.item.accessibilityInformation = { label: `Partner Central connection: ${text}${error ? ', credentials failed' : ''}` };
    this.item.show();
  }
}

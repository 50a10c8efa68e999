import * as vscode from 'vscode';
import { tasksToJson, type Catalog } from '../../core/tasks';
import { Disposable } from '../disposable';
import type { AccountSessions } from '../session/accountSessions';

export const TASK_DETAILS_SCHEME = 'partnercentral-task';

export function taskDetailsUri(catalog: Catalog, taskId: string): vscode.Uri {
  return vscode.Uri.from({ scheme: TASK_DETAILS_SCHEME, path: `/${catalog}/${taskId}.json` });
}

/**
 * Read-only documents showing a task in full, as JSON, for `partnercentral-task:/<catalog>/<taskId>.json`.
 * Open ones follow the task: they are rendered again whenever the current session learns something new, or another session becomes current.
 */
export class TaskDetailsDocuments extends Disposable implements vscode.TextDocumentContentProvider {
  private readonly changed = this.register(new vscode.EventEmitter<vscode.Uri>());
  readonly onDidChange = this.changed.event;

  constructor(private readonly sessions: AccountSessions) {
    super();
    this.register(sessions.onDidChange(() => {
      for (const document of vscode.workspace.textDocuments) {
        if (document.uri.scheme === TASK_DETAILS_SCHEME) this.changed.fire(document.uri);
      }
    }));
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const [, catalog, file] = uri.path.split('/');
    const taskId = file?.replace(/\.json$/, '') ?? '';
    const task = this.sessions.task(catalog as Catalog, taskId);
    return task ? tasksToJson([task]) : `// Task ${taskId} is not known in the ${catalog} catalog here.\n`;
  }
}

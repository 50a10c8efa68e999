import * as path from 'node:path';
import * as vscode from 'vscode';
import { isEngagementId } from '../../core/engagementIds';
import { documentRequest, type IdRequestOrProblem } from '../sources/idRequests';
import { fixAllEdit, type NearMissDiagnostics } from './nearMissDiagnostics';
import { FIX_ALL_NEAR_MISSES_COMMAND, PROSPECT_DOCUMENT_COMMAND, START_WITH_ENGAGEMENT_COMMAND } from '../ids';

/** Starts the usual launch flow (pick, catalog, name, launch) for a request. */
export type Prospect = (request: IdRequestOrProblem) => Promise<void>;

/** The commands behind the hover's links, the CodeLens and the fix-all. */
export function registerEditorCommands(prospect: Prospect, diagnostics: NearMissDiagnostics): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(START_WITH_ENGAGEMENT_COMMAND, async (id?: unknown, uri?: unknown) => {
      if (typeof id !== 'string' || !isEngagementId(id)) {
        await prospect({ problem: 'Hover over an engagement ID (eng- followed by 14 lower-case letters or digits) and use its link to start a task with it.' });
        return;
      }
      const fileName = typeof uri === 'string' ? path.basename(vscode.Uri.parse(uri).path) : undefined;
      await prospect({ request: { source: 'selection', label: id, pieces: [{ origin: fileName ?? id, text: id, startLine: 0, startColumn: 0 }], ...(fileName ? { fileName } : {}) } });
    }),
    vscode.commands.registerCommand(PROSPECT_DOCUMENT_COMMAND, async (uri?: unknown) => {
      await prospect(documentRequest(await documentOf(uri)));
    }),
    vscode.commands.registerCommand(FIX_ALL_NEAR_MISSES_COMMAND, async (uri?: unknown) => {
      const document = await documentOf(uri);
      if (!document) return;
      const { edit, count } = fixAllEdit(document, diagnostics.of(document.uri));
      if (count > 0) await vscode.workspace.applyEdit(edit);
    }),
  );
}

/** The document a command argument names (open, or opened now), else the active editor's. */
async function documentOf(uri: unknown): Promise<vscode.TextDocument | undefined> {
  const wanted = uri instanceof vscode.Uri ? uri : typeof uri === 'string' ? vscode.Uri.parse(uri) : undefined;
  if (!wanted) return vscode.window.activeTextEditor?.document;
  const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === wanted.toString());
  return open ?? vscode.workspace.openTextDocument(wanted).then((document) => document, () => undefined);
}

import * as vscode from 'vscode';
import { nearMissMessage, verifiedFixesAt, type DocumentScan } from '../../core/editor';
import { Disposable } from '../disposable';
import type { DocumentScans } from './documentScans';
import { affectsEditorFeature, isEditorFeatureOn } from './editorSettings';

const DIAGNOSTIC_SOURCE = 'Partner Central';
const DIAGNOSTIC_CODE = 'engagement-id-near-miss';
const FIX_ALL_KIND = vscode.CodeActionKind.SourceFixAll.append('partnerCentral');
const FIX_ALL_TITLE = 'Fix all engagement ID near misses in this file';

/** Each near miss of a scanned document is a Warning, with the extractor's reason (`partnerCentral.diagnostics`). */
export class NearMissDiagnostics extends Disposable {
  private readonly collection = this.register(vscode.languages.createDiagnosticCollection('partnerCentral.nearMisses'));

  constructor(private readonly scans: DocumentScans) {
    super();
    this.register(scans.onDidScan((document) => this.update(document)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.collection.delete(document.uri)));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (!affectsEditorFeature(event, 'diagnostics')) return;
      if (!isEditorFeatureOn('diagnostics')) this.collection.clear();
      else for (const document of vscode.workspace.textDocuments) this.update(document);
    }));
    for (const document of vscode.workspace.textDocuments) this.update(document);
  }

  /** What is reported for a document now (the Quick Fixes start from these). */
  of(uri: vscode.Uri): readonly vscode.Diagnostic[] {
    return this.collection.get(uri) ?? [];
  }

  private update(document: vscode.TextDocument): void {
    const scan = this.scans.current(document);
    if (!scan || !isEditorFeatureOn('diagnostics')) return;
    this.collection.set(document.uri, diagnosticsOf(scan));
  }
}

function diagnosticsOf(scan: DocumentScan): vscode.Diagnostic[] {
  return scan.nearMisses.map((miss) => {
    const start = new vscode.Position(miss.line - 1, miss.column - 1);
    const length = miss.text.endsWith('…') ? miss.text.length - 1 : miss.text.length;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(start, start.translate(0, length)), nearMissMessage(miss), vscode.DiagnosticSeverity.Warning);
    diagnostic.source = DIAGNOSTIC_SOURCE;
    diagnostic.code = DIAGNOSTIC_CODE;
    return diagnostic;
  });
}

/** A near miss's fixes as edits, worked out from the document as it is now. */
function fixesFor(document: vscode.TextDocument, at: vscode.Position): { range: vscode.Range; fixes: Array<{ title: string; replacement: string }> } | undefined {
  if (at.line >= document.lineCount) return undefined;
  const found = verifiedFixesAt(document.lineAt(at.line).text, at.character);
  if (!found || found.fixes.length === 0) return undefined;
  return { range: new vscode.Range(at, at.translate(0, found.miss.text.length)), fixes: found.fixes };
}

/** The preferred fix of every fixable near miss of the document, as one edit (overlapping ones are left out). */
export function fixAllEdit(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): { edit: vscode.WorkspaceEdit; count: number } {
  const edit = new vscode.WorkspaceEdit();
  const starts = diagnostics.filter(isOurs).map((diagnostic) => diagnostic.range.start).sort((a, b) => a.compareTo(b));
  let lastEnd: vscode.Position | undefined;
  let count = 0;
  for (const start of starts) {
    if (lastEnd && start.isBefore(lastEnd)) continue;
    const found = fixesFor(document, start);
    if (!found) continue;
    edit.replace(document.uri, found.range, found.fixes[0].replacement);
    lastEnd = found.range.end;
    count++;
  }
  return { edit, count };
}

function isOurs(diagnostic: vscode.Diagnostic): boolean {
  return diagnostic.source === DIAGNOSTIC_SOURCE && diagnostic.code === DIAGNOSTIC_CODE;
}

/** Quick Fixes for near misses (the suggestion applied), and a fix-all for the file. */
export class NearMissCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, FIX_ALL_KIND] };

  constructor(private readonly diagnostics: NearMissDiagnostics) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    const all = this.diagnostics.of(document.uri);
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics.filter(isOurs)) {
        const found = fixesFor(document, diagnostic.range.start);
        found?.fixes.forEach((fix, index) => {
          const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
          action.diagnostics = [diagnostic];
          action.isPreferred = index === 0;
          action.edit = new vscode.WorkspaceEdit();
          action.edit.replace(document.uri, found.range, fix.replacement);
          actions.push(action);
        });
      }
      if (actions.length > 0 && all.length > 1) actions.push(...this.fixAll(document, all, vscode.CodeActionKind.QuickFix));
    }
    if (context.only && context.only.contains(FIX_ALL_KIND)) actions.push(...this.fixAll(document, all, FIX_ALL_KIND));
    return actions;
  }

  /** The fix-all, when there is something to fix. */
  private fixAll(document: vscode.TextDocument, all: readonly vscode.Diagnostic[], kind: vscode.CodeActionKind): vscode.CodeAction[] {
    const { edit, count } = fixAllEdit(document, all);
    if (count === 0) return [];
    const action = new vscode.CodeAction(FIX_ALL_TITLE, kind);
    action.edit = edit;
    action.diagnostics = all.filter(isOurs);
    return [action];
  }
}

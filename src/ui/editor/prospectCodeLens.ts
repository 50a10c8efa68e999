import * as vscode from 'vscode';
import { Disposable } from '../disposable';
import type { DocumentScans } from './documentScans';
import { affectsEditorFeature, isEditorFeatureOn } from './editorSettings';
import { PROSPECT_DOCUMENT_COMMAND } from '../ids';


/** `Prospect 37 engagements in this file` above the first ID of a document (`partnerCentral.codeLens`). */
export class ProspectCodeLens extends Disposable implements vscode.CodeLensProvider {
  private readonly changed = this.register(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(private readonly scans: DocumentScans) {
    super();
    this.register(scans.onDidScan(() => this.changed.fire()));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEditorFeature(event, 'codeLens')) this.changed.fire();
    }));
  }

  async provideCodeLenses(document: vscode.TextDocument): Promise<vscode.CodeLens[]> {
    if (!isEditorFeatureOn('codeLens')) return [];
    const scan = await this.scans.scanFor(document);
    const first = scan?.ids[0];
    if (!scan || !first) return [];
    const count = scan.ids.length;
    const at = new vscode.Range(first.line - 1, first.column - 1, first.line - 1, first.column - 1);
    return [new vscode.CodeLens(at, {
      title: `Prospect ${count} engagement${count === 1 ? '' : 's'} in this file`,
      tooltip: 'Start a prospecting task with the engagement IDs of this file: check them, choose the catalog and name, launch.',
      command: PROSPECT_DOCUMENT_COMMAND,
      arguments: [document.uri],
    })];
  }
}

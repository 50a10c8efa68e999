import * as vscode from 'vscode';
import type { EngagementOutcomeSource, EngagementTitleLookup } from '../../core/editor';
import { Disposable } from '../disposable';
import { DocumentScans } from './documentScans';
import { registerEditorCommands, type Prospect } from './editorCommands';
import { affectsEditorFeature, isEditorFeatureOn } from './editorSettings';
import { EngagementHover } from './engagementHover';
import { NearMissCodeActions, NearMissDiagnostics } from './nearMissDiagnostics';
import { OutcomeDecorations, type ShownDecoration } from './outcomeDecorations';
import { ProspectCodeLens } from './prospectCodeLens';

/** What the editor features are built from (adapters in ./adapters build the first two from today's services). */
export interface EngagementEditorServices {
  readonly log: vscode.LogOutputChannel;
  readonly outcomes: EngagementOutcomeSource & Partial<vscode.Disposable>;
  readonly titles: EngagementTitleLookup & Partial<vscode.Disposable>;
  readonly prospect: Prospect;
}

/** The editor features, registered; `decorationsOf` lets in-host tests read what is drawn. */
export interface EngagementEditorFeatures extends vscode.Disposable {
  decorationsOf(uri: vscode.Uri): readonly ShownDecoration[];
}

/** Any scheme: the hover asks nothing of the document but the ID under the mouse. */
const EVERY_DOCUMENT: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }, { scheme: 'partnercentral-task' }];
const SCANNED_DOCUMENTS: vscode.DocumentSelector = [{ scheme: 'file' }, { scheme: 'untitled' }, { scheme: 'vscode-remote' }, { scheme: 'vscode-vfs' }];

/**
 * Engagement IDs in text editors: a hover with title and outcome, near misses as Warnings with Quick Fixes,
 * outcomes after the IDs, and a CodeLens to prospect the whole file. One scan per document version feeds
 * the last three; titles are fetched only on hover.
 */
export function registerEngagementEditorFeatures(services: EngagementEditorServices): EngagementEditorFeatures {
  return new EditorFeatures(services);
}

class EditorFeatures extends Disposable implements EngagementEditorFeatures {
  private readonly decorations: OutcomeDecorations;

  constructor(services: EngagementEditorServices) {
    super();
    if (services.outcomes.dispose) this.register({ dispose: () => services.outcomes.dispose?.() });
    if (services.titles.dispose) this.register({ dispose: () => services.titles.dispose?.() });
    const wanted = (): boolean => isEditorFeatureOn('diagnostics') || isEditorFeatureOn('decorations') || isEditorFeatureOn('codeLens');
    const scans = this.register(new DocumentScans(wanted, services.log));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if ((['diagnostics', 'decorations', 'codeLens'] as const).some((feature) => affectsEditorFeature(event, feature))) scans.rescanAll();
    }));
    const diagnostics = this.register(new NearMissDiagnostics(scans));
    this.decorations = this.register(new OutcomeDecorations(scans, services.outcomes));
    const codeLens = this.register(new ProspectCodeLens(scans));
    this.register(vscode.languages.registerHoverProvider(EVERY_DOCUMENT, new EngagementHover(scans, services.outcomes, services.titles)));
    this.register(vscode.languages.registerCodeActionsProvider(SCANNED_DOCUMENTS, new NearMissCodeActions(diagnostics), NearMissCodeActions.metadata));
    this.register(vscode.languages.registerCodeLensProvider(SCANNED_DOCUMENTS, codeLens));
    this.register(registerEditorCommands(services.prospect, diagnostics));
  }

  decorationsOf(uri: vscode.Uri): readonly ShownDecoration[] {
    return this.decorations.of(uri);
  }
}

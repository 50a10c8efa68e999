import * as vscode from 'vscode';
import { outcomeDecorationText, type EngagementOutcome, type EngagementOutcomeSource } from '../../core/editor';
import { ENGAGEMENT_ID_LENGTH } from '../../core/engagementIds';
import { Disposable } from '../disposable';
import { DocumentScans } from './documentScans';
import { affectsEditorFeature, isEditorFeatureOn } from './editorSettings';

/** Past this many per editor, later IDs go undecorated: the renderer, not the scan, is the limit. */
const MAX_DECORATIONS = 5000;

/** An after-text shown in an editor (what in-host tests read back). */
export interface ShownDecoration {
  readonly id: string;
  /** 0-based. */
  readonly line: number;
  readonly character: number;
  readonly text: string;
}

const LOOKS: Record<EngagementOutcome['state'], string> = {
  completed: 'testing.iconPassed',
  failed: 'testing.iconFailed',
  running: 'editorCodeLens.foreground',
};

/**
 * After each ID with a known outcome, a quiet after-text in theme colours: `✓ ctx-…`, `✗ REASON`, `… running`
 * (`partnerCentral.decorations`). Redrawn from the shared scan when it changes and when an outcome changes.
 */
export class OutcomeDecorations extends Disposable {
  private readonly types = new Map<EngagementOutcome['state'], vscode.TextEditorDecorationType>();
  private readonly shown = new Map<string, ShownDecoration[]>();

  constructor(private readonly scans: DocumentScans, private readonly outcomes: EngagementOutcomeSource) {
    super();
    for (const [state, color] of Object.entries(LOOKS) as Array<[EngagementOutcome['state'], string]>) {
      this.types.set(state, this.register(vscode.window.createTextEditorDecorationType({
        after: { color: new vscode.ThemeColor(color), fontStyle: 'italic', margin: '0 0 0 1em' },
        rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      })));
    }
    this.register(scans.onDidScan((document) => this.redraw(vscode.window.visibleTextEditors.filter((editor) => editor.document === document))));
    this.register(outcomes.onDidChange(() => this.redraw(vscode.window.visibleTextEditors)));
    this.register(vscode.window.onDidChangeVisibleTextEditors((editors) => this.redraw(editors)));
    this.register(vscode.workspace.onDidCloseTextDocument((document) => this.shown.delete(document.uri.toString())));
    this.register(vscode.workspace.onDidChangeConfiguration((event) => {
      if (affectsEditorFeature(event, 'decorations')) this.redraw(vscode.window.visibleTextEditors);
    }));
    this.redraw(vscode.window.visibleTextEditors);
  }

  /** What is drawn in the editors of a document now. */
  of(uri: vscode.Uri): readonly ShownDecoration[] {
    return this.shown.get(uri.toString()) ?? [];
  }

  private redraw(editors: readonly vscode.TextEditor[]): void {
    const on = isEditorFeatureOn('decorations');
    for (const editor of editors) {
      if (!DocumentScans.isScannable(editor.document)) continue;
      const scan = on ? this.scans.current(editor.document) : undefined;
      if (on && !scan) {
        // Not scanned yet, or typed into since: what is drawn stays (VS Code moves it with the edits) until the scan.
        void this.scans.scanFor(editor.document);
        continue;
      }
      const byState = new Map<EngagementOutcome['state'], vscode.DecorationOptions[]>([...this.types.keys()].map((state) => [state, []]));
      const shown: ShownDecoration[] = [];
      for (const occurrence of scan?.occurrences ?? []) {
        if (shown.length >= MAX_DECORATIONS) break;
        const outcome = this.outcomes.outcomeOf(occurrence.id);
        if (!outcome) continue;
        const text = outcomeDecorationText(outcome);
        const start = editor.document.positionAt(occurrence.offset);
        const range = new vscode.Range(start, start.translate(0, ENGAGEMENT_ID_LENGTH));
        byState.get(outcome.state)?.push({ range, renderOptions: { after: { contentText: text } } });
        shown.push({ id: occurrence.id, line: start.line, character: start.character, text });
      }
      for (const [state, type] of this.types) editor.setDecorations(type, byState.get(state) ?? []);
      this.shown.set(editor.document.uri.toString(), shown);
    }
  }
}

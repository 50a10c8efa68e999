import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TextPiece } from '../../core/collectedIds';

function originOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : path.basename(uri.path);
}

/** Every non-empty selection of the editor, in document order (multiple cursors give several). */
export function selectionPieces(editor: vscode.TextEditor): TextPiece[] {
  const origin = originOf(editor.document.uri);
  return [...editor.selections]
    .filter((selection) => !selection.isEmpty)
    .sort((a, b) => a.start.compareTo(b.start))
    .map((selection) => ({
      origin,
      text: editor.document.getText(selection),
      startLine: selection.start.line,
      startColumn: selection.start.character,
    }));
}

export function documentPiece(document: vscode.TextDocument): TextPiece {
  return { origin: originOf(document.uri), text: document.getText(), startLine: 0, startColumn: 0 };
}

export async function clipboardPiece(): Promise<TextPiece> {
  return { origin: 'clipboard', text: await vscode.env.clipboard.readText(), startLine: 0, startColumn: 0 };
}

/** Files as the user sees them: an open editor's unsaved text wins over the file on disk. */
export async function filePieces(uris: readonly vscode.Uri[]): Promise<TextPiece[]> {
  const decoder = new TextDecoder('utf-8');
  return Promise.all(uris.map(async (uri) => {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return documentPiece(open);
    const bytes = await vscode.workspace.fs.readFile(uri);
    return { origin: originOf(uri), text: decoder.decode(bytes), startLine: 0, startColumn: 0 };
  }));
}

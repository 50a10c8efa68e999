import * as path from 'node:path';
import * as vscode from 'vscode';
import type { BytesPiece, StringPiece } from '../../core/collectedIds';
import { readFileChunks, sliceChunks } from './fileChunks';
import { configuredEncoding } from './fileEncodingSetting';

function originOf(uri: vscode.Uri): string {
  return uri.scheme === 'untitled' ? uri.path : path.basename(uri.path);
}

/** Every non-empty selection of the editor, in document order (multiple cursors give several). */
export function selectionPieces(editor: vscode.TextEditor): StringPiece[] {
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

export function documentPiece(document: vscode.TextDocument): StringPiece {
  return { origin: originOf(document.uri), text: document.getText(), startLine: 0, startColumn: 0 };
}

export async function clipboardPiece(): Promise<StringPiece> {
  return { origin: 'clipboard', text: await vscode.env.clipboard.readText(), startLine: 0, startColumn: 0 };
}

/**
 * Files as the user sees them: an open editor's unsaved text wins over the file on disk. A file on disk is read
 * in chunks as it is scanned (a local disk directly, other file systems through VS Code), never decoded whole,
 * in the encoding the editor would open it in (its BOM, else `files.encoding`).
 */
export async function filePieces(uris: readonly vscode.Uri[]): Promise<Array<StringPiece | BytesPiece>> {
  return Promise.all(uris.map(async (uri): Promise<StringPiece | BytesPiece> => {
    const open = vscode.workspace.textDocuments.find((document) => document.uri.toString() === uri.toString());
    if (open) return documentPiece(open);
    const { size } = await vscode.workspace.fs.stat(uri);
    const bytes = uri.scheme === 'file'
      ? () => readFileChunks(uri.fsPath)
      : async function* () { yield* sliceChunks(await vscode.workspace.fs.readFile(uri)); };
    return { origin: originOf(uri), bytes, size, encoding: configuredEncoding(uri), startLine: 0, startColumn: 0 };
  }));
}

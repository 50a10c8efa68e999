import * as path from 'node:path';
import * as vscode from 'vscode';
import type { IdRequest } from '../launch/launchFlow';
import type { IdSourceKind } from '../prompts';
import { clipboardPiece, documentPiece, filePieces, selectionPieces } from './textPieces';

/** An IdRequest, or the message that says why there is nothing to read and what to do instead. */
export type IdRequestOrProblem = { request: IdRequest } | { problem: string };

const NO_EDITOR = 'Open a file that holds engagement IDs first.';

function baseName(uri: vscode.Uri): string {
  return path.basename(uri.path);
}

export function selectionRequest(editor: vscode.TextEditor | undefined): IdRequestOrProblem {
  if (!editor) return { problem: NO_EDITOR };
  const pieces = selectionPieces(editor);
  const name = baseName(editor.document.uri);
  if (pieces.length === 0) {
    return { problem: `Select the text that holds the engagement IDs in ${name} first, or use "Start Prospecting Task from File".` };
  }
  return { request: { source: 'selection', label: `the selection in ${name}`, pieces, fileName: name } };
}

export function documentRequest(document: vscode.TextDocument | undefined): IdRequestOrProblem {
  if (!document) return { problem: NO_EDITOR };
  const name = baseName(document.uri);
  if (document.getText().trim() === '') return { problem: `${name} is empty: there are no engagement IDs to read.` };
  return { request: { source: 'file', label: name, pieces: [documentPiece(document)], fileName: name } };
}

export async function filesRequest(uris: readonly vscode.Uri[]): Promise<IdRequestOrProblem> {
  const kinds = await Promise.all(uris.map(async (uri) => (await vscode.workspace.fs.stat(uri)).type));
  const folders = uris.filter((_, index) => (kinds[index] & vscode.FileType.Directory) !== 0);
  if (folders.length > 0) {
    return { problem: `${folders.map(baseName).join(', ')} ${folders.length === 1 ? 'is a folder' : 'are folders'}: choose the files that hold the engagement IDs.` };
  }
  const pieces = await filePieces(uris);
  const label = uris.length === 1 ? baseName(uris[0]) : `${uris.length} files`;
  if (pieces.every((piece) => ('text' in piece ? piece.text.trim() === '' : piece.size === 0))) {
    return { problem: `${uris.length === 1 ? `${label} is` : 'The files are'} empty: there are no engagement IDs to read.` };
  }
  return { request: { source: 'file', label, pieces, fileName: baseName(uris[0]) } };
}

export async function clipboardRequest(): Promise<IdRequestOrProblem> {
  const piece = await clipboardPiece();
  if (piece.text.trim() === '') return { problem: 'The clipboard is empty: copy text that holds engagement IDs first.' };
  return { request: { source: 'clipboard', label: 'the clipboard', pieces: [piece] } };
}

export async function requestFor(source: IdSourceKind): Promise<IdRequestOrProblem> {
  switch (source) {
    case 'selection': return selectionRequest(vscode.window.activeTextEditor);
    case 'file': return documentRequest(vscode.window.activeTextEditor?.document);
    case 'clipboard': return clipboardRequest();
  }
}

import * as path from 'node:path';
import * as vscode from 'vscode';

/**
 * VS Code's `files.encoding` for a file that is not open: the setting for its folder, and for its language when
 * some language has its own value (`"[csv]": { "files.encoding": "utf16le" }`).
 */
export function configuredEncoding(uri: vscode.Uri): string | undefined {
  const files = vscode.workspace.getConfiguration('files', uri);
  if ((files.inspect<string>('encoding')?.languageIds ?? []).length === 0) return files.get<string>('encoding');
  const languageId = languageOfFile(uri);
  return vscode.workspace.getConfiguration('files', { uri, languageId }).get<string>('encoding');
}

/**
 * The language VS Code gives a file by its name (the editor would tell, but the file is not open): the user's
 * `files.associations` first, then the languages extensions contribute (file names, then extensions, then name
 * patterns), else plain text. The editor may also look at the first line; that is not done here.
 */
export function languageOfFile(uri: vscode.Uri): string {
  const name = path.posix.basename(uri.path);
  const lowerName = name.toLowerCase();
  const associations = vscode.workspace.getConfiguration('files', uri).get<Record<string, string>>('associations') ?? {};
  for (const [pattern, language] of Object.entries(associations)) {
    if (globMatches(pattern, pattern.includes('/') ? uri.path : name)) return language;
  }
  let byExtension: { language: string; length: number } | undefined;
  let byPattern: string | undefined;
  for (const extension of vscode.extensions.all) {
    const languages = (extension.packageJSON as { contributes?: { languages?: unknown } }).contributes?.languages;
    if (!Array.isArray(languages)) continue;
    for (const language of languages as Array<{ id?: string; filenames?: string[]; extensions?: string[]; filenamePatterns?: string[] }>) {
      if (typeof language.id !== 'string') continue;
      if (language.filenames?.some((fileName) => fileName.toLowerCase() === lowerName)) return language.id;
      for (const extensionName of language.extensions ?? []) {
        if (lowerName.endsWith(extensionName.toLowerCase()) && extensionName.length > (byExtension?.length ?? 0)) {
          byExtension = { language: language.id, length: extensionName.length };
        }
      }
      if (!byPattern && language.filenamePatterns?.some((pattern) => globMatches(pattern, name))) byPattern = language.id;
    }
  }
  return byExtension?.language ?? byPattern ?? 'plaintext';
}

/** A glob of `*`, `**`, `?` and `{a,b}` against a name or path, case-insensitively. */
function globMatches(glob: string, subject: string): boolean {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i];
    if (char === '*' && glob[i + 1] === '*') {
      source += '.*';
      i++;
      if (glob[i + 1] === '/') i++;
    } else if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else if (char === '{') source += '(?:';
    else if (char === '}') source += ')';
    else if (char === ',') source += '|';
    else source += char.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^(?:.*/)?${source}$`, 'i').test(subject);
}

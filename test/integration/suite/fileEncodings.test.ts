import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { reset } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { ScriptedPrompts } from '../support/scriptedPrompts';

// Issue 16, findings 4 and 6, in a real editor: a CSV saved as UTF-16 (Excel's "Unicode Text") or with classic
// Mac line endings gives through Start from File (read from disk) the IDs and lines the same file gives open.

const IDS = ['eng-0123456789abcd', 'eng-zyxwvutsrqponm', 'eng-a1b2c3d4e5f6g7', 'eng-00000000000000', 'eng-zzzzzzzzzzzzzz'];
const SHEET = `Engagement\tTitle\r\n${IDS[0]}\tRénovation\r${IDS[1]}\t"Zoë, naïve"\n${IDS[2]}\t😀 launch\r\n\r${IDS[3]}\tx\r\n${IDS[4]}\ty\r\n`;

function utf16(text: string, endian: 'le' | 'be'): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  if (endian === 'be') body.swap16();
  return Uint8Array.from([...(endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]), ...body]);
}

suite('Files in other encodings and line endings read as the editor reads them (issue 16)', function () {
  this.timeout(60_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let folder: vscode.Uri;

  suiteSetup(async () => {
    api = await activeApi();
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace, 'a workspace folder is open');
    folder = workspace;
  });

  setup(async () => {
    await reset();
    await setSetting('catalog', 'Sandbox');
    prompts = new ScriptedPrompts();
    prompts.choose = () => []; // look at what is offered, start nothing
    restore = api.usePrompts(prompts);
  });

  teardown(async () => {
    restore.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  /** The IDs and `file:line` Start from File offers for `file`, from disk (not open) or from its open editor. */
  async function offered(file: vscode.Uri, open: boolean): Promise<string[]> {
    const before = prompts.offered.length;
    if (open) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await vscode.commands.executeCommand('partnerCentral.startFromFile');
    } else {
      assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === file.toString()), 'the file is not open');
      await vscode.commands.executeCommand('partnerCentral.startFromFile', file, [file]);
    }
    assert.equal(prompts.offered.length, before + 1, `the picker was shown; messages: ${JSON.stringify(prompts.messages.map((message) => message.message))}`);
    return (prompts.offered.at(-1)?.choices ?? []).map((choice) => `${choice.id} ${choice.location}`);
  }

  for (const endian of ['le', 'be'] as const) {
    test(`a UTF-16${endian.toUpperCase()} CSV with a BOM and mixed line endings: the same IDs and lines from disk as in the editor`, async () => {
      const file = vscode.Uri.joinPath(folder, `unicode-text-${endian}.csv`);
      await vscode.workspace.fs.writeFile(file, utf16(SHEET, endian));
      try {
        const fromDisk = await offered(file, false);
        const inEditor = await offered(file, true);
        const document = await vscode.workspace.openTextDocument(file);
        const editorLines = IDS.map((id) => `${id} unicode-text-${endian}.csv:${document.positionAt(document.getText().indexOf(id)).line + 1}`);
        assert.deepEqual(inEditor, editorLines, 'the editor shows the IDs on these lines');
        assert.deepEqual(fromDisk, editorLines);
        assert.deepEqual(editorLines.map((line) => line.split(':')[1]), ['2', '3', '4', '6', '7']);
      } finally {
        await vscode.workspace.fs.delete(file);
      }
    });
  }

  /** The near-miss warning for `file`, which names each near miss as `file:line:column`. */
  async function nearMissMessage(file: vscode.Uri, open: boolean): Promise<string> {
    if (open) {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(file));
      await vscode.commands.executeCommand('partnerCentral.startFromFile');
    } else {
      await vscode.commands.executeCommand('partnerCentral.startFromFile', file, [file]);
    }
    const message = prompts.messages.at(-1)?.message ?? '';
    assert.match(message, /only 1 near miss/);
    return message;
  }

  for (const scope of ['the folder', 'the language'] as const) {
    test(`files.encoding set for ${scope} (windows1252): columns from disk are the editor's, not UTF-8's`, async () => {
      const name = scope === 'the folder' ? 'western.csv' : 'western.txt';
      const file = vscode.Uri.joinPath(folder, name);
      // C3 A9 is "Ã©" in windows-1252 (two characters) and "é" in UTF-8 (one): the near miss is at column 4, not 3.
      await vscode.workspace.fs.writeFile(file, Uint8Array.from([0x61, 0x0d, 0xc3, 0xa9, 0x20, ...Buffer.from('ENG-0123456789ABCD')]));
      const files = scope === 'the folder'
        ? vscode.workspace.getConfiguration('files', folder)
        : vscode.workspace.getConfiguration('files', { uri: folder, languageId: 'plaintext' });
      await files.update('encoding', 'windows1252', vscode.ConfigurationTarget.Workspace, scope === 'the language');
      try {
        const fromDisk = await nearMissMessage(file, false);
        const inEditor = await nearMissMessage(file, true);
        assert.match(inEditor, new RegExp(`${name.replace('.', '\\.')}:2:4: "ENG-`), 'the editor decodes windows-1252');
        assert.equal(fromDisk, inEditor);
      } finally {
        await files.update('encoding', undefined, vscode.ConfigurationTarget.Workspace, scope === 'the language');
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(file);
      }
    });
  }

  test('a binary file says so instead of "No engagement IDs found"', async () => {
    const file = vscode.Uri.joinPath(folder, 'export.bin');
    await vscode.workspace.fs.writeFile(file, Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, ...Buffer.from(` ${IDS[0]}`)]));
    try {
      await vscode.commands.executeCommand('partnerCentral.startFromFile', file, [file]);
      assert.equal(prompts.offered.length, 0);
      assert.match(prompts.messages.at(-1)?.message ?? '', /^export\.bin looks like a binary file; no engagement IDs were read\./);
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });
});

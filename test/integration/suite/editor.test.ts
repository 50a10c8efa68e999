import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCentralApi } from '../../../src/extension';
import { nearMissMessage } from '../../../src/core/editor';
import { extractEngagementIds } from '../../../src/core/engagementIds';
import type { TaskRecord } from '../../../src/core/tasks';
import { counts, knownEngagements } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { type ScriptedPrompts } from '../support/scriptedPrompts';
import { waitFor } from '../support/waitFor';
import { scriptedPromptsEachTest } from '../support/scriptedPromptsEachTest';

async function openEditor(content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
  return vscode.window.showTextDocument(document);
}

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'Partner Central');
}

async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return hovers.flatMap((hover) => hover.contents.map((content) => (typeof content === 'string' ? content : content.value))).join('\n');
}

async function requestCount(operation: string): Promise<number> {
  return (await counts()).requestsPerOperation[operation] ?? 0;
}

suite('Engagement IDs in the editor', function () {
  this.timeout(120_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let succeeding: string[];
  let failing: string[];

  suiteSetup(async () => {
    api = await activeApi();
    // Well past the IDs the other suites launch, so no task of theirs gives these an outcome.
    succeeding = (await knownEngagements('Sandbox', 340, false)).slice(300);
    failing = (await knownEngagements('Sandbox', 10, true)).slice(6);
    assert.ok(succeeding.length >= 30 && failing.length >= 4, 'the emulator knows enough Sandbox engagements');
  });

  scriptedPromptsEachTest(() => api, (made) => { prompts = made; });

  teardown(async () => {
    await setSetting('decorations', undefined);
    await setSetting('diagnostics', undefined);
  });

  /** Runs the CodeLens's command on the editor's document with the scripted prompts and waits for the task. */
  async function prospectThroughCodeLens(editor: vscode.TextEditor, name: string): Promise<{ lens: vscode.CodeLens; task: TaskRecord }> {
    const lenses = await waitFor('the CodeLens', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri);
      return found.length > 0 && found;
    });
    assert.equal(lenses.length, 1, 'one lens per file');
    const [lens] = lenses;
    assert.ok(lens.command);
    prompts.taskName = () => name;
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    await prompts.waitForMessage(new RegExp(`Started prospecting task "${name}"`));
    const task = await waitFor(`task ${name} in the monitor`, () => api.monitor.tasks('Sandbox').find((candidate) => candidate.taskName === name));
    return { lens, task };
  }

  function finishedWithResults(taskId: string): Promise<TaskRecord> {
    return waitFor('the task to finish with its results', () => {
      const task = api.monitor.task('Sandbox', taskId);
      return task?.endTime !== undefined && task.engagements?.every((engagement) => engagement.status === 'COMPLETED' || engagement.status === 'FAILED') && task;
    }, 60_000);
  }

  test('the hover names the title and company and tells a completed, a failed and an unknown ID apart, with one batched title call', async () => {
    const [done, unknown, neighbour] = [succeeding[0], succeeding[1], succeeding[2]];
    const failed = failing[0];
    const launched = await openEditor(`${done}\n${failed}\n`);
    const { task } = await prospectThroughCodeLens(launched, 'Hover source');
    const finished = await finishedWithResults(task.taskId);
    const failure = finished.engagements?.find((engagement) => engagement.engagementId === failed);
    assert.ok(failure?.reasonCode, 'the failed engagement has a ReasonCode');
    const context = finished.engagements?.find((engagement) => engagement.engagementId === done)?.engagementContextId;
    assert.match(context ?? '', /^ctx-[0-9a-z]{14}$/);

    const { aws, client } = await api.monitor.session();
    const titles = await aws.lookUpEngagementTitles(client, 'Sandbox', [done, failed, unknown]);
    const company = await aws.lookUpEngagementCompany(client, 'Sandbox', done);
    const failedCompany = await aws.lookUpEngagementCompany(client, 'Sandbox', failed);
    assert.ok(titles.get(done) && company && failedCompany, 'the emulator gives titles and companies');

    const editor = await openEditor(`done: ${done}\nfailed: ${failed}\nunknown: ${unknown}\nneighbour ${neighbour}\nnot an ID: x${unknown}\n`);
    const uri = editor.document.uri;
    await waitFor('the scan of the document', async () => (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri)).length > 0);
    const listBefore = await requestCount('ListEngagements');

    const completedHover = await hoverText(uri, new vscode.Position(0, 10));
    assert.ok(completedHover.includes(`**${done}** · Sandbox`), completedHover);
    assert.ok(completedHover.includes(escape(titles.get(done) ?? '')), `title in ${completedHover}`);
    assert.ok(completedHover.includes(escape(company ?? '')), `company in ${completedHover}`);
    assert.ok(completedHover.includes(`**Prospected**: \`${context}\``), completedHover);
    assert.ok(completedHover.includes('Task "Hover source"'), completedHover);
    assert.ok(completedHover.includes(`(\`${task.taskId}\`)`), completedHover);
    assert.ok(completedHover.includes(`command:partnerCentral.revealTask?${encodeURIComponent(JSON.stringify(['Sandbox', task.taskId]))}`), completedHover);
    assert.ok(completedHover.includes('command:partnerCentral.startWithEngagement?'), completedHover);

    const failedHover = await hoverText(uri, new vscode.Position(1, 9));
    assert.ok(failedHover.includes(`**Failed**: \`${failure.reasonCode}\``), failedHover);
    if (failure.message) assert.ok(failedHover.includes(escape(failure.message)), failedHover);
    assert.ok(failedHover.includes(`${escape(titles.get(failed) ?? '')} — ${escape(failedCompany ?? '')}`), `title and company of an ID whose title came along with another's: ${failedHover}`);

    const unknownHover = await hoverText(uri, new vscode.Position(2, 12));
    assert.ok(unknownHover.includes('Not prospected in any Sandbox task this account knows.'), unknownHover);
    assert.doesNotMatch(unknownHover, /Show in Prospecting Tasks/);
    assert.ok(unknownHover.includes(escape(titles.get(unknown) ?? 'no title')), unknownHover);

    await hoverText(uri, new vscode.Position(3, 12));
    assert.equal(await requestCount('ListEngagements') - listBefore, 1, 'one ListEngagements call answered all four hovers');
    assert.equal(await hoverText(uri, new vscode.Position(4, 14)), '', 'no hover on an ID glued to a letter');

    // The hover's start link launches a task with just that ID, through the usual flow.
    const link = /\(command:partnerCentral\.startWithEngagement\?([^)]+)\)/.exec(unknownHover);
    assert.ok(link, unknownHover);
    const args = JSON.parse(decodeURIComponent(link[1])) as unknown[];
    assert.deepEqual(args, [unknown, uri.toString()]);
    prompts.taskName = () => 'From the hover';
    await vscode.commands.executeCommand('partnerCentral.startWithEngagement', ...args);
    assert.deepEqual(prompts.offered.at(-1)?.choices.map((choice) => choice.id), [unknown]);
    await prompts.waitForMessage(/Started prospecting task "From the hover" \(1 engagement\)/);
    const started = await waitFor('the task from the hover', () => api.monitor.tasks('Sandbox').find((candidate) => candidate.taskName === 'From the hover'));
    assert.deepEqual(started.identifiers, [unknown]);
    await waitFor('the hover to show it running', async () => (await hoverText(uri, new vscode.Position(2, 12))).includes('**Running**\n\nTask "From the hover"'));
  });

  test('each kind of near miss is a Warning with its reason and range, and its Quick Fix yields a valid ID', async () => {
    const body = (index: number): string => succeeding[10 + index].slice(4);
    const lines = [
      `upper ENG-${body(0).toUpperCase()}`,
      `underscore eng_${body(1)}`,
      `dash eng\u2013${body(2)}`,
      `stray eng-${body(3).slice(0, 7)}!${body(3).slice(7)}`,
      `joined x${'eng-' + body(4)}`,
      `glued eng-${body(5)}_notes`,
      `short eng-${body(6).slice(0, 13)}`,
    ];
    const editor = await openEditor(lines.join('\n'));
    const uri = editor.document.uri;
    const diagnostics = await waitFor('7 diagnostics', () => ourDiagnostics(uri).length === 7 && ourDiagnostics(uri));
    const expected = extractEngagementIds(lines.join('\n')).nearMisses;
    for (const [index, line] of lines.entries()) {
      const diagnostic = diagnostics.find((candidate) => candidate.range.start.line === index);
      const miss = expected.find((candidate) => candidate.line === index + 1);
      assert.ok(diagnostic && miss, `line ${index}: ${line}`);
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diagnostic.message, nearMissMessage(miss));
      const start = line.search(/eng[-_\u2013]/i);
      assert.equal(diagnostic.range.start.character, start, `start on line ${index}`);
      assert.equal(diagnostic.range.end.character, start + miss.text.length, `end on line ${index}`);
    }

    for (const [index] of lines.entries()) {
      const diagnostic = ourDiagnostics(uri).find((candidate) => candidate.range.start.line === index);
      assert.ok(diagnostic, `diagnostic on line ${index}`);
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range);
      const fixes = actions.filter((action) => action.kind?.value === vscode.CodeActionKind.QuickFix.value && action.title.startsWith('Change to'));
      if (index === 6) {
        assert.deepEqual(fixes, [], 'a wrong length has no fix');
        continue;
      }
      const preferred = fixes.find((action) => action.isPreferred);
      assert.ok(preferred?.edit, `a preferred Quick Fix on line ${index}: ${actions.map((action) => action.title).join('; ')}`);
      const wanted = `eng-${body(index)}`;
      assert.ok(preferred.title.startsWith(`Change to ${wanted}`), preferred.title);
      assert.ok(await vscode.workspace.applyEdit(preferred.edit));
      const fixed = editor.document.lineAt(index).text;
      assert.deepEqual(extractEngagementIds(fixed).ids.map((found) => found.id), [wanted], `line ${index} after the fix: ${fixed}`);
    }
    await waitFor('only the wrong-length near miss to be left', () => ourDiagnostics(uri).length === 1);

    await setSetting('diagnostics', false);
    await waitFor('diagnostics to go with the setting', () => ourDiagnostics(uri).length === 0);
  });

  test('fix all near misses in the file at once', async () => {
    const ids = succeeding.slice(20, 23);
    const editor = await openEditor(`${ids[0].toUpperCase()} and eng_${ids[1].slice(4)}\n${ids[2].replace('-', '\u2014')}\n`);
    const uri = editor.document.uri;
    await waitFor('3 diagnostics', () => ourDiagnostics(uri).length === 3);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(0, 0, 0, 0), vscode.CodeActionKind.SourceFixAll.value);
    const fixAll = actions.find((action) => action.title === 'Fix all engagement ID near misses in this file');
    assert.ok(fixAll?.edit, `a fix-all: ${actions.map((action) => action.title).join('; ')}`);
    assert.ok(fixAll.kind && vscode.CodeActionKind.SourceFixAll.contains(fixAll.kind));
    assert.ok(await vscode.workspace.applyEdit(fixAll.edit));
    assert.deepEqual(extractEngagementIds(editor.document.getText()).ids.map((found) => found.id), ids);
    await waitFor('no diagnostics left', () => ourDiagnostics(uri).length === 0);
  });

  test('the CodeLens counts what the extractor finds, and decorations follow the task it starts to the end', async () => {
    const [first, second] = [succeeding[25], succeeding[26]];
    const failed = failing[1];
    const editor = await openEditor(`notes\n${first}, ${second}\nagain ${first}\n${failed} ENG-NOT-AN-ID\n`);
    const uri = editor.document.uri;
    const { lens, task } = await prospectThroughCodeLens(editor, 'Decorated');
    const extracted = extractEngagementIds(editor.document.getText()).ids;
    assert.equal(lens.command?.title, `Prospect ${extracted.length} engagements in this file`);
    assert.equal(extracted.length, 3);
    assert.equal(lens.range.start.line, 1, 'on the line of the first ID');
    assert.deepEqual(task.identifiers, [first, second, failed]);

    const seen = new Set<string>();
    const final = await waitFor('the decorations of the finished task', () => {
      const shown = api.editorDecorations(uri);
      for (const decoration of shown) seen.add(decoration.text);
      return shown.length === 4 && shown.every((decoration) => !decoration.text.includes('running')) && shown;
    }, 60_000);
    assert.ok(seen.has('… running'), `running was shown first: ${[...seen].join(', ')}`);
    const finished = await finishedWithResults(task.taskId);
    const byId = new Map(finished.engagements?.map((engagement) => [engagement.engagementId, engagement]));
    assert.deepEqual(final.map((decoration) => [decoration.line, decoration.id]), [[1, first], [1, second], [2, first], [3, failed]], 'every occurrence, repeats too');
    for (const decoration of final) {
      const result = byId.get(decoration.id);
      assert.equal(decoration.text, result?.status === 'FAILED' ? `✗ ${result.reasonCode}` : `✓ ${result?.engagementContextId}`);
    }
    assert.match(final[3].text, /^✗ [A-Z_]+$/);

    await setSetting('decorations', false);
    await waitFor('decorations to go with the setting', () => api.editorDecorations(uri).length === 0);
  });
});

/** Text as the hover shows it: Markdown's special characters escaped. */
function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

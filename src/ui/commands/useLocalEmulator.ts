import * as vscode from 'vscode';
import type { Prompts } from '../prompts';
import type { LocalEmulator } from '../localEmulator/localEmulator';
import { fetchSampleEngagements, sampleCsv } from '../localEmulator/sampleEngagements';
import { OPEN_SAMPLE_ENGAGEMENTS_COMMAND, OPEN_WALKTHROUGH_COMMAND, SHOW_LOG_COMMAND, STOP_LOCAL_EMULATOR_COMMAND, USE_LOCAL_EMULATOR_COMMAND } from '../ids';
import { errorText } from '../../core/redaction/externalText';

/** contributes.walkthroughs[0].id in package.json. */
const WALKTHROUGH_ID = 'getStarted';

export interface LocalEmulatorCommandServices {
  localEmulator: LocalEmulator;
  prompts: () => Prompts;
  extensionId: string;
}

/** Use Local Emulator, Stop Local Emulator, Open Sample Engagements and Open Walkthrough. */
export function registerLocalEmulatorCommands(services: LocalEmulatorCommandServices): vscode.Disposable {
  return vscode.Disposable.from(
    vscode.commands.registerCommand(USE_LOCAL_EMULATOR_COMMAND, () => useLocalEmulator(services)),
    vscode.commands.registerCommand(STOP_LOCAL_EMULATOR_COMMAND, () => stopLocalEmulator(services)),
    vscode.commands.registerCommand(OPEN_SAMPLE_ENGAGEMENTS_COMMAND, () => openSampleEngagements(services)),
    vscode.commands.registerCommand(OPEN_WALKTHROUGH_COMMAND, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${services.extensionId}#${WALKTHROUGH_ID}`, false),
    ),
    services.localEmulator.onDidEndUnexpectedly((how) => {
      const message = `The local Partner Central emulator ended unexpectedly (${how}); Partner Central uses your AWS profile settings again.`;
      void services.prompts().show('warning', message, 'Restart', 'Show Log').then((action) => {
        if (action === 'Restart') return vscode.commands.executeCommand(USE_LOCAL_EMULATOR_COMMAND);
        if (action === 'Show Log') return vscode.commands.executeCommand(SHOW_LOG_COMMAND);
        return undefined;
      });
    }),
  );
}

/** Starts the local emulator and makes it the connection; resolves with its endpoint (undefined when it failed). */
async function useLocalEmulator({ localEmulator, prompts }: LocalEmulatorCommandServices): Promise<string | undefined> {
  const wasRunning = localEmulator.current !== undefined;
  try {
    const override = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'Starting the local Partner Central emulator…' },
      () => localEmulator.start(),
    );
    if (!wasRunning) {
      void prompts()
        .show('info', `Partner Central now uses the local emulator (${override.endpoint}): no AWS account needed. Its data lives in memory and starts afresh each time.`, 'Open Sample Engagements')
        .then((action) => action && vscode.commands.executeCommand(OPEN_SAMPLE_ENGAGEMENTS_COMMAND));
    }
    return override.endpoint;
  } catch (error) {
    void prompts()
      .show('error', `${errorText(error)} See the log for its output.`, 'Show Log')
      .then((action) => action && vscode.commands.executeCommand(SHOW_LOG_COMMAND));
    return undefined;
  }
}

async function stopLocalEmulator({ localEmulator, prompts }: LocalEmulatorCommandServices): Promise<void> {
  if (!localEmulator.chosenAccountKey) {
    void prompts().show('info', 'The local emulator is not running.');
    return;
  }
  await localEmulator.stop();
  void prompts().show('info', 'Stopped the local emulator. Partner Central uses your AWS profile settings again.');
}

/**
 * An untitled CSV of the running local emulator's engagements (some it prospects, some it refuses) plus unknown
 * and malformed IDs: select lines, right-click, start a task. Resolves with the document.
 */
async function openSampleEngagements(services: LocalEmulatorCommandServices): Promise<vscode.TextDocument | undefined> {
  const { localEmulator, prompts } = services;
  let override = localEmulator.current;
  if (!override) {
    const action = await prompts().show(
      'info',
      'The sample engagements exist only in the local emulator. Start it and use it as the connection (your settings are not changed)?',
      'Use Local Emulator',
    );
    if (action !== 'Use Local Emulator') return undefined;
    const endpoint = await useLocalEmulator(services);
    override = localEmulator.current;
    if (!endpoint || !override) return undefined;
  }
  let content: string;
  try {
    content = sampleCsv(await fetchSampleEngagements(override.endpoint));
  } catch (error) {
    void prompts().show('error', `Could not read the local emulator's engagements: ${errorText(error)}`);
    return undefined;
  }
  const languages = await vscode.languages.getLanguages();
  const document = await vscode.workspace.openTextDocument({ language: languages.includes('csv') ? 'csv' : 'plaintext', content });
  await vscode.window.showTextDocument(document);
  return document;
}

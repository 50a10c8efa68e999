import * as vscode from 'vscode';
import { describeProgress, type TaskRecord } from '../core/tasks';
import type { Catalog } from '../core/catalog';
import { productionQuestion, type ProductionTarget } from './launch/productionQuestion';
import { LEAVE_THEM_OUT, RESEND_LAUNCH, START_ALL_ANYWAY, START_NEW_TASK_ANYWAY } from './launch/intentButtons';
import type { ConnectionAction, ConnectionActionId, ProfileChoice } from './connect/connectChoices';
import { profileKindLabel } from '../core/connection/profileKinds';
import { redactExternal } from '../core/redaction/externalText';

export interface EngagementChoice {
  readonly id: string;
  /** Where it was found, e.g. `accounts.csv:12`. */
  readonly location: string;
}

export type IdSourceKind = 'selection' | 'file' | 'clipboard';

export type ProductionAnswer = 'start' | 'startAndStopAsking';

/** How a message is shown: an information, warning or error notification. */
export type MessageLevel = 'info' | 'warning' | 'error';

/**
 * Every question the extension asks and every message it shows goes through here. The workbench
 * implementation below is the one users see; in-host tests swap in scripted answers through the
 * extension's API and record what was shown.
 */
export interface Prompts {
  pickSource(): Promise<IdSourceKind | undefined>;
  pickCatalog(current: Catalog | undefined, purpose: string): Promise<Catalog | undefined>;
  /** Resolves with the chosen IDs; titles fill in as `titles` resolves, without blocking the picker. */
  pickEngagements(choices: readonly EngagementChoice[], titles: Promise<ReadonlyMap<string, string>>, catalog: Catalog): Promise<string[] | undefined>;
  askTaskName(proposed: string, validate: (value: string) => string | undefined): Promise<string | undefined>;
  /** `chosenByWorkspace`: the workspace's settings, not the user's, chose the AWS catalog (see productionQuestion). */
  confirmProduction(engagements: number, tasks: number, chosenByWorkspace: boolean, target: ProductionTarget): Promise<ProductionAnswer | undefined>;
  askSaveLocation(title: string, defaultUri: vscode.Uri | undefined, filters: Record<string, string[]>): Promise<vscode.Uri | undefined>;
  /** From the palette, the task a command acts on. */
  pickTask(tasks: readonly TaskRecord[], purpose: string, catalog: Catalog): Promise<TaskRecord | undefined>;
  /** The text task names must contain; empty shows all. */
  askTaskFilter(current: string): Promise<string | undefined>;
  /** Some IDs are in a launch whose answer was lost: re-send it (the default), start a new task anyway, or cancel. */
  askLostLaunch(question: string): Promise<'resend' | 'newTask' | undefined>;
  /** Some engagements already have a prospecting result: leave them out, start all anyway, or cancel. */
  askEarlierResults(question: string): Promise<'leaveOut' | 'startAll' | undefined>;
  /** A notification with action buttons: resolves with the one pressed, undefined when dismissed. Its text is redacted. */
  show<T extends string>(level: MessageLevel, message: string, ...actions: T[]): Promise<T | undefined>;
  /** Select AWS Profile: `current` is the profile in use (undefined: the default chain). */
  pickProfile(choices: readonly ProfileChoice[], current: string | undefined): Promise<ProfileChoice | undefined>;
  /** The connection menu the connection status item opens. */
  pickConnectionAction(actions: readonly ConnectionAction[], title: string): Promise<ConnectionActionId | undefined>;
}

export class WorkbenchPrompts implements Prompts {
  async pickSource(): Promise<IdSourceKind | undefined> {
    const editor = vscode.window.activeTextEditor;
    const items: Array<vscode.QuickPickItem & { source: IdSourceKind }> = [
      { source: 'selection', label: '$(selection) Selection', description: editor ? undefined : 'no active editor', detail: 'Engagement IDs in the selected text of the active editor (all cursors)' },
      { source: 'file', label: '$(file) Active File', description: editor ? vscode.workspace.asRelativePath(editor.document.uri) : 'no active editor', detail: 'Every engagement ID in the file open in the active editor' },
      { source: 'clipboard', label: '$(clippy) Clipboard', detail: 'Engagement IDs in the text on the clipboard' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: 'Start Prospecting Task: where are the engagement IDs?', placeHolder: 'Choose the source of the engagement IDs' });
    return picked?.source;
  }

  async pickCatalog(current: Catalog | undefined, purpose: string): Promise<Catalog | undefined> {
    const items: Array<vscode.QuickPickItem & { catalog: Catalog }> = [
      { catalog: 'Sandbox', label: 'Sandbox', description: current === 'Sandbox' ? 'current' : undefined, detail: 'Test data, for trying things out' },
      { catalog: 'AWS', label: 'AWS', description: current === 'AWS' ? 'current' : undefined, detail: 'Production: real engagements and leads' },
    ];
    const picked = await vscode.window.showQuickPick(items, { title: purpose, placeHolder: 'Choose a Partner Central catalog' });
    return picked?.catalog;
  }

  pickEngagements(choices: readonly EngagementChoice[], titles: Promise<ReadonlyMap<string, string>>, catalog: Catalog): Promise<string[] | undefined> {
    type Item = vscode.QuickPickItem & { id: string };
    const quickPick = vscode.window.createQuickPick<Item>();
    quickPick.title = `Engagements to prospect in ${catalog} (${choices.length} found)`;
    quickPick.placeholder = 'Uncheck any engagement to leave out, then press Enter';
    quickPick.canSelectMany = true;
    quickPick.matchOnDescription = true;
    quickPick.matchOnDetail = true;
    quickPick.ignoreFocusOut = true;
    const toItem = (choice: EngagementChoice, title?: string): Item => ({ id: choice.id, label: choice.id, description: choice.location, detail: title });
    quickPick.items = choices.map((choice) => toItem(choice));
    quickPick.selectedItems = quickPick.items;
    quickPick.busy = true;
    let hidden = false;
    titles.then((known) => {
      if (hidden) return;
      const checked = new Set(quickPick.selectedItems.map((item) => item.id));
      quickPick.items = choices.map((choice) => toItem(choice, known.get(choice.id)));
      quickPick.selectedItems = quickPick.items.filter((item) => checked.has(item.id));
    }, () => undefined).finally(() => { if (!hidden) quickPick.busy = false; });

    return new Promise((resolve) => {
      let result: string[] | undefined;
      quickPick.onDidAccept(() => {
        result = quickPick.selectedItems.map((item) => item.id);
        quickPick.hide();
      });
      quickPick.onDidHide(() => {
        hidden = true;
        quickPick.dispose();
        resolve(result);
      });
      quickPick.show();
    });
  }

  askTaskName(proposed: string, validate: (value: string) => string | undefined): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox({
      title: 'Prospecting task name',
      prompt: 'Name the task (1 to 128 characters); it identifies the task in lists',
      value: proposed,
      valueSelection: [0, proposed.length],
      ignoreFocusOut: true,
      validateInput: validate,
    }));
  }

  async confirmProduction(engagements: number, tasks: number, chosenByWorkspace: boolean, target: ProductionTarget): Promise<ProductionAnswer | undefined> {
    const start = 'Start in AWS';
    const always = 'Start, and Don\'t Ask Again';
    const question = productionQuestion(engagements, tasks, chosenByWorkspace, target);
    const answer = await vscode.window.showWarningMessage(
      question.message,
      { modal: true, detail: question.detail },
      ...(question.offerStopAsking ? [start, always] : [start]),
    );
    return answer === start ? 'start' : answer === always ? 'startAndStopAsking' : undefined;
  }

  askSaveLocation(title: string, defaultUri: vscode.Uri | undefined, filters: Record<string, string[]>): Promise<vscode.Uri | undefined> {
    return Promise.resolve(vscode.window.showSaveDialog({ title, defaultUri, filters, saveLabel: 'Export' }));
  }

  async pickTask(tasks: readonly TaskRecord[], purpose: string, catalog: Catalog): Promise<TaskRecord | undefined> {
    const picked = await vscode.window.showQuickPick(
      tasks.map((task) => ({ label: task.taskName, description: describeProgress(task), detail: task.taskId, task })),
      { title: purpose, placeHolder: `Choose a ${catalog} task`, matchOnDescription: true, matchOnDetail: true },
    );
    return picked?.task;
  }

  askTaskFilter(current: string): Promise<string | undefined> {
    return Promise.resolve(vscode.window.showInputBox({
      title: 'Filter Prospecting Tasks by name',
      prompt: 'Show only tasks whose name contains this text (empty shows all)',
      value: current,
    }));
  }

  async askLostLaunch(question: string): Promise<'resend' | 'newTask' | undefined> {
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, RESEND_LAUNCH, START_NEW_TASK_ANYWAY);
    return answer === RESEND_LAUNCH ? 'resend' : answer === START_NEW_TASK_ANYWAY ? 'newTask' : undefined;
  }

  async askEarlierResults(question: string): Promise<'leaveOut' | 'startAll' | undefined> {
    const answer = await vscode.window.showWarningMessage(question, { modal: true }, LEAVE_THEM_OUT, START_ALL_ANYWAY);
    return answer === LEAVE_THEM_OUT ? 'leaveOut' : answer === START_ALL_ANYWAY ? 'startAll' : undefined;
  }

  async show<T extends string>(level: MessageLevel, text: string, ...actions: T[]): Promise<T | undefined> {
    // Messages are the other way out of the extension: they pass the same redaction boundary as the log.
    const message = redactExternal(text);
    switch (level) {
      case 'info': return vscode.window.showInformationMessage(message, ...actions);
      case 'warning': return vscode.window.showWarningMessage(message, ...actions);
      case 'error': return vscode.window.showErrorMessage(message, ...actions);
    }
  }

  async pickProfile(choices: readonly ProfileChoice[], current: string | undefined): Promise<ProfileChoice | undefined> {
    type Item = vscode.QuickPickItem & { choice?: ProfileChoice };
    const currentMark = (isCurrent: boolean): string | undefined => (isCurrent ? '$(check) current' : undefined);
    const items: Item[] = [];
    const profiles = choices.filter((choice) => choice.kind === 'profile');
    for (const choice of choices) {
      if (choice.kind === 'defaultChain') {
        items.push({ choice, label: '$(link) Default credential chain', description: currentMark(current === undefined), detail: 'Environment variables, AWS_PROFILE, shared files, SSO, container and instance roles, as the AWS SDK finds them' });
      } else if (choice.kind === 'localEmulator') {
        items.push({ choice, label: '$(vm) Local emulator (no AWS account)', detail: 'Try the extension against a local Partner Central emulator' });
      }
    }
    if (profiles.length > 0) items.push({ label: 'AWS profiles', kind: vscode.QuickPickItemKind.Separator });
    for (const choice of profiles) {
      if (choice.kind !== 'profile') continue;
      const mark = currentMark(choice.name === current);
      items.push({ choice, label: choice.name, description: [profileKindLabel(choice.profileKind), mark].filter(Boolean).join(' · '), detail: choice.files });
    }
    const picked = await vscode.window.showQuickPick(items, {
      title: 'Select AWS Profile for Partner Central',
      placeHolder: profiles.length > 0 ? 'Choose the credentials Partner Central calls are signed with' : 'No profiles in the shared config or credentials files',
      matchOnDescription: true,
    });
    return picked?.choice;
  }

  async pickConnectionAction(actions: readonly ConnectionAction[], title: string): Promise<ConnectionActionId | undefined> {
    const picked = await vscode.window.showQuickPick(actions.map((action) => ({ label: action.label, detail: action.detail, id: action.id })), { title, placeHolder: 'Partner Central connection' });
    return picked?.id;
  }
}

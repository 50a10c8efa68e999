import type * as vscode from 'vscode';
import type { TaskRecord } from '../../../src/core/tasks';
import type { Catalog } from '../../../src/core/catalog';
import { productionQuestion, type ProductionQuestion, type ProductionTarget } from '../../../src/ui/launch/productionQuestion';
import type { ConnectionAction, ConnectionActionId, ProfileChoice } from '../../../src/ui/connect/connectChoices';
import type { EngagementChoice, IdSourceKind, MessageLevel, ProductionAnswer, Prompts } from '../../../src/ui/prompts';

export interface ShownMessage {
  level: MessageLevel;
  message: string;
  actions: string[];
}

/**
 * Answers the extension's questions as a test scripts them, and records every question and message.
 * Unscripted questions are answered as a user pressing Escape would, so a test never hangs on a prompt.
 */
export class ScriptedPrompts implements Prompts {
  source: IdSourceKind | undefined;
  catalog: Catalog | undefined;
  /** Which offered IDs to keep; default all. */
  choose: (choices: readonly EngagementChoice[]) => string[] | undefined = (choices) => choices.map((choice) => choice.id);
  /** The task name to enter; default: accept the proposal. */
  taskName: (proposed: string) => string | undefined = (proposed) => proposed;
  production: ProductionAnswer | undefined;
  /** Where the save dialog saves. */
  saveTo: vscode.Uri | undefined;
  /** Which task to pick from the palette's list; default none. */
  chooseTask: (tasks: readonly TaskRecord[]) => TaskRecord | undefined = () => undefined;
  /** The name filter to type; default Escape. */
  taskFilter: string | undefined;
  readonly taskPicks: Array<{ offered: string[]; purpose: string }> = [];
  /** Which line of Select AWS Profile to pick; default none (Escape). */
  chooseProfile: (choices: readonly ProfileChoice[]) => ProfileChoice | undefined = () => undefined;
  readonly profilePicks: Array<{ offered: ProfileChoice[]; current: string | undefined }> = [];
  /** The connection menu's line to pick; default none. */
  connectionAction: ConnectionActionId | undefined;
  readonly connectionMenus: Array<{ offered: ConnectionActionId[]; title: string }> = [];
  /** The answer to "these IDs are in a launch whose answer was lost"; default Escape (the launch is cancelled). */
  lostLaunch: 'resend' | 'newTask' | undefined;
  /**
   * The answer to "these engagements already have a result"; default Start All Anyway: the suites reuse
   * engagement IDs from test to test while the account's history keeps the earlier tasks.
   */
  earlierResults: 'leaveOut' | 'startAll' | undefined = 'startAll';
  /** The intent questions asked, in order. */
  readonly intentQuestions: Array<{ kind: 'lostLaunch' | 'earlierResults'; question: string }> = [];
  /** The button to press on a message whose text matches. */
  readonly buttons: Array<{ match: RegExp; action: string }> = [];

  readonly offered: { choices: EngagementChoice[]; catalog: Catalog; titles?: ReadonlyMap<string, string> }[] = [];
  readonly proposedNames: string[] = [];
  readonly productionQuestions: Array<{ engagements: number; tasks: number }> = [];
  /** What the workbench would have shown for each production question. */
  readonly productionTexts: ProductionQuestion[] = [];
  readonly messages: ShownMessage[] = [];
  private readonly waiters: Array<{ match: RegExp; resolve: (message: ShownMessage) => void }> = [];

  async pickSource(): Promise<IdSourceKind | undefined> {
    return this.source;
  }

  async pickCatalog(): Promise<Catalog | undefined> {
    return this.catalog;
  }

  async pickEngagements(choices: readonly EngagementChoice[], titles: Promise<ReadonlyMap<string, string>>, catalog: Catalog): Promise<string[] | undefined> {
    const offer: { choices: EngagementChoice[]; catalog: Catalog; titles?: ReadonlyMap<string, string> } = { choices: [...choices], catalog };
    this.offered.push(offer);
    void titles.then((known) => { offer.titles = known; });
    return this.choose(choices);
  }

  async askTaskName(proposed: string, validate: (value: string) => string | undefined): Promise<string | undefined> {
    this.proposedNames.push(proposed);
    const name = this.taskName(proposed);
    // A real input box refuses to accept while validation fails; report it as the box would show it.
    const problem = name === undefined ? undefined : validate(name);
    if (problem) {
      this.record('error', `input box: ${problem}`, []);
      return undefined;
    }
    return name;
  }

  async confirmProduction(engagements: number, tasks: number, chosenByWorkspace: boolean, target: ProductionTarget): Promise<ProductionAnswer | undefined> {
    this.productionQuestions.push({ engagements, tasks });
    this.productionTexts.push(productionQuestion(engagements, tasks, chosenByWorkspace, target));
    return this.production;
  }

  async askSaveLocation(): Promise<vscode.Uri | undefined> {
    return this.saveTo;
  }

  async pickTask(tasks: readonly TaskRecord[], purpose: string): Promise<TaskRecord | undefined> {
    this.taskPicks.push({ offered: tasks.map((task) => task.taskId), purpose });
    return this.chooseTask(tasks);
  }

  async askTaskFilter(): Promise<string | undefined> {
    return this.taskFilter;
  }

  async pickProfile(choices: readonly ProfileChoice[], current: string | undefined): Promise<ProfileChoice | undefined> {
    this.profilePicks.push({ offered: [...choices], current });
    return this.chooseProfile(choices);
  }

  async pickConnectionAction(actions: readonly ConnectionAction[], title: string): Promise<ConnectionActionId | undefined> {
    this.connectionMenus.push({ offered: actions.map((action) => action.id), title });
    return this.connectionAction;
  }

  async askLostLaunch(question: string): Promise<'resend' | 'newTask' | undefined> {
    this.intentQuestions.push({ kind: 'lostLaunch', question });
    return this.lostLaunch;
  }

  async askEarlierResults(question: string): Promise<'leaveOut' | 'startAll' | undefined> {
    this.intentQuestions.push({ kind: 'earlierResults', question });
    return this.earlierResults;
  }

  async show<T extends string>(level: MessageLevel, message: string, ...actions: T[]): Promise<T | undefined> {
    this.record(level, message, actions);
    const button = this.buttons.find((candidate) => candidate.match.test(message) && (actions as string[]).includes(candidate.action));
    return button?.action as T | undefined;
  }

  /** Resolves with the first message (already shown or still to come) matching `match`. */
  waitForMessage(match: RegExp, timeoutMs = 20_000): Promise<ShownMessage> {
    const shown = this.messages.find((message) => match.test(message.message));
    if (shown) return Promise.resolve(shown);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`No message matching ${match} within ${timeoutMs} ms; shown: ${JSON.stringify(this.messages.map((m) => m.message))}`)), timeoutMs);
      this.waiters.push({ match, resolve: (message) => { clearTimeout(timer); resolve(message); } });
    });
  }

  private record(level: MessageLevel, message: string, actions: string[]): void {
    const shown = { level, message, actions };
    this.messages.push(shown);
    for (const waiter of [...this.waiters]) {
      if (waiter.match.test(message)) {
        this.waiters.splice(this.waiters.indexOf(waiter), 1);
        waiter.resolve(shown);
      }
    }
  }
}

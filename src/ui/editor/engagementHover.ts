import * as vscode from 'vscode';
import { commandUri, hoverMarkdown, type EngagementOutcomeSource, type EngagementTitleLookup, type TitleFacts } from '../../core/editor';
import { REVEAL_TASK_COMMAND, START_WITH_ENGAGEMENT_COMMAND } from '../ids';
import type { DocumentScans } from './documentScans';


/** A candidate under the mouse; whether it is a whole, free-standing ID is checked around it. */
const ID_AT = /eng-[0-9a-z]{14}/;
const TOKEN_CHAR = /[0-9A-Za-z_-]/;
/** A hover waits this long for the title; later answers are kept for the next hover. */
const TITLE_WAIT_MS = 2500;
/** IDs around the hovered one that are looked up in the same call. */
const COMPANION_REACH = 20;

/** On an engagement ID: its title (and company), its prospecting outcome, and links to act on it. */
export class EngagementHover implements vscode.HoverProvider {
  constructor(
    private readonly scans: DocumentScans,
    private readonly outcomes: EngagementOutcomeSource,
    private readonly titles: EngagementTitleLookup,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): Promise<vscode.Hover | undefined> {
    const range = idRangeAt(document, position);
    if (!range) return undefined;
    const id = document.getText(range);
    // Also when the title is cached: an ID looked up as another's companion has no company yet.
    const title = await this.lookUp(id, document, token);
    if (token.isCancellationRequested) return undefined;
    const outcome = this.outcomes.outcomeOf(id);
    const markdown = new vscode.MarkdownString(hoverMarkdown(
      { id, catalog: this.titles.catalog(), title, ...(outcome ? { outcome } : {}) },
      {
        startTask: commandUri(START_WITH_ENGAGEMENT_COMMAND, [id, document.uri.toString()]),
        ...(outcome ? { revealTask: commandUri(REVEAL_TASK_COMMAND, [outcome.task.catalog, outcome.task.taskId]) } : {}),
      },
      (iso) => new Date(iso).toLocaleString(),
    ), true);
    markdown.isTrusted = { enabledCommands: [START_WITH_ENGAGEMENT_COMMAND, REVEAL_TASK_COMMAND] };
    return new vscode.Hover(markdown, range);
  }

  private lookUp(id: string, document: vscode.TextDocument, token: vscode.CancellationToken): Promise<TitleFacts> {
    const answer = this.titles.lookUp(id, companionsOf(id, this.scans.newest(document)?.ids.map((found) => found.id) ?? []));
    let timer: NodeJS.Timeout | undefined;
    let cancelled: vscode.Disposable | undefined;
    const gaveUp = new Promise<TitleFacts>((resolve) => {
      const unavailable: TitleFacts = { kind: 'unavailable', why: 'still loading; hover again in a moment' };
      timer = setTimeout(() => resolve(unavailable), TITLE_WAIT_MS);
      cancelled = token.onCancellationRequested(() => resolve(unavailable));
    });
    return Promise.race([answer, gaveUp]).finally(() => {
      clearTimeout(timer);
      cancelled?.dispose();
    });
  }
}

/** The range of a whole, free-standing engagement ID under `position`, if there is one. */
function idRangeAt(document: vscode.TextDocument, position: vscode.Position): vscode.Range | undefined {
  const range = document.getWordRangeAtPosition(position, ID_AT);
  if (!range) return undefined;
  const line = document.lineAt(range.start.line).text;
  const before = line.charAt(range.start.character - 1);
  const after = line.charAt(range.end.character);
  return (before && TOKEN_CHAR.test(before)) || (after && TOKEN_CHAR.test(after)) ? undefined : range;
}

/** The document's IDs nearest to `id` (in first-seen order), nearest first. */
function companionsOf(id: string, ids: readonly string[]): string[] {
  const at = ids.indexOf(id);
  if (at < 0) return ids.slice(0, COMPANION_REACH);
  const near: string[] = [];
  for (let step = 1; step <= COMPANION_REACH; step++) {
    if (at + step < ids.length) near.push(ids[at + step]);
    if (at - step >= 0) near.push(ids[at - step]);
  }
  return near;
}

import type { EngagementOutcome } from './engagementOutcomes';

/** What the look-up said about an engagement's title. */
export type TitleFacts =
  | { readonly kind: 'found'; readonly title: string; readonly company?: string }
  /** The catalog answered and does not list it. */
  | { readonly kind: 'notFound' }
  /** No answer (no credentials, network, still loading): why, in a few words. */
  | { readonly kind: 'unavailable'; readonly why: string };

export interface HoverFacts {
  readonly id: string;
  readonly catalog: string;
  readonly title: TitleFacts;
  readonly outcome?: EngagementOutcome;
}

/** Command URIs (built by the caller, which knows the command ids) for the links under the hover. */
export interface HoverLinks {
  readonly startTask: string;
  /** Present when the outcome names a task. */
  readonly revealTask?: string;
}

/** A `command:` URI with JSON arguments, as markdown links in VS Code take them. */
export function commandUri(command: string, args: readonly unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

/** Markdown's special characters escaped, for text that comes from the service or the user. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~$]/g, '\\$&');
}

/** The hover shown on an engagement ID: title and company, prospecting outcome, and what to do next. */
export function hoverMarkdown(facts: HoverFacts, links: HoverLinks, formatTime: (iso: string) => string = isoMinutes): string {
  const lines = [`**${facts.id}** · ${escapeMarkdown(facts.catalog)}`, '', titleLine(facts), '', outcomeLine(facts, formatTime)];
  const actions = [`[Start Prospecting Task with This ID](${links.startTask})`];
  if (links.revealTask) actions.push(`[Show in Prospecting Tasks](${links.revealTask})`);
  lines.push('', actions.join(' · '));
  return lines.join('\n');
}

function titleLine({ title, catalog }: HoverFacts): string {
  switch (title.kind) {
    case 'found': return `${escapeMarkdown(title.title)}${title.company ? ` — ${escapeMarkdown(title.company)}` : ''}`;
    case 'notFound': return `*Not found in the ${escapeMarkdown(catalog)} catalog.*`;
    case 'unavailable': return `*Title not available: ${escapeMarkdown(title.why)}*`;
  }
}

function outcomeLine({ outcome, catalog }: HoverFacts, formatTime: (iso: string) => string): string {
  if (!outcome) return `Not prospected in any ${escapeMarkdown(catalog)} task this account knows.`;
  const task = `Task "${escapeMarkdown(outcome.task.taskName)}" (\`${outcome.task.taskId}\`)`;
  const earlier = outcome.otherTasks > 0 ? ` Also in ${outcome.otherTasks} earlier task${outcome.otherTasks === 1 ? '' : 's'}.` : '';
  const ended = outcome.task.endTime ? `, finished ${formatTime(outcome.task.endTime)}` : '';
  switch (outcome.state) {
    case 'completed':
      return `$(pass) **Prospected**${outcome.contextId ? `: \`${outcome.contextId}\`` : ''}\n\n${task}${ended}.${earlier}`;
    case 'failed': {
      const reason = outcome.reasonCode ? `: \`${outcome.reasonCode}\`` : '';
      const message = outcome.message ? ` — ${escapeMarkdown(outcome.message)}` : '';
      return `$(error) **Failed**${reason}${message}\n\n${task}${ended}.${earlier}`;
    }
    case 'running':
      return `$(sync) **Running**\n\n${task}, started ${formatTime(outcome.task.startTime)}.${earlier}`;
  }
}

/** `2026-11-29 19:30 UTC`: the default, stable for tests; the editor passes a local format. */
function isoMinutes(iso: string): string {
  const time = new Date(iso);
  return Number.isNaN(time.getTime()) ? iso : `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

import { ENGAGEMENT_ID_LENGTH, extractEngagementIds, isEngagementId, type NearMiss } from '../engagementIds';

/** A replacement for a near miss's text (its `text`, from its line and column), that makes an engagement ID of it. */
export interface NearMissFix {
  /** For the Quick Fix menu: `Change to eng-… (lower case, plain hyphen)`. */
  readonly title: string;
  /** Replaces exactly the near miss's text. */
  readonly replacement: string;
}

/** Token characters glue onto an ID ([0-9A-Za-z_-]); see engagementIds/characters.ts. */
const TOKEN_CHAR = /^[0-9A-Za-z_-]$/;
/** The extractor shortens shown text to 40 characters with an ellipsis: such a near miss's extent is unknown. */
const SHORTENED = /…$/;

/** The message a diagnostic shows: the extractor's reason, and its suggestion when it has one. */
export function nearMissMessage(miss: Pick<NearMiss, 'reason' | 'suggestion'>): string {
  return miss.suggestion ? `${miss.reason} (did you mean ${miss.suggestion}?)` : miss.reason;
}

/**
 * The fixes for a near miss, preferred first; none when the extractor has no suggestion (a wrong length).
 * `before` and `after` are the characters just before and just after the near miss's text ('' at an edge).
 *
 * - upper case, '_' or a typographic dash, a stray character inside: the suggestion replaces the text;
 * - joined to the preceding character: a space goes before it;
 * - glued to following characters (`eng-…_notes`): a space separates them (preferred), or they are dropped.
 */
export function nearMissFixes(miss: Pick<NearMiss, 'text' | 'suggestion'>, before: string, after: string): NearMissFix[] {
  const { text, suggestion } = miss;
  if (!suggestion || !isEngagementId(suggestion) || SHORTENED.test(text)) return [];
  const changes: string[] = [];
  if (/[A-Z]/.test(text)) changes.push('lower case');
  if (text.length > 3 && text[3] !== '-') changes.push('plain hyphen');
  const spaceBefore = TOKEN_CHAR.test(before) ? ' ' : '';
  if (spaceBefore) changes.push(`space after '${before}'`);

  const idPart = text.slice(0, ENGAGEMENT_ID_LENGTH);
  const rest = text.slice(ENGAGEMENT_ID_LENGTH);
  const glued = normalise(idPart) === suggestion && rest.length > 0 && TOKEN_CHAR.test(rest[0]);
  if (glued) {
    return [
      fix(suggestion, [...changes, `space before '${rest}'`], `${spaceBefore}${suggestion} ${rest}`),
      fix(suggestion, [...changes, `drop '${rest}'`], `${spaceBefore}${suggestion}`),
    ];
  }
  const stray = strayCharacter(text, suggestion);
  if (stray !== undefined) changes.push(`drop '${stray}'`);
  const spaceAfter = TOKEN_CHAR.test(after) ? ' ' : '';
  if (spaceAfter) changes.push(`space before '${after}'`);
  return [fix(suggestion, changes, `${spaceBefore}${suggestion}${spaceAfter}`)];
}

/** Checks that applying `fix` to `line` at `column` (0-based) yields exactly `suggestion` as a taken ID. */
function fixYieldsId(line: string, column: number, miss: Pick<NearMiss, 'text'>, fix: NearMissFix, suggestion: string): boolean {
  const fixed = line.slice(0, column) + fix.replacement + line.slice(column + miss.text.length);
  return extractEngagementIds(fixed).ids.some((found) => found.id === suggestion);
}

function fix(suggestion: string, changes: readonly string[], replacement: string): NearMissFix {
  return { title: `Change to ${suggestion}${changes.length > 0 ? ` (${changes.join(', ')})` : ''}`, replacement };
}

/** `eng` in any case and any separator, read as `eng-` in lower case. */
function normalise(candidate: string): string {
  return `eng-${candidate.slice(4)}`.toLowerCase();
}

/** The character the suggestion leaves out of the text (`eng-1234567!890abcd` → '!'), if one is. */
function strayCharacter(text: string, suggestion: string): string | undefined {
  const body = text.slice(4);
  const wanted = suggestion.slice(4);
  if (body.length !== wanted.length + 1) return undefined;
  for (let i = 0; i < body.length; i++) {
    if ((body.slice(0, i) + body.slice(i + 1)).toLowerCase() === wanted) return body[i];
  }
  return undefined;
}

/** Where a near miss is in a window of a line, with the characters around it, as the extractor sees it today. */
interface LocatedNearMiss {
  readonly miss: NearMiss;
  readonly before: string;
  readonly after: string;
}

/**
 * The near miss that starts at `column` (0-based) of `line`, classified afresh, so a Quick Fix works on the text
 * as it is now. Only a window around the column is scanned: lines of minified files can be megabytes long.
 */
function nearMissAt(line: string, column: number): LocatedNearMiss | undefined {
  const windowStart = Math.max(0, column - 1);
  const windowText = line.slice(windowStart, column + 100);
  const found = extractEngagementIds(windowText).nearMisses.find((miss) => miss.line === 1 && windowStart + miss.column - 1 === column);
  if (!found) return undefined;
  return { miss: found, before: column > 0 ? line[column - 1] : '', after: line.charAt(column + found.text.length) };
}

/** The near miss at `column` (0-based) of `line` and the fixes that, applied, do yield its suggested ID. */
export function verifiedFixesAt(line: string, column: number): { miss: NearMiss; fixes: NearMissFix[] } | undefined {
  const located = nearMissAt(line, column);
  if (!located) return undefined;
  const { miss } = located;
  const windowStart = Math.max(0, column - 1);
  const window = line.slice(windowStart, column + miss.text.length + 1);
  const fixes = nearMissFixes(miss, located.before, located.after)
    .filter((fix) => miss.suggestion !== undefined && fixYieldsId(window, column - windowStart, miss, fix, miss.suggestion));
  return { miss, fixes };
}

import {
  ENGAGEMENT_ID_BODY_LENGTH,
  isAsciiAlphanumeric,
  isOrdinaryDelimiter,
  isTokenChar,
  isUpperCaseAscii,
  joinsPreceding,
  joinsPrecedingInBytes,
} from './characters';

/*
 * Near misses: text that starts like an engagement ID (`eng` in any case, then a hyphen-like character) but is
 * not taken, and is close enough to an ID (10..18 characters after the separator, or a stray character inside)
 * that the user probably meant one. Classification reads at most CANDIDATE_LOOKAHEAD characters from `start`.
 */

/** Separators the candidate search accepts after `eng`: '-', '_' and the typographic dashes word processors produce. */
export const CANDIDATE_SEARCH = /eng[-_\u2010-\u2015\u2212]/gi;

const MAX_BODY_READ = 32;
/** Characters after a candidate's start that classification may read (prefix + body + stray char + rest + 1). */
export const CANDIDATE_LOOKAHEAD = 4 + MAX_BODY_READ + 1 + MAX_BODY_READ + 1;

/** Body lengths (alphanumerics after `eng-`) close enough to 14 to be worth reporting. */
const MIN_REPORTED_BODY = 10;
const MAX_REPORTED_BODY = 18;
const MAX_SHOWN_TEXT = 40;

export interface NearMissVerdict {
  text: string;
  reason: string;
  suggestion?: string;
}

/**
 * Judges a candidate that is NOT a well-formed, free-standing ID (the scanner checks that first).
 * Returns undefined when the text doesn't look like an attempted ID (e.g. `eng-team`).
 * `start` is under LOOK_BEHIND only at the very start of the text (scanner buffers keep that many characters before it).
 */
export function classifyNearMiss(text: string, start: number, end: number): NearMissVerdict | undefined {
  const bodyStart = start + 4;
  let bodyEnd = bodyStart;
  const bodyLimit = Math.min(end, bodyStart + MAX_BODY_READ);
  while (bodyEnd < bodyLimit && isAsciiAlphanumeric(text.charCodeAt(bodyEnd))) bodyEnd++;
  const bodyLength = bodyEnd - bodyStart;
  const after = bodyEnd < end ? text.charCodeAt(bodyEnd) : -1;
  const shape = describeShape(text, bodyStart, bodyEnd, end, after);
  if (!shape) return undefined;

  const problems: string[] = [];
  if (joinsPreceding(text, start)) {
    problems.push(`joined to the preceding '${text[start - 1]}': an ID must not directly follow a letter, digit, '_' or '-'`);
  }
  let hasUpperCase = text.slice(start, start + 3) !== 'eng';
  for (let i = bodyStart; i < shape.extentEnd; i++) if (isUpperCaseAscii(text.charCodeAt(i))) hasUpperCase = true;
  if (hasUpperCase) problems.push(`upper-case letters: IDs are lower case ('eng-' and 14 of 0-9, a-z)`);
  const separator = text[start + 3];
  if (separator !== '-') problems.push(describeSeparator(separator));
  if (shape.problem) problems.push(shape.problem);
  if (problems.length === 0) return undefined; // a clean, free-standing 14-character body is an ID, not a near miss

  const shown = text.slice(start, shape.extentEnd);
  const verdict: NearMissVerdict = {
    text: shown.length > MAX_SHOWN_TEXT ? `${shown.slice(0, MAX_SHOWN_TEXT - 1)}…` : shown,
    reason: capitalize(problems.join('; ')),
  };
  if (shape.suggestedBody !== undefined && bodyLength > 0) verdict.suggestion = `eng-${shape.suggestedBody.toLowerCase()}`;
  return verdict;
}

/**
 * Whether classifyNearMiss would return a verdict, without building one: the scanner counts every near miss
 * but describes only the first few hundred, and a file can hold millions (issue 11).
 */
export function isNearMiss(text: string, start: number, end: number): boolean {
  const bodyStart = start + 4;
  let bodyEnd = bodyStart;
  const bodyLimit = Math.min(end, bodyStart + MAX_BODY_READ);
  while (bodyEnd < bodyLimit && isAsciiAlphanumeric(text.charCodeAt(bodyEnd))) bodyEnd++;
  const bodyLength = bodyEnd - bodyStart;
  const after = bodyEnd < end ? text.charCodeAt(bodyEnd) : -1;

  if (bodyLength === ENGAGEMENT_ID_BODY_LENGTH) {
    if (isTokenChar(after)) return true;
    // The right shape: a near miss only for what precedes it, the prefix, or upper case.
    if (joinsPreceding(text, start)) return true;
    if (text.charCodeAt(start) !== 101 || text.charCodeAt(start + 1) !== 110 || text.charCodeAt(start + 2) !== 103 || text.charCodeAt(start + 3) !== 45) return true;
    for (let i = bodyStart; i < bodyEnd; i++) if (isUpperCaseAscii(text.charCodeAt(i))) return true;
    return false;
  }
  if (bodyLength < ENGAGEMENT_ID_BODY_LENGTH && after !== -1 && !isOrdinaryDelimiter(after)) {
    const strayLength = characterLength(text, bodyEnd);
    let restEnd = bodyEnd + strayLength;
    while (restEnd < end && restEnd - bodyEnd <= MAX_BODY_READ && isAsciiAlphanumeric(text.charCodeAt(restEnd))) restEnd++;
    const restLength = restEnd - bodyEnd - strayLength;
    const total = bodyLength + restLength;
    if (restLength > 0 && (total === ENGAGEMENT_ID_BODY_LENGTH || total === ENGAGEMENT_ID_BODY_LENGTH - 1)) return true;
  }
  return bodyLength >= MIN_REPORTED_BODY && bodyLength <= MAX_REPORTED_BODY;
}

/**
 * isNearMiss over bytes that are all ASCII, where a byte is a character: the byte scanner's counting path. It
 * mirrors isNearMiss line for line (a function over either would cost a call per character); a unit test holds
 * the two to the same answers.
 */
export function isNearMissInAsciiBytes(bytes: Uint8Array, start: number, end: number): boolean {
  const bodyStart = start + 4;
  let bodyEnd = bodyStart;
  const bodyLimit = Math.min(end, bodyStart + MAX_BODY_READ);
  while (bodyEnd < bodyLimit && isAsciiAlphanumeric(bytes[bodyEnd])) bodyEnd++;
  const bodyLength = bodyEnd - bodyStart;
  const after = bodyEnd < end ? bytes[bodyEnd] : -1;

  if (bodyLength === ENGAGEMENT_ID_BODY_LENGTH) {
    if (isTokenChar(after)) return true;
    if (joinsPrecedingInBytes(bytes, start)) return true;
    if (bytes[start] !== 101 || bytes[start + 1] !== 110 || bytes[start + 2] !== 103 || bytes[start + 3] !== 45) return true;
    for (let i = bodyStart; i < bodyEnd; i++) if (isUpperCaseAscii(bytes[i])) return true;
    return false;
  }
  if (bodyLength < ENGAGEMENT_ID_BODY_LENGTH && after !== -1 && !isOrdinaryDelimiter(after)) {
    let restEnd = bodyEnd + 1;
    while (restEnd < end && restEnd - bodyEnd <= MAX_BODY_READ && isAsciiAlphanumeric(bytes[restEnd])) restEnd++;
    const restLength = restEnd - bodyEnd - 1;
    const total = bodyLength + restLength;
    if (restLength > 0 && (total === ENGAGEMENT_ID_BODY_LENGTH || total === ENGAGEMENT_ID_BODY_LENGTH - 1)) return true;
  }
  return bodyLength >= MIN_REPORTED_BODY && bodyLength <= MAX_REPORTED_BODY;
}

interface Shape {
  /** What is wrong with the characters after the separator; undefined when their shape is right. */
  problem?: string;
  /** The 14 body characters when a fix is unambiguous. */
  suggestedBody?: string;
  /** End of the text shown to the user. */
  extentEnd: number;
}

/** Judges the characters after `eng-`; undefined when they don't look like an attempted ID at all. */
function describeShape(text: string, bodyStart: number, bodyEnd: number, end: number, after: number): Shape | undefined {
  const bodyLength = bodyEnd - bodyStart;
  const body = text.slice(bodyStart, bodyEnd);

  if (bodyLength === ENGAGEMENT_ID_BODY_LENGTH) {
    if (!isTokenChar(after)) return { suggestedBody: body, extentEnd: bodyEnd };
    // A complete body glued to more token characters (`eng-…-v2`, `eng-…_notes`).
    let restEnd = bodyEnd;
    while (restEnd < end && restEnd - bodyEnd < 16 && isTokenChar(text.charCodeAt(restEnd))) restEnd++;
    const rest = text.slice(bodyEnd, restEnd);
    return {
      problem: `followed by '${rest}' with no space or punctuation: an ID ends after 14 characters, so this one is not taken`,
      suggestedBody: body,
      extentEnd: restEnd,
    };
  }

  if (bodyLength < ENGAGEMENT_ID_BODY_LENGTH && after !== -1 && !isOrdinaryDelimiter(after)) {
    // A stray character inside the ID (`eng-12345678-90abcd`, `eng-1234567!90abcd`).
    const strayLength = characterLength(text, bodyEnd);
    let restEnd = bodyEnd + strayLength;
    while (restEnd < end && restEnd - bodyEnd <= MAX_BODY_READ && isAsciiAlphanumeric(text.charCodeAt(restEnd))) restEnd++;
    const restLength = restEnd - bodyEnd - strayLength;
    const total = bodyLength + restLength;
    if (restLength > 0 && (total === ENGAGEMENT_ID_BODY_LENGTH || total === ENGAGEMENT_ID_BODY_LENGTH - 1)) {
      const stray = describeChar(text.slice(bodyEnd, bodyEnd + strayLength));
      const shape: Shape = {
        problem: `${stray} at position ${bodyLength + 1} after 'eng-': IDs contain only 0-9 and a-z`,
        extentEnd: restEnd,
      };
      if (total === ENGAGEMENT_ID_BODY_LENGTH) shape.suggestedBody = body + text.slice(bodyEnd + strayLength, restEnd);
      return shape;
    }
  }

  if (bodyLength < MIN_REPORTED_BODY || bodyLength > MAX_REPORTED_BODY) return undefined;
  const stop = after !== -1 && !isOrdinaryDelimiter(after) ? ` (stops at ${describeChar(text.slice(bodyEnd, bodyEnd + characterLength(text, bodyEnd)))})` : '';
  return {
    problem: `${bodyLength} characters after 'eng-', ${ENGAGEMENT_ID_BODY_LENGTH} expected${stop}`,
    extentEnd: bodyEnd,
  };
}

function describeSeparator(separator: string): string {
  if (separator === '_') return `'_' after 'eng' where a hyphen '-' is expected`;
  const code = separator.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
  return `'${separator}' (U+${code}, a typographic dash) after 'eng' where a plain hyphen '-' is expected; word processors often replace it`;
}

/** UTF-16 code units of the character at `index`: 2 for a surrogate pair (a character outside the BMP), else 1. */
function characterLength(text: string, index: number): number {
  const code = text.charCodeAt(index);
  return code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
}

function describeChar(char: string): string {
  return char === "'" ? 'a quote (\')' : `'${char}'`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

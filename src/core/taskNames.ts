/** Task names: the API takes 1..128 characters. Lengths are counted in UTF-16 code units (never less than code points). */

export const MAX_TASK_NAME_LENGTH = 128;
const ELLIPSIS = '…';

/** Undefined when `name` is acceptable, otherwise a message that states the limit and the current length. */
export function validateTaskName(name: string): string | undefined {
  if (name.length === 0) return `Task name is empty; it needs 1 to ${MAX_TASK_NAME_LENGTH} characters.`;
  if (name.trim().length === 0) return `Task name has only spaces; it needs 1 to ${MAX_TASK_NAME_LENGTH} characters of text.`;
  if (name.length > MAX_TASK_NAME_LENGTH) {
    return `Task name is ${name.length} characters long; the limit is ${MAX_TASK_NAME_LENGTH}.`;
  }
  return undefined;
}

/** Cuts `text` to at most `maxLength`, ending with '…' when cut, never splitting a surrogate pair. */
export function truncateWithEllipsis(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  if (maxLength <= 0) return '';
  let cut = maxLength - ELLIPSIS.length;
  if (cut > 0 && isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  return `${text.slice(0, cut).trimEnd()}${ELLIPSIS}`;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

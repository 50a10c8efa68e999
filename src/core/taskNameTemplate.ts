import { MAX_TASK_NAME_LENGTH, truncateWithEllipsis } from './taskNames';

/** The default of the task-name setting. */
export const DEFAULT_TASK_NAME_TEMPLATE = '${fileName} ${date}';

export interface TaskNameValues {
  fileName?: string;
  workspaceName?: string;
  date: Date;
  /** Number of engagement IDs launched. */
  count: number;
  catalog: string;
  /** Where the IDs came from, e.g. "selection" or "clipboard". */
  source?: string;
}

const PLACEHOLDER = /\$\{(\w+)\}/g;

/**
 * Fills `${fileName}`, `${workspaceFolder}`, `${date}` (YYYY-MM-DD, local time), `${time}` (HH:mm, local),
 * `${count}`, `${catalog}` and `${source}`. Unknown placeholders stay as written; missing values become empty.
 * The result has runs of spaces collapsed, is trimmed and clamped to 128 characters; when nothing is left it is
 * "Prospecting <date>".
 */
export function renderTaskName(template: string, values: TaskNameValues): string {
  const date = formatDate(values.date);
  const known: Record<string, string | undefined> = {
    fileName: values.fileName,
    workspaceFolder: values.workspaceName,
    date,
    time: formatTime(values.date),
    count: String(values.count),
    catalog: values.catalog,
    source: values.source,
  };
  const rendered = template
    .replace(PLACEHOLDER, (placeholder, key: string) => (Object.hasOwn(known, key) ? (known[key] ?? '') : placeholder))
    .replace(/\s+/g, ' ')
    .trim();
  return truncateWithEllipsis(rendered.length > 0 ? rendered : `Prospecting ${date}`, MAX_TASK_NAME_LENGTH);
}

function formatDate(date: Date): string {
  return `${date.getFullYear()}-${twoDigits(date.getMonth() + 1)}-${twoDigits(date.getDate())}`;
}

function formatTime(date: Date): string {
  return `${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}

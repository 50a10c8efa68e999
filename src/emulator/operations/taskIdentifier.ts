import { TASK_ID_PATTERN } from '../model';
import { type Validator } from '../validation';

const TASK_ARN_PATTERN = /^arn:aws:partnercentral-selling:[a-z0-9-]+:\d{12}:catalog\/[a-zA-Z]+\/prospecting-from-engagement-task\/(task-[0-9a-z]{14})$/;

/** A TaskId, or the task's ARN (read as its TaskId; the catalog in it must match the request's). */
export function taskIdentifier(v: Validator, value: unknown, field: string): { taskId: string; arnCatalog?: string } | undefined {
  const text = v.string(value, field, { required: true });
  if (text === undefined) return undefined;
  if (TASK_ID_PATTERN.test(text)) return { taskId: text };
  const arn = TASK_ARN_PATTERN.exec(text);
  if (arn) return { taskId: arn[1], arnCatalog: text.split(':')[5].split('/')[1] };
  v.add(field, 'INVALID_STRING_FORMAT', `${field} must match the pattern task-[0-9a-z]{14}`);
  return undefined;
}

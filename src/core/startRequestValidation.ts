import { MAX_IDENTIFIERS_PER_TASK } from './batchPlanning';
import { isEngagementId } from './engagementIds/characters';
import { validateTaskName } from './taskNames';

/** The catalogs the extension targets: `AWS` is production, `Sandbox` is for testing. */
export const CATALOGS = ['AWS', 'Sandbox'] as const;
export type Catalog = (typeof CATALOGS)[number];

export interface StartRequestFields {
  catalog: string;
  clientToken: string;
  identifiers: readonly string[];
  taskName: string;
}

/** One problem, with `field` named as the API's ValidationException names it (e.g. "Identifiers[3]"). */
export interface FieldProblem {
  field: string;
  message: string;
}

export function isCatalog(value: string): value is Catalog {
  return (CATALOGS as readonly string[]).includes(value);
}

/** Checks a StartProspectingFromEngagementTask request against the reference page's constraints. */
export function validateStartRequest(request: StartRequestFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!isCatalog(request.catalog)) {
    problems.push({ field: 'Catalog', message: `Catalog is '${request.catalog}'; expected 'AWS' (production) or 'Sandbox' (testing).` });
  }
  const token = request.clientToken;
  if (token.length < 1 || token.length > 255) {
    problems.push({ field: 'ClientToken', message: `ClientToken is ${token.length} characters long; it needs 1 to 255.` });
  } else if (/[\n\r\u2028\u2029]/.test(token)) {
    problems.push({ field: 'ClientToken', message: 'ClientToken must not contain line breaks.' });
  }
  problems.push(...validateIdentifiers(request.identifiers));
  const nameProblem = validateTaskName(request.taskName);
  if (nameProblem) problems.push({ field: 'TaskName', message: nameProblem });
  return problems;
}

function validateIdentifiers(identifiers: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (identifiers.length > MAX_IDENTIFIERS_PER_TASK) {
    problems.push({
      field: 'Identifiers',
      message: `${identifiers.length} identifiers; a task takes at most ${MAX_IDENTIFIERS_PER_TASK}.`,
    });
  }
  const firstIndex = new Map<string, number>();
  identifiers.forEach((id, index) => {
    const field = `Identifiers[${index}]`;
    if (!isEngagementId(id)) {
      problems.push({ field, message: `'${id}' is not an engagement ID ('eng-' and 14 of 0-9, a-z).` });
      return;
    }
    const earlier = firstIndex.get(id);
    if (earlier !== undefined) {
      problems.push({ field, message: `${id} is a duplicate of Identifiers[${earlier}].` });
    } else {
      firstIndex.set(id, index);
    }
  });
  return problems;
}

import { type Catalog } from '../model';

// Identifier patterns of the opportunity operations: each accepts an id or an ARN (`arn:.*`).
export const ENGAGEMENT_IDENTIFIER = { pattern: /^(arn:.*|eng-[0-9a-z]{14})$/, patternText: '(arn:.*|eng-[0-9a-z]{14})' };
export const OPPORTUNITY_TASK_IDENTIFIER = { pattern: /^(arn:.*|oit-[0-9a-z]{13})$/, patternText: '(arn:.*|oit-[0-9a-z]{13})' };
export const OPPORTUNITY_IDENTIFIER = { pattern: /^(arn:.*|O[0-9]{1,19})$/, patternText: '(arn:.*|O[0-9]{1,19})' };

/** The resource id an identifier names: itself, or the last segment of an ARN. */
export function resourceIdOf(identifier: string): string {
  return identifier.startsWith('arn:') ? identifier.slice(identifier.lastIndexOf('/') + 1) : identifier;
}

const ENGAGEMENT_ARN = /^arn:aws:partnercentral:[a-z0-9-]+:(\d{12}):catalog\/([a-zA-Z]+)\/engagement\/(eng-[0-9a-z]{14})$/;

/** The engagement id named by an id, or by the ARN of an engagement of this account in this catalog. */
export function engagementIdOf(identifier: string, catalog: Catalog, accountId: string): string | undefined {
  if (!identifier.startsWith('arn:')) return identifier;
  const arn = ENGAGEMENT_ARN.exec(identifier);
  return arn && arn[1] === accountId && arn[2] === catalog ? arn[3] : undefined;
}

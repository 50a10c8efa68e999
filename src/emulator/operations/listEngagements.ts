import { contextTypes, engagementSummary } from '../data/view';
import { ENGAGEMENT_ID_PATTERN } from '../model';
import { decodeToken, encodeToken, keysetPage, queryHash } from '../pagination';
import { Validator } from '../validation';
import { errors } from '../wire';
import { type Operation } from './context';

const CONTEXT_TYPES = ['CustomerProject', 'Lead', 'ProspectingResult'] as const;
const SORT_ORDER = ['ASCENDING', 'DESCENDING'] as const;
const DEFAULT_ENGAGEMENT_PAGE_SIZE = 20;
const ACCOUNT = { pattern: /^\d{12}$/, patternText: '[0-9]{12}' };

export const listEngagements: Operation = ({ state, nowMs }, input) => {
  const v = new Validator();
  const catalog = v.catalog(input.Catalog);
  const maxResults = v.integer(input.MaxResults, 'MaxResults', 1, 100) ?? DEFAULT_ENGAGEMENT_PAGE_SIZE;
  const nextToken = v.string(input.NextToken, 'NextToken', { minLength: 1, maxLength: 2048 });
  const ids = v.stringList(input.EngagementIdentifier, 'EngagementIdentifier', {
    min: 1, max: 10, item: { pattern: ENGAGEMENT_ID_PATTERN, patternText: 'eng-[0-9a-z]{14}' },
  });
  const createdBy = v.stringList(input.CreatedBy, 'CreatedBy', { min: 1, max: 10, item: ACCOUNT });
  const excludeCreatedBy = v.stringList(input.ExcludeCreatedBy, 'ExcludeCreatedBy', { min: 1, max: 10, item: ACCOUNT });
  const types = enumList(v, input.ContextTypes, 'ContextTypes');
  const excludeTypes = enumList(v, input.ExcludeContextTypes, 'ExcludeContextTypes');
  const sort = v.object(input.Sort, 'Sort');
  const sortOrder = sort ? v.enumValue(sort.SortOrder, 'Sort.SortOrder', SORT_ORDER, true) : 'DESCENDING';
  if (sort) v.enumValue(sort.SortBy, 'Sort.SortBy', ['CreatedDate'] as const, true);
  v.throwIfAny();
  if (!catalog || !sortOrder) throw errors.internal();

  const hash = queryHash('ListEngagements', { catalog, ids, createdBy, excludeCreatedBy, types, excludeTypes, sortOrder });
  const resumed = nextToken === undefined ? undefined : decodeToken(nextToken, hash);

  const matching = state.catalogs[catalog].all.filter((engagement) => {
    if (ids && !ids.includes(engagement.id)) return false;
    if (createdBy && !createdBy.includes(engagement.createdBy)) return false;
    if (excludeCreatedBy && excludeCreatedBy.includes(engagement.createdBy)) return false;
    if (!types && !excludeTypes) return true;
    const present = contextTypes(state.tasks, engagement, nowMs);
    if (types && !types.some((type) => present.includes(type))) return false;
    return !excludeTypes || !excludeTypes.some((type) => present.includes(type));
  });
  const { page, next } = keysetPage(
    matching,
    (engagement) => ({ key: engagement.createdAtMs, id: engagement.id }),
    sortOrder === 'DESCENDING',
    resumed?.cursor,
    maxResults,
  );
  return {
    EngagementSummaryList: page.map((engagement) => engagementSummary(state.tasks, engagement, state.config.accountId, nowMs)),
    ...(next ? { NextToken: encodeToken(hash, next, nowMs) } : {}),
  };
};

function enumList(v: Validator, value: unknown, field: string): string[] | undefined {
  const list = v.stringList(value, field, { min: 1, max: 3 });
  if (!list) return undefined;
  list.forEach((item, index) => v.enumValue(item, `${field}[${index}]`, CONTEXT_TYPES, true));
  return list;
}

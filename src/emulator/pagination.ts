import { createHash } from 'node:crypto';
import { errors } from './wire';

export type SortKey = number | string;

export interface Cursor {
  key: SortKey;
  id: string;
}

interface TokenPayload {
  v: 1;
  /** Hash of the query the token belongs to. */
  q: string;
  k: SortKey;
  i: string;
  /** Clock of the first page, for sort keys that change over time. */
  t: number;
}

/** Stable JSON (sorted keys) so equal queries hash equally whatever the key order. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function queryHash(operation: string, query: unknown): string {
  return createHash('sha256').update(operation).update('\u0000').update(canonicalJson(query)).digest('base64url').slice(0, 22);
}

export function encodeToken(hash: string, cursor: Cursor, asOfMs: number): string {
  const payload: TokenPayload = { v: 1, q: hash, k: cursor.key, i: cursor.id, t: asOfMs };
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

/** The cursor and first-page clock of a NextToken; ValidationException if it is malformed or from another query. */
export function decodeToken(token: string, hash: string): { cursor: Cursor; asOfMs: number } {
  let payload: Partial<TokenPayload> | undefined;
  try {
    payload = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as Partial<TokenPayload>;
  } catch {
    payload = undefined;
  }
  const valid =
    payload !== undefined && payload !== null && payload.v === 1 && typeof payload.q === 'string' &&
    (typeof payload.k === 'number' || typeof payload.k === 'string') && typeof payload.i === 'string' &&
    typeof payload.t === 'number';
  if (!valid) {
    throw errors.validation([{ FieldName: 'NextToken', Code: 'INVALID_VALUE', Message: 'NextToken is not a token this operation issued' }]);
  }
  if (payload!.q !== hash) {
    throw errors.validation([{
      FieldName: 'NextToken',
      Code: 'INVALID_VALUE',
      Message: 'NextToken belongs to a different query: repeat the original filters and sort with it',
    }]);
  }
  return { cursor: { key: payload!.k as SortKey, id: payload!.i as string }, asOfMs: payload!.t as number };
}

export function compareCursors(a: Cursor, b: Cursor): number {
  if (a.key !== b.key) {
    if (typeof a.key === 'number' && typeof b.key === 'number') return a.key - b.key;
    return String(a.key) < String(b.key) ? -1 : 1;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Keyset pagination: sorts by (key, id), skips everything up to and including the cursor, takes one page.
 * Items added or removed between pages cannot make a page repeat or skip an item that stays put.
 */
export function keysetPage<T>(
  items: readonly T[],
  cursorOf: (item: T) => Cursor,
  descending: boolean,
  after: Cursor | undefined,
  maxResults: number,
): { page: T[]; next?: Cursor } {
  const direction = descending ? -1 : 1;
  const keyed = items.map((item) => ({ item, cursor: cursorOf(item) }));
  keyed.sort((a, b) => direction * compareCursors(a.cursor, b.cursor));
  const remaining = after ? keyed.filter((entry) => direction * compareCursors(entry.cursor, after) > 0) : keyed;
  const page = remaining.slice(0, maxResults);
  const next = remaining.length > maxResults ? page[page.length - 1].cursor : undefined;
  return { page: page.map((entry) => entry.item), next };
}

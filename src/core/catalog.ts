/** The catalogs of Partner Central: `Sandbox` holds test data, `AWS` is production. */
export const CATALOGS = ['Sandbox', 'AWS'] as const;
export type Catalog = (typeof CATALOGS)[number];

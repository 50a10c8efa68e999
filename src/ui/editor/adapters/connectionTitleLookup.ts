import type * as vscode from 'vscode';
import { EngagementTitleCache, type EngagementTitleLookup, type TitleFacts } from '../../../core/editor';
import type { Catalog } from '../../config';
import type { PartnerCentralConnection } from '../../connection';

/**
 * Engagement titles through today's connection: ListEngagements, 10 IDs a call (aws.lookUpEngagementTitles),
 * and GetEngagement for the company of the one ID hovered. One cache per account (connection.accountKey) and
 * catalog, so another profile or endpoint never sees this one's answers.
 */
export class ConnectionTitleLookup implements EngagementTitleLookup {
  private readonly caches = new Map<string, EngagementTitleCache>();

  constructor(
    private readonly connection: Pick<PartnerCentralConnection, 'aws' | 'client' | 'accountKey'>,
    private readonly viewCatalog: { get(): Catalog },
    private readonly log: vscode.LogOutputChannel,
  ) {}

  catalog(): Catalog {
    return this.viewCatalog.get();
  }

  async lookUp(id: string, companions: readonly string[]): Promise<TitleFacts> {
    const facts = await this.cache().lookUp(id, companions);
    if (facts.kind === 'unavailable') this.log.debug(`Engagement title of ${id} not available: ${facts.why}`);
    return facts;
  }

  private cache(): EngagementTitleCache {
    const catalog = this.catalog();
    const key = `${this.connection.accountKey}/${catalog}`;
    let cache = this.caches.get(key);
    if (!cache) {
      const connection = this.connection;
      cache = new EngagementTitleCache({
        async titles(ids) {
          const [aws, client] = await Promise.all([connection.aws(), connection.client()]);
          return aws.lookUpEngagementTitles(client, catalog, ids);
        },
        async company(id) {
          const [aws, client] = await Promise.all([connection.aws(), connection.client()]);
          return aws.lookUpEngagementCompany(client, catalog, id);
        },
      });
      this.caches.set(key, cache);
    }
    return cache;
  }
}

export function connectionTitleLookup(connection: PartnerCentralConnection, viewCatalog: { get(): Catalog }, log: vscode.LogOutputChannel): ConnectionTitleLookup {
  return new ConnectionTitleLookup(connection, viewCatalog, log);
}

import type * as vscode from 'vscode';
import { EngagementTitleCache, type EngagementTitleLookup, type TitleFacts } from '../../../core/editor';
import type { Catalog } from '../../../core/catalog';
import type { AccountSessions } from '../../session/accountSessions';

/**
 * Engagement titles through the current account session: ListEngagements, 10 IDs a call
 * (aws.lookUpEngagementTitles), and GetEngagement for the company of the one ID hovered. One cache per account
 * identity and catalog, so another profile or endpoint never sees this one's answers.
 */
export class SessionTitleLookup implements EngagementTitleLookup {
  private readonly caches = new Map<string, EngagementTitleCache>();

  constructor(
    private readonly sessions: Pick<AccountSessions, 'session'>,
    private readonly viewCatalog: { get(): Catalog },
    private readonly log: vscode.LogOutputChannel,
  ) {}

  catalog(): Catalog {
    return this.viewCatalog.get();
  }

  async lookUp(id: string, companions: readonly string[]): Promise<TitleFacts> {
    const catalog = this.catalog();
    const session = await this.sessions.session();
    const key = `${session.identity.key}/${catalog}`;
    let cache = this.caches.get(key);
    if (!cache) {
      cache = new EngagementTitleCache({
        titles: (ids) => session.aws.lookUpEngagementTitles(session.client, catalog, ids),
        company: (engagementId) => session.aws.lookUpEngagementCompany(session.client, catalog, engagementId),
      });
      this.caches.set(key, cache);
    }
    const facts = await cache.lookUp(id, companions);
    if (facts.kind === 'unavailable') this.log.debug(`Engagement title of ${id} not available: ${facts.why}`);
    return facts;
  }
}

export function sessionTitleLookup(sessions: AccountSessions, viewCatalog: { get(): Catalog }, log: vscode.LogOutputChannel): SessionTitleLookup {
  return new SessionTitleLookup(sessions, viewCatalog, log);
}

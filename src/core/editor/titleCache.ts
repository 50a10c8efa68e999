import { RateSpacer } from '../launchPacing';
import { isEngagementId } from '../engagementIds';
import type { TitleFacts } from './engagementHover';
import { errorText } from '../redaction/externalText';

/** ListEngagements takes at most 10 EngagementIdentifier values per call. */
export const TITLES_PER_CALL = 10;
/**
 * Calls made from the editor start at least this far apart: at most about 8 per second, below the quota of
 * 10 "other reads" per second per account, which the task views' own title look-ups share.
 */
const MIN_CALL_INTERVAL_MS = 120;

/** The service calls behind the cache. */
export interface TitleCalls {
  /** Titles of up to 10 engagements in one call; IDs the catalog doesn't know are absent. */
  titles(ids: readonly string[]): Promise<ReadonlyMap<string, string>>;
  /** The customer's company of one engagement, when the service names one. */
  company?(id: string): Promise<string | undefined>;
}

export interface TitleCacheOptions {
  minIntervalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

type Known = { found: false } | { found: true; title: string; company?: string };

/**
 * Titles (and companies) of engagements for one account and catalog. A look-up for one ID takes up to 9 other
 * IDs not known yet along (those near it in the document), so hovering over the next ones costs no call; answers
 * are kept, a look-up already under way is joined, and calls are spaced to stay within the read quota.
 */
export class EngagementTitleCache {
  private readonly known = new Map<string, Known>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly companies = new Map<string, Promise<string | undefined>>();
  private readonly spacer: RateSpacer;
  private readonly sleep: (ms: number) => Promise<void>;
  private queue: Promise<void> = Promise.resolve();
  /** Service calls made, for tests and the log. */
  calls = 0;

  constructor(private readonly service: TitleCalls, options: TitleCacheOptions = {}) {
    this.spacer = new RateSpacer(options.minIntervalMs ?? MIN_CALL_INTERVAL_MS, options.now ?? Date.now);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** What is known without a call. */
  cached(id: string): TitleFacts | undefined {
    const known = this.known.get(id);
    if (!known) return undefined;
    return known.found ? { kind: 'found', title: known.title, ...(known.company ? { company: known.company } : {}) } : { kind: 'notFound' };
  }

  /** The title of `id` (and its company), looking up `companions` in the same call when they are not known yet. */
  async lookUp(id: string, companions: readonly string[] = []): Promise<TitleFacts> {
    try {
      if (!this.known.has(id)) await (this.inFlight.get(id) ?? this.fetchTitles(id, companions));
      const known = this.known.get(id);
      if (known?.found && this.service.company) {
        const company = await this.companyOf(id);
        if (company) known.company = company;
      }
    } catch (error) {
      return { kind: 'unavailable', why: errorText(error) };
    }
    return this.cached(id) ?? { kind: 'unavailable', why: 'no answer' };
  }

  private fetchTitles(id: string, companions: readonly string[]): Promise<void> {
    const batch = [id];
    for (const other of companions) {
      if (batch.length >= TITLES_PER_CALL) break;
      if (isEngagementId(other) && !batch.includes(other) && !this.known.has(other) && !this.inFlight.has(other)) batch.push(other);
    }
    const call = this.paced(() => this.service.titles(batch)).then((titles) => {
      for (const asked of batch) {
        const title = titles.get(asked);
        this.known.set(asked, title === undefined ? { found: false } : { found: true, title });
      }
    });
    const settled = call.finally(() => { for (const asked of batch) this.inFlight.delete(asked); });
    for (const asked of batch) this.inFlight.set(asked, settled);
    settled.catch(() => undefined); // the caller that started it sees the error; joiners too
    return settled;
  }

  private companyOf(id: string): Promise<string | undefined> {
    let company = this.companies.get(id);
    if (!company) {
      const asked = this.paced(() => this.service.company?.(id) ?? Promise.resolve(undefined));
      asked.catch(() => { if (this.companies.get(id) === asked) this.companies.delete(id); });
      this.companies.set(id, asked);
      company = asked;
    }
    return company;
  }

  private async paced<T>(call: () => Promise<T>): Promise<T> {
    const turn = this.queue.then(async () => {
      const wait = this.spacer.delayBeforeNext();
      if (wait > 0) await this.sleep(wait);
      this.spacer.recordLaunch();
    });
    this.queue = turn.catch(() => undefined);
    await turn;
    this.calls++;
    return call();
  }
}

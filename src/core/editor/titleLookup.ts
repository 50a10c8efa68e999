import type { TitleFacts } from './engagementHover';

/** Where the editor gets engagement titles: cached per account and catalog, batched, and only on demand. */
export interface EngagementTitleLookup {
  /** The catalog titles (and outcomes) are shown for. */
  catalog(): string;
  /** Looks `id` up, with `companions` (IDs near it) in the same call when they are not known yet. */
  lookUp(id: string, companions: readonly string[]): Promise<TitleFacts>;
}

import { type Catalog } from '../model';
import { SeededRandom, deriveSeed } from '../random';
import {
  COUNTRIES, FAILURE_REASONS, FIRST_NAMES, INDUSTRIES, JOB_TITLES, LAST_NAMES, NAME_PREFIXES, NAME_SUFFIXES,
  OUTCOMES, PROBLEMS, WORKLOADS,
} from './words';

export type BaseContextType = 'CustomerProject' | 'Lead';

export interface Engagement {
  id: string;
  catalog: Catalog;
  title: string;
  description: string;
  companyName: string;
  websiteUrl: string;
  industry: string;
  country: string;
  workload: string;
  problem: string;
  createdAtMs: number;
  modifiedAtMs: number;
  createdBy: string;
  modifiedBy: string;
  memberCount: number;
  contact: { FirstName: string; LastName: string; BusinessTitle: string; Email: string };
  baseContextTypes: BaseContextType[];
  /** Set for the share of engagements whose prospecting always fails. */
  failure?: { ReasonCode: string; Message: string };
}

export interface EngagementCatalog {
  catalog: Catalog;
  /** In creation order (oldest first). */
  all: Engagement[];
  byId: Map<string, Engagement>;
}

// Fixed so the data does not depend on the day the emulator runs.
const CREATED_FROM = Date.UTC(2024, 0, 1);
const CREATED_SPAN_MS = 600 * 24 * 3600 * 1000;

/** Account ids that appear as CreatedBy/ModifiedBy besides the emulator's own account. */
function otherAccounts(seed: number): string[] {
  const random = new SeededRandom(deriveSeed(seed, 'accounts'));
  return Array.from({ length: 3 }, () => String(random.int(100000000000, 999999999999)));
}

export function generateCatalog(catalog: Catalog, count: number, seed: number, accountId: string, takenIds: Set<string>): EngagementCatalog {
  const random = new SeededRandom(deriveSeed(seed, 'engagements', catalog));
  const creators = [accountId, accountId, ...otherAccounts(seed)];
  const failingCount = count >= 2 ? Math.max(1, Math.round(count / 10)) : 0;
  const failingIndexes = chooseIndexes(random, count, failingCount);

  const all: Engagement[] = [];
  const byId = new Map<string, Engagement>();
  for (let i = 0; i < count; i++) {
    let id = `eng-${random.idSuffix()}`;
    while (takenIds.has(id)) id = `eng-${random.idSuffix()}`;
    takenIds.add(id);

    const companyName = `${random.pick(NAME_PREFIXES)} ${random.pick(NAME_SUFFIXES)}`;
    const industry = random.pick(INDUSTRIES);
    const workload = random.pick(WORKLOADS);
    const problem = random.pick(PROBLEMS);
    const outcome = random.pick(OUTCOMES);
    const country = random.pick(COUNTRIES);
    const domain = companyName.toLowerCase().replace(/[^a-z0-9]+/g, '');
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    // Spread creation times evenly with jitter, so CreatedDate order differs a little from generation order.
    const createdAtMs = CREATED_FROM + Math.floor(((i + random.next()) / Math.max(count, 1)) * CREATED_SPAN_MS);
    const modifiedAtMs = createdAtMs + random.int(0, 90) * 24 * 3600 * 1000 + random.int(0, 86_399) * 1000;
    const createdBy = random.pick(creators);
    const baseContextTypes: BaseContextType[] = random.chance(0.4) ? ['CustomerProject', 'Lead'] : ['CustomerProject'];

    const engagement: Engagement = {
      id,
      catalog,
      title: `${companyName}: ${workload}`,
      description:
        `${companyName} (${industry}, ${country}) is struggling with ${problem}. ` +
        `The ${workload} would let them ${outcome}. ${catalog === 'Sandbox' ? 'Sandbox test data.' : ''}`.trim(),
      companyName,
      websiteUrl: `https://www.${domain}.example.com`,
      industry,
      country,
      workload,
      problem,
      createdAtMs,
      modifiedAtMs,
      createdBy,
      modifiedBy: random.chance(0.7) ? createdBy : random.pick(creators),
      memberCount: random.int(1, 5),
      contact: {
        FirstName: firstName,
        LastName: lastName,
        BusinessTitle: random.pick(JOB_TITLES),
        Email: `${firstName}.${lastName}@${domain}.example.com`.toLowerCase(),
      },
      baseContextTypes,
    };
    if (failingIndexes.has(i)) engagement.failure = { ...random.pick(FAILURE_REASONS) };
    all.push(engagement);
    byId.set(id, engagement);
  }
  return { catalog, all, byId };
}

function chooseIndexes(random: SeededRandom, count: number, pickCount: number): Set<number> {
  const indexes = Array.from({ length: count }, (_, i) => i);
  for (let i = indexes.length - 1; i > 0; i--) {
    const j = Math.floor(random.next() * (i + 1));
    [indexes[i], indexes[j]] = [indexes[j], indexes[i]];
  }
  return new Set(indexes.slice(0, pickCount));
}

import { SeededRandom, deriveSeed } from '../random';
import { type Engagement } from './engagements';

// Values of the SDK's EngagementScore enum, which the ProspectingInsights docs name for the scores.
export const INSIGHT_SCORES = ['High', 'Medium', 'Low'] as const;
export type InsightScore = (typeof INSIGHT_SCORES)[number];

/**
 * SolutionCategory takes the Solution `Category` values the SDK documents (Software Product, Consulting
 * Service, ...); SolutionSubCategory has no documented values, so it names the kind of solution the
 * engagement's workload needs.
 */
const SOLUTION_BY_WORKLOAD: Record<string, [category: string, subCategory: string]> = {
  'SAP migration': ['Professional Service', 'SAP on AWS'],
  'data lake modernization': ['Consulting Service', 'Data Lakes and Analytics'],
  'contact center modernization': ['Software Product', 'Contact Center'],
  'generative AI assistant': ['Software Product', 'Generative AI'],
  'mainframe migration': ['Professional Service', 'Mainframe Modernization'],
  'data center exit': ['Consulting Service', 'Migration'],
  'Windows workload migration': ['Consulting Service', 'Windows on AWS'],
  'real-time analytics platform': ['Software Product', 'Streaming Analytics'],
  'document processing automation': ['Software Product', 'Intelligent Document Processing'],
  'IoT telemetry platform': ['Software Product', 'Internet of Things'],
  'e-commerce replatforming': ['Consulting Service', 'Digital Commerce'],
  'disaster recovery': ['Managed Service', 'Resilience and Disaster Recovery'],
  'machine learning forecasting': ['Software Product', 'Machine Learning'],
  'VMware migration': ['Professional Service', 'VMware Cloud Migration'],
  'serverless API platform': ['Consulting Service', 'Serverless Application Development'],
  'security posture uplift': ['Managed Service', 'Security and Compliance'],
  'video streaming pipeline': ['Software Product', 'Media Streaming'],
  'customer data platform': ['Software Product', 'Customer Data Platform'],
  'HPC simulation cluster': ['Professional Service', 'High Performance Computing'],
  'observability consolidation': ['Managed Service', 'Observability and Monitoring'],
};

const LOCATION_BY_COUNTRY: Record<string, { geo: string; region: string; subRegion: string }> = {
  US: { geo: 'AMER', region: 'North America', subRegion: 'US' },
  CA: { geo: 'AMER', region: 'North America', subRegion: 'Canada' },
  BR: { geo: 'AMER', region: 'Latin America', subRegion: 'Brazil' },
  GB: { geo: 'EMEA', region: 'Europe', subRegion: 'UK and Ireland' },
  DE: { geo: 'EMEA', region: 'Europe', subRegion: 'DACH' },
  FR: { geo: 'EMEA', region: 'Europe', subRegion: 'France' },
  NL: { geo: 'EMEA', region: 'Europe', subRegion: 'Benelux' },
  ES: { geo: 'EMEA', region: 'Europe', subRegion: 'Iberia' },
  JP: { geo: 'APJ', region: 'Japan', subRegion: 'Japan' },
  AU: { geo: 'APJ', region: 'ANZ', subRegion: 'Australia' },
  IN: { geo: 'APJ', region: 'India', subRegion: 'India' },
  SG: { geo: 'APJ', region: 'ASEAN', subRegion: 'Singapore' },
};

const SUB_INDUSTRY: Record<string, string> = {
  Automotive: 'Automotive Manufacturing',
  'Financial Services': 'Banking',
  Healthcare: 'Providers',
  Retail: 'Omnichannel Retail',
  Manufacturing: 'Industrial Manufacturing',
  'Media and Entertainment': 'Broadcasting',
  Education: 'Higher Education',
  'Energy - Power and Utilities': 'Utilities',
  Telecommunications: 'Mobile Operators',
  Travel: 'Hospitality',
  'Transportation and Logistics': 'Freight and Logistics',
  'Life Sciences': 'Pharmaceuticals',
  Gaming: 'Game Studios',
  Agriculture: 'Agritech',
  'Software and Internet': 'SaaS',
};

const SEGMENTS = [
  { segment: 'Enterprise', companySize: '1000-4999' },
  { segment: 'Strategic', companySize: '10000+' },
  { segment: 'Mid-Market', companySize: '100-999' },
  { segment: 'SMB', companySize: '1-99' },
] as const;

const GREENFIELD_PROGRAMS = ['Migration Acceleration Program', 'Proof of Concept Funding', 'Generative AI Accelerator', 'ISV Workload Migration'] as const;

export interface ProspectingInsights {
  Customer: {
    AccountName: string;
    Geo: string;
    Region: string;
    SubRegion: string;
    Country: string;
    Industry: string;
    SubIndustry: string;
    Segment: string;
    CompanySize: string;
    EligiblePrograms: string[];
    PublicProfileSummary: string;
  };
  Insights: {
    MarketplaceEngagementScore: InsightScore;
    SolutionScore: InsightScore;
    SolutionCategory: string;
    SolutionSubCategory: string;
  };
}

/** What prospecting learns about an engagement's customer: the same for every run over it, per seed. */
export function prospectingInsights(seed: number, engagement: Engagement): ProspectingInsights {
  const random = new SeededRandom(deriveSeed(seed, 'insights', engagement.catalog, engagement.id));
  const location = LOCATION_BY_COUNTRY[engagement.country] ?? { geo: 'AMER', region: 'North America', subRegion: 'US' };
  const { segment, companySize } = random.pick(SEGMENTS);
  const [category, subCategory] = SOLUTION_BY_WORKLOAD[engagement.workload] ?? ['Consulting Service', 'Migration'];
  const programs = GREENFIELD_PROGRAMS.filter(() => random.chance(0.3));
  return {
    Customer: {
      AccountName: engagement.companyName,
      Geo: location.geo,
      Region: location.region,
      SubRegion: location.subRegion,
      Country: engagement.country,
      Industry: engagement.industry,
      SubIndustry: SUB_INDUSTRY[engagement.industry] ?? engagement.industry,
      Segment: segment,
      CompanySize: companySize,
      EligiblePrograms: programs,
      PublicProfileSummary:
        `${engagement.companyName} is a ${segment.toLowerCase()} ${engagement.industry.toLowerCase()} company in ${location.subRegion} ` +
        `(${companySize} employees). Public sources point to ${engagement.problem}; it is evaluating a ${engagement.workload}.`,
    },
    Insights: {
      MarketplaceEngagementScore: weightedScore(random),
      SolutionScore: weightedScore(random),
      SolutionCategory: category,
      SolutionSubCategory: subCategory,
    },
  };
}

/** Fewer highs than lows, as in a real pipeline. */
function weightedScore(random: SeededRandom): InsightScore {
  const draw = random.next();
  return draw < 0.25 ? 'High' : draw < 0.65 ? 'Medium' : 'Low';
}

// Word lists the engagement generator draws from. Industry values are the SDK's `Industry` enum values.

export const INDUSTRIES = [
  'Automotive',
  'Financial Services',
  'Healthcare',
  'Retail',
  'Manufacturing',
  'Media and Entertainment',
  'Education',
  'Energy - Power and Utilities',
  'Telecommunications',
  'Travel',
  'Transportation and Logistics',
  'Life Sciences',
  'Gaming',
  'Agriculture',
  'Software and Internet',
] as const;

export const NAME_PREFIXES = [
  'Acme', 'Northwind', 'Blue Harbor', 'Contoso', 'Fabrikam', 'Globex', 'Initech', 'Umbrella', 'Stark', 'Wayne',
  'Tailspin', 'Woodgrove', 'Litware', 'Adventure Works', 'Proseware', 'Alpine Ski', 'Coho', 'Lucerne', 'Margie',
  'Wingtip', 'Trey', 'Fourth Coffee', 'Humongous', 'Graphic Design', 'Southridge', 'Bellows', 'Datum', 'Relecloud',
  'Vanarsdel', 'Consolidated', 'Silver Birch', 'Red Kite', 'Granite Peak', 'Evergreen', 'Sunrise', 'Harborview',
] as const;

export const NAME_SUFFIXES = [
  'Corp', 'Group', 'Holdings', 'Labs', 'Systems', 'Industries', 'Partners', 'Health', 'Logistics', 'Bank',
  'Retail', 'Motors', 'Energy', 'Media', 'Foods', 'Pharma', 'Airlines', 'Telecom', 'Insurance', 'University',
] as const;

export const WORKLOADS = [
  'SAP migration', 'data lake modernization', 'contact center modernization', 'generative AI assistant',
  'mainframe migration', 'data center exit', 'Windows workload migration', 'real-time analytics platform',
  'document processing automation', 'IoT telemetry platform', 'e-commerce replatforming', 'disaster recovery',
  'machine learning forecasting', 'VMware migration', 'serverless API platform', 'security posture uplift',
  'video streaming pipeline', 'customer data platform', 'HPC simulation cluster', 'observability consolidation',
] as const;

export const PROBLEMS = [
  'rising on-premises licensing and hardware refresh costs',
  'batch reporting that runs overnight and misses business deadlines',
  'manual processes that slow down customer onboarding',
  'peak-season traffic that the current platform cannot absorb',
  'fragmented data spread across a dozen regional systems',
  'compliance findings that require stronger audit trails',
  'long release cycles that delay new digital products',
  'a data center lease that expires within eighteen months',
  'limited insight into customer behaviour across channels',
  'recovery time objectives the current setup cannot meet',
] as const;

export const OUTCOMES = [
  'cut infrastructure spend by a third',
  'deliver reports in minutes instead of hours',
  'launch new features every sprint',
  'scale automatically for seasonal peaks',
  'give analysts a single source of truth',
  'meet the regulator\u2019s audit requirements',
  'personalise offers in real time',
  'recover from a regional outage within an hour',
] as const;

export const COUNTRIES = ['US', 'GB', 'DE', 'FR', 'JP', 'AU', 'CA', 'BR', 'IN', 'SG', 'NL', 'ES'] as const;

export const FIRST_NAMES = ['Ana', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farid', 'Grace', 'Hiro', 'Ines', 'Jonas', 'Kavya', 'Liam'] as const;
export const LAST_NAMES = ['Silva', 'Meyer', 'Dubois', 'Tanaka', 'Okafor', 'Novak', 'Rossi', 'Kim', 'Patel', 'Larsen', 'Garcia', 'Walsh'] as const;
export const JOB_TITLES = ['CTO', 'VP Engineering', 'Head of Data', 'IT Director', 'Cloud Architect', 'CIO'] as const;

/** Realistic prospecting failures: each failing engagement gets one of these. */
export const FAILURE_REASONS = [
  {
    ReasonCode: 'INSUFFICIENT_CUSTOMER_DATA',
    Message: 'The engagement has no customer website or company name to match against. Add customer details to the engagement and start a new task.',
  },
  {
    ReasonCode: 'ENGAGEMENT_NOT_ELIGIBLE',
    Message: 'The engagement is closed or archived and cannot be prospected. Reopen the engagement or choose an active one.',
  },
  {
    ReasonCode: 'DUPLICATE_PROSPECT',
    Message: 'A prospecting lead for this customer already exists in your pipeline. Review the existing lead instead of creating a new one.',
  },
  {
    ReasonCode: 'CUSTOMER_OPTED_OUT',
    Message: 'The customer has opted out of partner outreach. Do not contact this customer through Partner Central.',
  },
  {
    ReasonCode: 'UNSUPPORTED_COUNTRY',
    Message: 'Prospecting is not yet available for the customer\u2019s country. Retry when the program expands to this region.',
  },
] as const;

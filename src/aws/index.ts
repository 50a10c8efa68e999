// The AWS layer, bundled separately (dist/aws.js) and loaded by the UI with `await import('../aws')`: exactly
// what the UI calls at runtime. Types are imported from their own files (`import type`, erased at build).
export { createPartnerCentralClient } from './client';
export { openPartnerCentralClient } from './openClient';
export { lookUpEngagementTitles } from './engagementTitles';
export { lookUpEngagementCompany } from './engagementCompany';
export { launchBatches } from './launchBatches';
export { createTaskFetchers, fetchTaskDetails, listRecentTasks } from './taskFollowing';
export { resolveAccountIdentity } from './accountIdentity';
export { listProfiles, sharedFilePaths, ssoTokenState } from './profiles';
export { resolveEndpoint } from './endpointResolution';
export { observeCallOutcomes, probeConnection } from './connectionProbe';
export { runOpportunityStarts } from './opportunityRun';
export { listOpportunityTasksByIds } from './opportunityTasks';
export { getEngagementInsights } from './engagementInsights';

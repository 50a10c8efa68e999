// The AWS layer, bundled separately (dist/aws.js) and loaded by the UI with `await import('../aws')`:
// everything the UI needs at runtime from this layer is exported here.
export { addCallLogging, summarizeParameters, type CallLogger } from './callLogging';
export { createPartnerCentralClient, DEFAULT_MAX_ATTEMPTS, DEFAULT_REGION, type PartnerCentralClientSettings } from './client';
export {
  getProspectingTask,
  iterateProspectingTasks,
  listProspectingTasks,
  startProspectingTask,
  type CallOptions,
  type ProspectingTaskFilters,
  type StartProspectingTaskInput,
} from './prospectingTasks';
export { lookUpEngagementTitles } from './engagementTitles';
export { lookUpEngagementCompany } from './engagementCompany';
export {
  launchBatches,
  type BatchLaunchResult,
  type FailedBatch,
  type LaunchBatchesInput,
  type LaunchProgressEvent,
  type SkippedBatch,
  type StartedBatch,
} from './launchBatches';
export type {
  EngagementProspectingResult,
  GetProspectingFromEngagementTaskCommandOutput,
  ListProspectingFromEngagementTasksCommandOutput,
  PartnerCentralSellingClient,
  ProspectingTaskStatus,
  ProspectingTaskSummary,
  StartProspectingFromEngagementTaskCommandOutput,
} from '@aws-sdk/client-partnercentral-selling';
export {
  createTaskFetchers,
  DEFAULT_TASK_PAGE_SIZE,
  fetchTaskDetails,
  listRecentTasks,
  type RecentTasksOptions,
} from './taskFollowing';
export { hashAccessKeyId, resolveAccountIdentity, type AccountIdentity } from './accountIdentity';
export { listProfiles, sharedFilePaths, ssoTokenState, type ProfileInfo, type SharedFilePaths, type SsoTokenState } from './profiles';
export { resolveEndpoint } from './endpointResolution';
export { observeCallOutcomes, probeConnection, type CallOutcomeListener, type ConnectionProbe } from './connectionProbe';

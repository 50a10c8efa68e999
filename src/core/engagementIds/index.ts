export {
  ENGAGEMENT_ID_BODY_LENGTH,
  ENGAGEMENT_ID_LENGTH,
  ENGAGEMENT_ID_PREFIX,
  isEngagementId,
} from './characters';
export { EngagementIdByteScanner } from './byteScanner';
export {
  DEFAULT_MAX_NEAR_MISSES,
  type DuplicateEngagementId,
  type EngagementIdScannerOptions,
  type FoundEngagementId,
  type IdExtraction,
  type NearMiss,
} from './extraction';
export { EngagementIdScanner, extractEngagementIds } from './scanner';

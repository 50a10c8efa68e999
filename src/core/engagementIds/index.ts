export {
  ENGAGEMENT_ID_BODY_LENGTH,
  ENGAGEMENT_ID_LENGTH,
  ENGAGEMENT_ID_PREFIX,
  isEngagementId,
} from './characters';
export {
  DEFAULT_MAX_NEAR_MISSES,
  EngagementIdScanner,
  extractEngagementIds,
  type DuplicateEngagementId,
  type EngagementIdScannerOptions,
  type FoundEngagementId,
  type IdExtraction,
  type NearMiss,
} from './scanner';
export { Utf8ChunkDecoder } from './utf8Chunks';

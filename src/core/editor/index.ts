export { scanDocumentText, type DocumentScan, type IdOccurrence, type ScanPacing } from './documentScan';
export {
  outcomeDecorationText,
  outcomesFingerprint,
  outcomesFromTasks,
  type EngagementOutcome,
  type EngagementOutcomeSource,
  type OutcomeTask,
} from './engagementOutcomes';
export { commandUri, escapeMarkdown, hoverMarkdown, isoMinutes, type HoverFacts, type HoverLinks, type TitleFacts } from './engagementHover';
export { fixYieldsId, nearMissAt, nearMissFixes, nearMissMessage, verifiedFixesAt, type LocatedNearMiss, type NearMissFix } from './nearMissFix';
export { EngagementTitleCache, MIN_CALL_INTERVAL_MS, TITLES_PER_CALL, type TitleCacheOptions, type TitleCalls } from './titleCache';
export type { EngagementTitleLookup } from './titleLookup';

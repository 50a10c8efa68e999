export { scanDocumentText, type DocumentScan } from './documentScan';
export {
  outcomeDecorationText,
  outcomesFingerprint,
  outcomesFromTasks,
  type EngagementOutcome,
  type EngagementOutcomeSource,
} from './engagementOutcomes';
export { commandUri, hoverMarkdown, type HoverLinks, type TitleFacts } from './engagementHover';
export { nearMissFixes, nearMissMessage, verifiedFixesAt } from './nearMissFix';
export { EngagementTitleCache, TITLES_PER_CALL } from './titleCache';
export type { EngagementTitleLookup } from './titleLookup';

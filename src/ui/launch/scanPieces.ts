import * as vscode from 'vscode';
import { collectEngagementIds, pieceSize, type CollectedIds, type TextPiece } from '../../core/collectedIds';
import { settingId } from '../../core/settingNames';

/** Above this many characters (or bytes) the scan shows progress and can be cancelled. */
const LARGE_INPUT = 8 * 1024 * 1024;

export const MAX_IDS_SETTING = settingId('maxIdsPerLaunch');
const DEFAULT_MAX_IDS = 10_000;
/** The setting's maximum: listing and merging this many IDs stays a step of a few tens of ms. */
const LARGEST_MAX_IDS = 100_000;

/** What a scan found, listing at most `maxIds` IDs (`distinctIds` counts them all). */
export type ScannedIds = CollectedIds & { maxIds: number };

/** The `partnerCentral.maxIdsPerLaunch` setting: a whole number from 1 to 100,000 (larger: 100,000; invalid: the default). */
export function readMaxIdsPerLaunch(): number {
  const value = vscode.workspace.getConfiguration().get<unknown>(MAX_IDS_SETTING);
  return typeof value === 'number' && Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), LARGEST_MAX_IDS) : DEFAULT_MAX_IDS;
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scans without freezing the extension host: chunks, with a turn of the event loop between them; a large
 * input gets a cancellable progress notification. Resolves undefined when cancelled.
 */
export async function scanPieces(pieces: readonly TextPiece[], sourceLabel: string): Promise<ScannedIds | undefined> {
  const maxIds = readMaxIdsPerLaunch();
  const size = pieces.reduce((total, piece) => total + pieceSize(piece), 0);
  if (size < LARGE_INPUT) return { ...(await collectEngagementIds(pieces, { maxIds, yieldBetweenChunks: yieldToEventLoop })), maxIds };

  const megabytes = (size / (1024 * 1024)).toFixed(0);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Finding engagement IDs in ${sourceLabel} (${megabytes} MB)`, cancellable: true },
    async (_progress, token) => {
      try {
        const found = await collectEngagementIds(pieces, {
          maxIds,
          yieldBetweenChunks: async () => {
            await yieldToEventLoop();
            if (token.isCancellationRequested) throw new vscode.CancellationError();
          },
        });
        return { ...found, maxIds };
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        throw error;
      }
    },
  );
}

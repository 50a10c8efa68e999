import * as vscode from 'vscode';
import { collectEngagementIds, type CollectedIds, type TextPiece } from '../../core/collectedIds';

/** Above this many characters the scan shows progress and can be cancelled. */
const LARGE_INPUT = 8 * 1024 * 1024;

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Scans without freezing the extension host: chunks, with a turn of the event loop between them; a large
 * input gets a cancellable progress notification. Resolves undefined when cancelled.
 */
export async function scanPieces(pieces: readonly TextPiece[], sourceLabel: string): Promise<CollectedIds | undefined> {
  const size = pieces.reduce((total, piece) => total + piece.text.length, 0);
  if (size < LARGE_INPUT) return collectEngagementIds(pieces, { yieldBetweenChunks: yieldToEventLoop });

  const megabytes = (size / (1024 * 1024)).toFixed(0);
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Finding engagement IDs in ${sourceLabel} (${megabytes} MB)`, cancellable: true },
    async (_progress, token) => {
      try {
        return await collectEngagementIds(pieces, {
          yieldBetweenChunks: async () => {
            await yieldToEventLoop();
            if (token.isCancellationRequested) throw new vscode.CancellationError();
          },
        });
      } catch (error) {
        if (error instanceof vscode.CancellationError) return undefined;
        throw error;
      }
    },
  );
}

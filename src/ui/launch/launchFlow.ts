import * as vscode from 'vscode';
import { planBatches } from '../../core/batchPlanning';
import { explainOneLine } from '../../core/errorExplanations';
import { describeNearMiss, type CollectedIds, type TextPiece } from '../../core/collectedIds';
import { renderTaskName } from '../../core/taskNameTemplate';
import { validateTaskName } from '../../core/taskNames';
import type { Catalog } from '../../core/catalog';
import { readLaunchSettings } from '../config';
import type { IdSourceKind } from '../prompts';
import { chooseLaunchCatalog, confirmCatalog } from './chooseCatalog';
import { acceptIdCap } from './idCap';
import type { LaunchContext } from './launchContext';
import { runLaunch } from './runLaunch';
import { scanPieces } from './scanPieces';

/** IDs to launch from, as a command read them. */
export interface IdRequest {
  readonly source: IdSourceKind;
  /** For messages: "the selection in accounts.csv", "the clipboard", "3 files". */
  readonly label: string;
  readonly pieces: readonly TextPiece[];
  /** Fills `${fileName}` in the task name template. */
  readonly fileName?: string;
}

/** How many engagements get their title looked up for the picker (ListEngagements takes 10 per call). */
const TITLE_LOOKUP_LIMIT = 200;
const NEAR_MISSES_IN_MESSAGE = 3;

/** From text to started tasks: find the IDs, let the user check them, choose catalog and name, launch. */
export async function startProspecting(services: LaunchContext, request: IdRequest): Promise<void> {
  const prompts = services.prompts();
  const found = await scanPieces(request.pieces, request.label);
  if (!found) return;
  logFindings(services, request, found);

  if (found.ids.length === 0) {
    await reportNothingFound(services, request, found);
    return;
  }
  if (!(await acceptIdCap(services, request.label, found))) return;

  const catalog = await chooseLaunchCatalog(prompts);
  if (!catalog) return;

  const chosen = await prompts.pickEngagements(
    found.ids.map(({ id, origin, line }) => ({ id, location: `${origin}:${line}` })),
    lookUpTitles(services, catalog, found.ids.slice(0, TITLE_LOOKUP_LIMIT).map(({ id }) => id)),
    catalog,
  );
  if (!chosen) return;
  if (chosen.length === 0) {
    await prompts.show('info', 'No engagement was checked, so no prospecting task was started.');
    return;
  }

  const proposedName = renderTaskName(readLaunchSettings().taskNameTemplate, {
    fileName: request.fileName,
    workspaceName: vscode.workspace.name,
    date: new Date(),
    count: chosen.length,
    catalog,
    source: request.source,
  });
  const taskName = await prompts.askTaskName(proposedName, validateTaskName);
  if (taskName === undefined) return;
  const nameProblem = validateTaskName(taskName);
  if (nameProblem) {
    await prompts.show('error', nameProblem);
    return;
  }

  const batches = planBatches(chosen, taskName);
  if (!(await confirmCatalog(prompts, catalog, chosen.length, batches.length, 'settings', await services.session()))) return;
  const notTaken = found.nearMissCount > 0 ? `${found.nearMissCount} near miss${found.nearMissCount === 1 ? ' was' : 'es were'} not taken (see the log).` : undefined;
  await runLaunch(services, catalog, batches, notTaken);
}

async function lookUpTitles(services: LaunchContext, catalog: Catalog, ids: string[]): Promise<ReadonlyMap<string, string>> {
  try {
    return await (await services.session()).lookUpTitles(catalog, ids);
  } catch (error) {
    services.log.debug(`Engagement titles not available: ${explainOneLine(error, { catalog })}`);
    return new Map<string, string>();
  }
}

function logFindings(services: LaunchContext, request: IdRequest, found: CollectedIds): void {
  const { log } = services;
  const repeats = found.occurrences - found.ids.length;
  log.info(`Found ${found.ids.length} engagement ID${found.ids.length === 1 ? '' : 's'} in ${request.label}` +
    (repeats > 0 ? ` (${repeats} repeat${repeats === 1 ? '' : 's'} removed)` : '') +
    (found.nearMissCount > 0 ? `, and ${found.nearMissCount} near miss${found.nearMissCount === 1 ? '' : 'es'} not taken` : ''));
  for (const duplicate of found.duplicates) log.debug(`  ${duplicate.id} appears ${duplicate.count} times; it is launched once`);
  for (const miss of found.nearMisses) log.warn(`  not taken: ${describeNearMiss(miss)}`);
  if (found.nearMissCount > found.nearMisses.length) log.warn(`  … and ${found.nearMissCount - found.nearMisses.length} more near misses`);
}

async function reportNothingFound(services: LaunchContext, request: IdRequest, found: CollectedIds): Promise<void> {
  const prompts = services.prompts();
  if (found.nearMissCount === 0) {
    await prompts.show('info', `No engagement IDs found in ${request.label}. An engagement ID is "eng-" followed by 14 lower-case letters or digits, such as eng-0a1b2c3d4e5f6g.`);
    return;
  }
  const examples = found.nearMisses.slice(0, NEAR_MISSES_IN_MESSAGE).map(describeNearMiss).join('; ');
  const more = found.nearMissCount > NEAR_MISSES_IN_MESSAGE ? `; and ${found.nearMissCount - NEAR_MISSES_IN_MESSAGE} more` : '';
  const showLog = 'Show Log';
  const answer = await prompts.show('warning', `No valid engagement IDs in ${request.label}, only ${found.nearMissCount} near miss${found.nearMissCount === 1 ? '' : 'es'}: ${examples}${more}. Nothing was started.`, showLog);
  if (answer === showLog) services.log.show(true);
}

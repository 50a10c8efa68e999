import * as vscode from 'vscode';
import { explainOneLine } from '../../core/errorExplanations';
import { describeNearMiss, type CollectedIds, type TextPiece } from '../../core/collectedIds';
import { renderTaskName } from '../../core/taskNameTemplate';
import { validateTaskName } from '../../core/taskNames';
import type { Catalog } from '../../core/catalog';
import { readLaunchSettings } from '../config';
import type { IdSourceKind } from '../prompts';
import { chooseLaunchCatalog, confirmCatalog } from './chooseCatalog';
import { acceptIdCap } from './idCap';
import { planIntendedLaunch } from '../session/launchIntent';
import { promptIntentQuestions } from './intentQuestions';
import { inSession, type LaunchContext } from './launchContext';
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

  // The checks and the launch read and write the same account, whatever the settings do meanwhile.
  const session = await services.session();
  const intended = await planIntendedLaunch(session, { catalog, ids: chosen, taskName }, promptIntentQuestions(prompts));
  if (!intended) return;
  if (intended.batches.length === 0) {
    await prompts.show('info', `No prospecting task was started: ${describeLeftOut(intended.leftOut.length)} already ${intended.leftOut.length === 1 ? 'has' : 'have'} a prospecting result in ${catalog}.`);
    return;
  }
  const engagements = intended.batches.reduce((total, batch) => total + batch.identifiers.length, 0);
  if (!(await confirmCatalog(prompts, catalog, engagements, intended.batches.length, 'settings', session))) return;
  const notes = [
    found.nearMissCount > 0 ? `${found.nearMissCount} near miss${found.nearMissCount === 1 ? ' was' : 'es were'} not taken (see the log).` : undefined,
    intended.leftOut.length > 0 ? `${intended.leftOut.length} engagement${intended.leftOut.length === 1 ? '' : 's'} with a prospecting result ${intended.leftOut.length === 1 ? 'was' : 'were'} left out.` : undefined,
  ].filter((note) => note !== undefined);
  await runLaunch(inSession(services, session), catalog, intended.batches, notes.length > 0 ? notes.join(' ') : undefined, undefined, { freshTokens: intended.freshTokens });
}

function describeLeftOut(count: number): string {
  return count === 1 ? 'the 1 engagement' : `all ${count} engagements`;
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
  if (found.binaryOrigins?.length) log.warn(`  not read: ${found.binaryOrigins.join(', ')} ${found.binaryOrigins.length === 1 ? 'looks like a binary file' : 'look like binary files'}`);
  for (const duplicate of found.duplicates) log.debug(`  ${duplicate.id} appears ${duplicate.count} times; it is launched once`);
  for (const miss of found.nearMisses) log.warn(`  not taken: ${describeNearMiss(miss)}`);
  if (found.nearMissCount > found.nearMisses.length) log.warn(`  … and ${found.nearMissCount - found.nearMisses.length} more near misses`);
}

/** Files skipped as binary, as VS Code would refuse to open them: said, never dropped silently. */
function describeBinaryFiles(binary: readonly string[], label: string): string {
  const names = binary.join(', ');
  const verb = binary.length === 1 ? 'looks like a binary file' : 'look like binary files';
  const rest = binary.length === 1 && names === label ? '' : ` No engagement IDs found in the rest of ${label}.`;
  return `${names} ${verb}; no engagement IDs were read${binary.length === 1 ? '' : ' from them'}. Choose a text file (CSV, JSON, text) that holds the IDs.${rest}`;
}

async function reportNothingFound(services: LaunchContext, request: IdRequest, found: CollectedIds): Promise<void> {
  const prompts = services.prompts();
  const binary = found.binaryOrigins ?? [];
  if (found.nearMissCount === 0 && binary.length > 0) {
    await prompts.show('warning', describeBinaryFiles(binary, request.label));
    return;
  }
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

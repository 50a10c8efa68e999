import { readLaunchSettings, updateSetting, type Catalog } from '../config';
import type { Prompts } from '../prompts';

/** The catalog to launch in: the setting, or the user's answer when the setting is `ask`. */
export async function chooseLaunchCatalog(prompts: Prompts): Promise<Catalog | undefined> {
  const { catalog } = readLaunchSettings();
  return catalog === 'ask' ? prompts.pickCatalog(undefined, 'Start the prospecting task in which catalog?') : catalog;
}

/**
 * Production needs a yes naming the count, unless the user turned the question off.
 * Returns false when the user declined.
 */
export async function confirmCatalog(prompts: Prompts, catalog: Catalog, engagements: number, tasks: number): Promise<boolean> {
  if (catalog !== 'AWS' || !readLaunchSettings().confirmProductionCatalog) return true;
  const answer = await prompts.confirmProduction(engagements, tasks);
  if (answer === 'startAndStopAsking') await updateSetting('confirmProductionCatalog', false);
  return answer !== undefined;
}

import type { Catalog } from '../../core/catalog';
import { readLaunchSettings, updateUserSetting } from '../config';
import type { Prompts } from '../prompts';
import type { AccountSession } from '../session/accountSession';
import type { ProductionTarget } from './productionQuestion';

/** The catalog to launch in: the setting, or the user's answer when the setting is `ask`. */
export async function chooseLaunchCatalog(prompts: Prompts): Promise<Catalog | undefined> {
  const { catalog } = readLaunchSettings();
  return catalog === 'ask' ? prompts.pickCatalog(undefined, 'Start the prospecting task in which catalog?') : catalog;
}

/** Where the catalog being confirmed came from: the settings (a launch), or the task itself (a retry). */
export type CatalogSource = 'settings' | 'task';

/**
 * Production needs a yes naming the count, unless the user turned the question off in their own settings.
 * When the workspace's settings chose production it is always asked. Returns false when the user declined.
 */
export async function confirmCatalog(
  prompts: Prompts,
  catalog: Catalog,
  engagements: number,
  tasks: number,
  source: CatalogSource,
  session: AccountSession,
): Promise<boolean> {
  if (catalog !== 'AWS') return true;
  const settings = readLaunchSettings();
  const chosenByWorkspace = source === 'settings' && settings.catalog === 'AWS' && settings.catalogFromWorkspace;
  if (!chosenByWorkspace && !settings.confirmProductionCatalog) return true;
  const answer = await prompts.confirmProduction(engagements, tasks, chosenByWorkspace, productionTarget(session));
  if (answer === 'startAndStopAsking' && !chosenByWorkspace) await updateUserSetting('confirmProductionCatalog', false);
  return answer !== undefined;
}

/** The account a launch in `session` goes to, as the production question names it. */
export function productionTarget(session: AccountSession): ProductionTarget {
  return {
    endpoint: session.identity.endpoint,
    ...(session.settings.profile ? { profile: session.settings.profile } : {}),
    ...(session.accountId ? { accountId: session.accountId } : {}),
  };
}

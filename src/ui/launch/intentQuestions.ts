import { describeEarlierTasks, describePendingLaunches, type EarlierResults, type PendingOverlap } from '../../core/launchIntent';
import type { Catalog } from '../../core/catalog';
import type { Prompts } from '../prompts';
import type { IntentQuestions } from '../session/launchIntent';
import { RESEND_LAUNCH, START_NEW_TASK_ANYWAY } from './intentButtons';

export { RESEND_LAUNCH, START_NEW_TASK_ANYWAY };

/** The intent questions, asked through the prompts (modal: Escape cancels the launch). */
export function promptIntentQuestions(prompts: Prompts): IntentQuestions {
  return {
    pending: (overlap, catalog) => prompts.askLostLaunch(pendingQuestion(overlap, catalog)),
    earlier: (results, requested, catalog) => prompts.askEarlierResults(earlierQuestion(results, requested, catalog)),
  };
}

export function pendingQuestion(overlap: PendingOverlap, catalog: Catalog): string {
  const shared = overlap.sharedIds.length;
  const total = shared + overlap.otherIds.length;
  const which = shared === total ? (total === 1 ? 'This engagement is' : `These ${total} engagements are`) : `${shared} of these ${total} engagements ${shared === 1 ? 'is' : 'are'}`;
  const one = overlap.launches.length === 1;
  const others = overlap.otherIds.length > 0 ? `, and starts the other ${overlap.otherIds.length} as a new task` : '';
  return `${which} in ${describePendingLaunches(overlap.launches)} in ${catalog}, whose answer was lost: ${one ? 'its task' : 'their tasks'} may already exist. ` +
    `"${RESEND_LAUNCH}" sends ${one ? 'it' : 'them'} again with the same ClientToken${one ? '' : 's'}, which can never make a second task${others}. ` +
    `"${START_NEW_TASK_ANYWAY}" makes a new task for all ${total}: a second one if the first exists.`;
}

export function earlierQuestion(results: EarlierResults, requested: number, catalog: Catalog): string {
  const count = results.ids.length;
  const which = count === requested ? (requested === 1 ? 'This engagement already has' : `All ${requested} engagements already have`) : `${count} of these ${requested} engagements already ${count === 1 ? 'has' : 'have'}`;
  return `${which} a prospecting result in ${catalog} in this account: ${describeEarlierTasks(results)}. Leave ${count === 1 ? 'it' : 'them'} out?`;
}

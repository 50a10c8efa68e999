import { describeEarlierTasks, describePendingLaunches, type EarlierResults, type PendingOverlap } from '../../core/launchIntent';
import type { Catalog } from '../../core/catalog';
import type { Prompts } from '../prompts';
import type { EarlierAnswer, IntentQuestions, PendingAnswer } from '../session/launchIntent';

export const RESEND_LAUNCH = 'Re-send That Launch';
export const START_NEW_TASK_ANYWAY = 'Start a New Task Anyway';
export const LEAVE_THEM_OUT = 'Leave Them Out';
export const START_ALL_ANYWAY = 'Start All Anyway';

/** The intent questions, asked as notifications with buttons; dismissing one cancels the launch. */
export function promptIntentQuestions(prompts: Prompts): IntentQuestions {
  return {
    pending: async (overlap, catalog): Promise<PendingAnswer | undefined> => {
      const answer = await prompts.show('warning', pendingQuestion(overlap, catalog), RESEND_LAUNCH, START_NEW_TASK_ANYWAY);
      return answer === RESEND_LAUNCH ? 'resend' : answer === START_NEW_TASK_ANYWAY ? 'newTask' : undefined;
    },
    earlier: async (results, requested, catalog): Promise<EarlierAnswer | undefined> => {
      const answer = await prompts.show('warning', earlierQuestion(results, requested, catalog), LEAVE_THEM_OUT, START_ALL_ANYWAY);
      return answer === LEAVE_THEM_OUT ? 'leaveOut' : answer === START_ALL_ANYWAY ? 'startAll' : undefined;
    },
  };
}

export function pendingQuestion(overlap: PendingOverlap, catalog: Catalog): string {
  const shared = overlap.sharedIds.length;
  const total = shared + overlap.otherIds.length;
  const which = shared === total ? (total === 1 ? 'This engagement is' : `These ${total} engagements are`) : `${shared} of these ${total} engagements are`;
  const one = overlap.launches.length === 1;
  const others = overlap.otherIds.length > 0 ? `, and starts the other ${overlap.otherIds.length} as a new task` : '';
  return `${which} in ${describePendingLaunches(overlap.launches)} in ${catalog}, whose answer was lost: ${one ? 'its task' : 'their tasks'} may already exist. ` +
    `"${RESEND_LAUNCH}" sends ${one ? 'it' : 'them'} again with the same ClientToken${one ? '' : 's'}, which can never make a second task${others}. ` +
    `"${START_NEW_TASK_ANYWAY}" makes a new task for all ${total}: a second one if the first exists.`;
}

export function earlierQuestion(results: EarlierResults, requested: number, catalog: Catalog): string {
  const count = results.ids.length;
  const which = count === requested ? (requested === 1 ? 'This engagement already has' : `All ${requested} engagements already have`) : `${count} of these ${requested} engagements already have`;
  return `${which} a prospecting result in ${catalog} in this account: ${describeEarlierTasks(results)}. Leave ${count === 1 ? 'it' : 'them'} out?`;
}

/** The buttons of the intent questions (src/ui/launch/intentQuestions.ts), named in their text. */
export const RESEND_LAUNCH = 'Re-send That Launch';
export const START_NEW_TASK_ANYWAY = 'Start a New Task Anyway';
export const LEAVE_THEM_OUT = 'Leave Them Out';
export const START_ALL_ANYWAY = 'Start All Anyway';

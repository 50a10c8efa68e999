// The ids package.json contributes, named once for the code. This module imports nothing, so views and
// commands can both refer to each other's ids without importing each other.

/** The Prospecting Tasks view. */
export const TASKS_VIEW = 'partnerCentral.tasks';
/** The command VS Code derives from a view's id to reveal and focus that view. */
export const FOCUS_TASKS_VIEW_COMMAND = `${TASKS_VIEW}.focus`;

export const START_TASK_COMMAND = 'partnerCentral.startTask';
export const START_FROM_SELECTION_COMMAND = 'partnerCentral.startFromSelection';
export const START_FROM_FILE_COMMAND = 'partnerCentral.startFromFile';
export const START_FROM_CLIPBOARD_COMMAND = 'partnerCentral.startFromClipboard';
export const SWITCH_CATALOG_COMMAND = 'partnerCentral.switchCatalog';
export const REFRESH_TASKS_COMMAND = 'partnerCentral.refreshTasks';
export const LOAD_MORE_TASKS_COMMAND = 'partnerCentral.loadMoreTasks';
export const FILTER_TASKS_COMMAND = 'partnerCentral.filterTasks';
export const CLEAR_TASK_FILTER_COMMAND = 'partnerCentral.clearTaskFilter';
export const SHOW_TASK_DETAILS_COMMAND = 'partnerCentral.showTaskDetails';
export const RETRY_FAILED_COMMAND = 'partnerCentral.retryFailed';
export const EXPORT_RESULTS_COMMAND = 'partnerCentral.exportResults';
export const COPY_TASK_ID_COMMAND = 'partnerCentral.copyTaskId';
export const COPY_TASK_ARN_COMMAND = 'partnerCentral.copyTaskArn';
export const COPY_ENGAGEMENT_IDS_COMMAND = 'partnerCentral.copyEngagementIds';
export const REVEAL_TASK_COMMAND = 'partnerCentral.revealTask';
export const SHOW_LOG_COMMAND = 'partnerCentral.showLog';
export const RESEND_PENDING_LAUNCH_COMMAND = 'partnerCentral.resendPendingLaunch';
export const DISCARD_PENDING_LAUNCH_COMMAND = 'partnerCentral.discardPendingLaunch';
export const FIX_ALL_NEAR_MISSES_COMMAND = 'partnerCentral.fixAllNearMisses';
export const START_WITH_ENGAGEMENT_COMMAND = 'partnerCentral.startWithEngagement';
export const PROSPECT_DOCUMENT_COMMAND = 'partnerCentral.prospectDocument';
export const USE_LOCAL_EMULATOR_COMMAND = 'partnerCentral.useLocalEmulator';
export const STOP_LOCAL_EMULATOR_COMMAND = 'partnerCentral.stopLocalEmulator';
export const OPEN_SAMPLE_ENGAGEMENTS_COMMAND = 'partnerCentral.openSampleEngagements';
export const OPEN_WALKTHROUGH_COMMAND = 'partnerCentral.openWalkthrough';
export const SELECT_PROFILE_COMMAND = 'partnerCentral.selectProfile';
export const TEST_CONNECTION_COMMAND = 'partnerCentral.testConnection';
export const SHOW_CONNECTION_MENU_COMMAND = 'partnerCentral.showConnectionMenu';

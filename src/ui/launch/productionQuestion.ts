/** The words of the production confirmation (no `vscode` here, so they are unit-tested in plain Node). */
export interface ProductionQuestion {
  readonly message: string;
  readonly detail: string;
  /** "Don't ask again" is offered only when the user's own settings chose production: a workspace's choice always asks. */
  readonly offerStopAsking: boolean;
}

/**
 * `chosenByWorkspace`: the AWS catalog comes from the workspace's settings, which a cloned repository can
 * bring along, so the question says so and is asked whatever the user's own confirmation setting says.
 */
export function productionQuestion(engagements: number, tasks: number, chosenByWorkspace: boolean): ProductionQuestion {
  const engagementCount = `${engagements} engagement${engagements === 1 ? '' : 's'}`;
  const taskCount = tasks === 1 ? '1 task' : `${tasks} tasks`;
  const creates = `This creates ${taskCount} in production. Use the Sandbox catalog to try things out.`;
  if (chosenByWorkspace) {
    return {
      message: `This workspace's settings choose the AWS production catalog. Start prospecting ${engagementCount} in production?`,
      detail: '"partnerCentral.catalog": "AWS" is set in this workspace\'s settings (.vscode/settings.json), not in your user '
        + `settings, so this is asked every time. ${creates}`,
      offerStopAsking: false,
    };
  }
  return {
    message: `Start prospecting ${engagementCount} in the AWS production catalog?`,
    detail: creates,
    offerStopAsking: true,
  };
}

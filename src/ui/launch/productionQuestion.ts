/** The words of the production confirmation (no `vscode` here, so they are unit-tested in plain Node). */
export interface ProductionQuestion {
  readonly message: string;
  readonly detail: string;
  /** "Don't ask again" is offered only when the user's own settings chose production: a workspace's choice always asks. */
  readonly offerStopAsking: boolean;
}

/** Where a production launch goes: said in the question, so a yes is a yes to this account. */
export interface ProductionTarget {
  /** The URL calls are sent to. */
  readonly endpoint: string;
  /** The profile that signs; absent: the SDK's default credential chain. */
  readonly profile?: string;
  /** The partner's 12-digit AWS account ID, when known. */
  readonly accountId?: string;
}

/** The lines naming the endpoint, the profile and the account. */
export function describeProductionTarget(target: ProductionTarget): string {
  const account = target.accountId && /^\d{12}$/.test(target.accountId)
    ? `partner account ${target.accountId}`
    : 'partner account not known yet (the credentials do not name it, and no task of this account has been seen)';
  const profile = target.profile ? `AWS profile ${target.profile}` : "the SDK's default credential chain (no profile chosen)";
  return `Endpoint: ${target.endpoint.replace(/\/$/, '')}\nSigned with: ${profile}\nAccount: ${account}`;
}

/**
 * `chosenByWorkspace`: the AWS catalog comes from the workspace's settings, which a cloned repository can
 * bring along, so the question says so and is asked whatever the user's own confirmation setting says.
 */
export function productionQuestion(engagements: number, tasks: number, chosenByWorkspace: boolean, target: ProductionTarget): ProductionQuestion {
  const where = describeProductionTarget(target);
  const engagementCount = `${engagements} engagement${engagements === 1 ? '' : 's'}`;
  const taskCount = tasks === 1 ? '1 task' : `${tasks} tasks`;
  const creates = `This creates ${taskCount} in production. Use the Sandbox catalog to try things out.`;
  if (chosenByWorkspace) {
    return {
      message: `This workspace's settings choose the AWS production catalog. Start prospecting ${engagementCount} in production?`,
      detail: '"partnerCentral.catalog": "AWS" is set in this workspace\'s settings (.vscode/settings.json), not in your user '
        + `settings, so this is asked every time. ${creates}\n\n${where}`,
      offerStopAsking: false,
    };
  }
  return {
    message: `Start prospecting ${engagementCount} in the AWS production catalog?`,
    detail: `${creates}\n\n${where}`,
    offerStopAsking: true,
  };
}

import { startProspecting } from '../launch/launchFlow';
import type { LaunchContext } from '../launch/launchContext';
import type { IdRequestOrProblem } from '../sources/idRequests';

/** Shared tail of every launch command: say why nothing can be read, or launch. */
export async function startFromRequest(services: LaunchContext, requestOrProblem: IdRequestOrProblem): Promise<void> {
  if ('problem' in requestOrProblem) {
    await services.prompts().show('info', requestOrProblem.problem);
    return;
  }
  await startProspecting(services, requestOrProblem.request);
}

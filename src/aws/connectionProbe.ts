import { ListProspectingFromEngagementTasksCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import type { CatalogProbe } from '../core/connection/connectionReport';

export interface ConnectionProbe {
  accessKeyId?: string;
  credentialsError?: unknown;
  /** scheme://host[:port] the requests were sent to. */
  requestedUrl?: string;
  catalogs: CatalogProbe[];
}

/**
 * The cheapest read in each catalog (ListProspectingFromEngagementTasks, MaxResults 1, no retries) and the
 * credentials that signed it. Never throws: each failure is part of the answer.
 */
export async function probeConnection(client: PartnerCentralSellingClient, catalogs: readonly string[]): Promise<ConnectionProbe> {
  const probe: ConnectionProbe = { catalogs: [] };
  try {
    probe.accessKeyId = (await client.config.credentials()).accessKeyId;
  } catch (error) {
    probe.credentialsError = error;
  }
  for (const catalog of catalogs) {
    const command = new ListProspectingFromEngagementTasksCommand({ Catalog: catalog, MaxResults: 1 });
    command.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { protocol?: string; hostname?: string; port?: number };
        if (request.hostname) probe.requestedUrl = `${request.protocol ?? 'https:'}//${request.hostname}${request.port ? `:${request.port}` : ''}`;
        return next(args);
      },
      { step: 'finalizeRequest', name: 'partnerCentralRecordEndpoint' },
    );
    try {
      const answer = await client.send(command, { abortSignal: AbortSignal.timeout(30_000) });
      const summaries = answer.TaskSummaries ?? [];
      probe.catalogs.push({ catalog, tasks: summaries.length, taskArn: summaries.find((task) => task.TaskArn)?.TaskArn });
    } catch (error) {
      probe.catalogs.push({ catalog, error });
    }
  }
  return probe;
}

/** Whether a call of `client` succeeded or failed, for every call made through it (retries counted once). */
export type CallOutcomeListener = (outcome: { ok: true } | { ok: false; error: unknown }) => void;

const observed = new WeakSet<PartnerCentralSellingClient>();

/** Tells `listener` the outcome of every call made with `client` from now on; once per client. */
export function observeCallOutcomes(client: PartnerCentralSellingClient, listener: CallOutcomeListener): void {
  if (observed.has(client)) return;
  observed.add(client);
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        const result = await next(args);
        listener({ ok: true });
        return result;
      } catch (error) {
        listener({ ok: false, error });
        throw error;
      }
    },
    { step: 'initialize', name: 'partnerCentralCallOutcomes' },
  );
}

import type { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { ConnectionConfigError, isConnectionConfigError } from '../core/connection/connectionConfigError';
import type { ResolvedEndpoint } from '../core/connection/connectionLabel';
import { createPartnerCentralClient, type PartnerCentralClientSettings } from './client';
import type { CallLogger } from './callLogging';
import { resolveEndpoint } from './endpointResolution';

export type OpenedClient =
  | { client: PartnerCentralSellingClient; endpoint: ResolvedEndpoint; problem?: undefined }
  /** The configuration cannot be used: every call of `client` fails with `problem`, nothing is sent. */
  | { client: PartnerCentralSellingClient; endpoint?: undefined; problem: ConnectionConfigError };

/**
 * The client of the connection, sending where resolveEndpoint says and nowhere else: the resolved URL is its
 * endpoint, and for the service default the SDK is told not to look for a configured one (it would read the
 * profile AWS_PROFILE names, which may not be the one that signs).
 */
export async function openPartnerCentralClient(settings: PartnerCentralClientSettings, logger?: CallLogger): Promise<OpenedClient> {
  let endpoint: ResolvedEndpoint;
  try {
    endpoint = await resolveEndpoint(settings);
  } catch (error) {
    const problem = isConnectionConfigError(error)
      ? error
      : new ConnectionConfigError('The AWS configuration', undefined, `it could not be read (${error instanceof Error ? error.message : String(error)})`, 'Check the shared config and credentials files and the AWS_* environment variables.');
    return { client: createPartnerCentralClient({ ...settings, endpoint: undefined, ignoreConfiguredEndpoints: true, refusal: problem }, logger), problem };
  }
  return { client: createPartnerCentralClient({ ...settings, endpoint: endpoint.url, ignoreConfiguredEndpoints: true }, logger), endpoint };
}

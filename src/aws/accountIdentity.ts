import { createHash } from 'node:crypto';
import { ListProspectingFromEngagementTasksCommand, type PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { getEndpointFromInstructions } from '@smithy/core/endpoints';
import { describeExternalError } from '../core/redaction/externalText';
import { sessionSecrets } from '../core/redaction/sessionSecrets';

/**
 * Who signs a client's requests and where they go, as the SDK resolves them. Everything kept per account
 * (task history, pending launches) is kept under `key`, so what was made against one endpoint or with one key
 * pair is never read, or re-sent, under another.
 */
export interface AccountIdentity {
  /** `<endpoint> <principal>`, or `<endpoint> unresolved`: the key of the account's stored state. */
  readonly key: string;
  /** The endpoint URL the SDK sends to (setting, AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, AWS_ENDPOINT_URL, endpoint_url, or AWS). */
  readonly endpoint: string;
  /**
   * `account-<id>` when the credentials name their account, else `key-<first 16 hex of sha256(access key ID)>`;
   * never the key itself, never the secret.
   */
  readonly principal?: string;
  /** The partner's AWS account ID, when the credentials name it (a TaskArn reveals it later otherwise). */
  readonly accountId?: string;
  /** false: the credentials (or the endpoint) could not be resolved; `problem` says why. */
  readonly resolved: boolean;
  /** Why it is unresolved, for messages and the log: redacted; a failed credential_process as a fixed sentence. */
  readonly problem?: string;
  /** The outside error behind `problem`, redacted, for the trace level only. */
  readonly problemTraceDetail?: string;
}

const HASHED_KEY_LENGTH = 16;

/**
 * Resolves the identity of `client` the way its own requests will: the SDK's endpoint resolution (custom
 * endpoint, then the configured-endpoint environment variables and shared config, then the service's rules)
 * and its credential provider. Never throws: a failure gives an unresolved identity that says why.
 */
export async function resolveAccountIdentity(client: PartnerCentralSellingClient): Promise<AccountIdentity> {
  let endpoint: string;
  try {
    endpoint = await resolveEndpoint(client);
  } catch (error) {
    const { summary, traceDetail } = describeExternalError(error, profileOf(client));
    return { key: 'unknown-endpoint unresolved', endpoint: 'unknown endpoint', resolved: false, problem: `the Partner Central endpoint could not be resolved: ${summary}`, problemTraceDetail: traceDetail };
  }
  try {
    const credentials = await client.config.credentials();
    // From now on these exact strings are removed from every log line and message, wherever they appear.
    sessionSecrets.register(credentials.secretAccessKey, credentials.sessionToken);
    const accountId = credentials.accountId && /^\d{12}$/.test(credentials.accountId) ? credentials.accountId : undefined;
    const principal = accountId ? `account-${accountId}` : `key-${hashAccessKeyId(credentials.accessKeyId)}`;
    return { key: `${endpoint} ${principal}`, endpoint, principal, ...(accountId ? { accountId } : {}), resolved: true };
  } catch (error) {
    const { summary, traceDetail } = describeExternalError(error, profileOf(client));
    return { key: `${endpoint} unresolved`, endpoint, resolved: false, problem: `no AWS credentials could be loaded: ${summary}`, problemTraceDetail: traceDetail };
  }
}

/** The endpoint a ListProspectingFromEngagementTasks call of `client` would be sent to, as a URL. */
async function resolveEndpoint(client: PartnerCentralSellingClient): Promise<string> {
  // A copy, as the endpoint middleware passes one: resolution writes the configured endpoint into the config it gets.
  const endpoint = await getEndpointFromInstructions({ Catalog: 'Sandbox' }, ListProspectingFromEngagementTasksCommand, { ...client.config });
  return endpoint.url.href;
}

function hashAccessKeyId(accessKeyId: string): string {
  return createHash('sha256').update(accessKeyId).digest('hex').slice(0, HASHED_KEY_LENGTH);
}

/** The profile a client of createPartnerCentralClient signs with (it knows it), for messages. */
function profileOf(client: PartnerCentralSellingClient): string | undefined {
  const profile = (client as { profileName?: unknown }).profileName;
  return typeof profile === 'string' ? profile : undefined;
}

import { explainError, explainOneLine, formatExplanation } from '../errorExplanations';
import { maskAccessKeyId } from './accessKeyMask';
import { describeEndpoint, describeSigner, type ResolvedEndpoint } from './connectionLabel';
import { accountIdFromArn } from './partnerAccount';
import { profileKindLabel, type ProfileKind } from './profileKinds';

/** One catalog's answer to the cheap read (ListProspectingFromEngagementTasks, MaxResults 1). */
export interface CatalogProbe {
  catalog: string;
  /** Set when the call failed. */
  error?: unknown;
  /** Tasks in the answer's one page (0 or 1). */
  tasks?: number;
  /** A task's ARN, which names the partner account. */
  taskArn?: string;
}

export interface ConnectionTestResult {
  profile?: string;
  profileKind?: ProfileKind;
  region: string;
  endpoint: ResolvedEndpoint;
  /** Where the requests actually went (scheme, host, port), seen on the wire. */
  requestedUrl?: string;
  /** Unmasked here; only its mask ever leaves the report builder. */
  accessKeyId?: string;
  credentialsError?: unknown;
  catalogs: readonly CatalogProbe[];
}

export interface ConnectionReport {
  ok: boolean;
  /** One line for the notification. */
  summary: string;
  /** The full report, for the log. */
  lines: string[];
  accountId?: string;
}

/** The Test Connection report: what signs, where calls go, and each catalog's answer with its explanation. */
export function buildConnectionReport(result: ConnectionTestResult): ConnectionReport {
  const accountId = result.catalogs.map((probe) => accountIdFromArn(probe.taskArn)).find((id) => id !== undefined);
  const signer = result.profile
    ? `profile ${result.profile}${result.profileKind ? ` (${profileKindLabel(result.profileKind)})` : ''}`
    : "the SDK's default credential chain (environment, AWS_PROFILE, shared files, SSO, container/instance roles)";
  const lines = [
    'Partner Central connection test',
    `  Credentials: ${signer}`,
    `  Access key ID: ${result.accessKeyId ? maskAccessKeyId(result.accessKeyId) : result.credentialsError ? 'none (credentials failed)' : 'unknown'}`,
    `  Region: ${result.region}`,
    `  Endpoint: ${describeEndpoint(result.endpoint, result.region)}`,
    ...(result.requestedUrl && result.requestedUrl !== result.endpoint.url ? [`  Requests went to: ${result.requestedUrl}`] : []),
    `  Partner account: ${accountId ?? 'not known (no task in the answers names it)'}`,
  ];
  if (result.credentialsError !== undefined) {
    lines.push(`  Credentials failed: ${explainOneLine(result.credentialsError)}`);
  }
  const verdicts: string[] = [];
  for (const probe of result.catalogs) {
    if (probe.error === undefined) {
      const tasks = probe.tasks === undefined ? '' : `, ${probe.tasks === 0 ? 'no tasks yet' : 'tasks listed'}`;
      lines.push(`  ${probe.catalog}: OK (ListProspectingFromEngagementTasks answered${tasks})`);
      verdicts.push(`${probe.catalog} ✓`);
    } else {
      const explanation = explainError(probe.error, { catalog: probe.catalog });
      lines.push(`  ${probe.catalog}: FAILED — ${formatExplanation(explanation)}`);
      for (const fix of explanation.fixes) lines.push(`    - ${fix}`);
      verdicts.push(`${probe.catalog} ✗ ${explanation.title}`);
    }
  }
  const ok = result.catalogs.length > 0 && result.catalogs.every((probe) => probe.error === undefined);
  const account = accountId ? `, account ${accountId}` : '';
  const summary = `${ok ? 'Connection works' : 'Connection test failed'} (${describeSigner(result.profile)}${account}): ${verdicts.join('; ')}`;
  return { ok, summary, lines, accountId };
}

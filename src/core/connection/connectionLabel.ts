/** Where the endpoint Partner Central calls go to came from, in the SDK's order of precedence. */
export type EndpointSource =
  | 'setting'
  | 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING'
  | 'AWS_ENDPOINT_URL'
  | 'profile'
  | 'default'
  /** The configuration cannot be used (a shared file the SDK would misread, an endpoint that cannot be applied): nothing is sent. */
  | 'unusable';

export interface ResolvedEndpoint {
  /** Absent: the service's own endpoint for the region. */
  url?: string;
  source: EndpointSource;
}

export type ConnectionHealthState =
  | { status: 'unknown' }
  | { status: 'ok' }
  | { status: 'failed'; reason: string; signInProfile?: string };

export interface ConnectionDescription {
  profile?: string;
  region: string;
  endpoint: ResolvedEndpoint;
  catalog: string;
  health: ConnectionHealthState;
}

/**
 * The endpoint the setting or the environment decide, as the SDK does: the setting; nothing configured when
 * AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or, when that is unset, the profile's ignore_configured_endpoint_urls)
 * is true; then AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, then AWS_ENDPOINT_URL. Undefined: the profile's
 * endpoint_url decides, or the service default.
 */
export function endpointFromSettingOrEnvironment(
  setting: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  profileIgnoresConfigured?: string,
): ResolvedEndpoint | undefined {
  if (setting) return { url: setting, source: 'setting' };
  if ((env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profileIgnoresConfigured)?.toLowerCase() === 'true') return { source: 'default' };
  if (env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING) return { url: env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, source: 'AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING' };
  if (env.AWS_ENDPOINT_URL) return { url: env.AWS_ENDPOINT_URL, source: 'AWS_ENDPOINT_URL' };
  return undefined;
}

const SOURCE_TEXT: Record<EndpointSource, string> = {
  setting: 'the partnerCentral.endpoint setting',
  AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING: 'the AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING environment variable',
  AWS_ENDPOINT_URL: 'the AWS_ENDPOINT_URL environment variable',
  profile: "the profile's endpoint_url",
  default: 'the service default',
  unusable: 'nowhere',
};

/** Whether `url` points at this machine: the local emulator, not AWS. */
export function isLocalEndpoint(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

export function describeEndpoint(endpoint: ResolvedEndpoint, region: string): string {
  if (endpoint.source === 'unusable') return 'none: the AWS configuration cannot be used, so nothing is sent';
  const url = endpoint.url ?? `https://partnercentral-selling.${region}.api.aws (the service default)`;
  return endpoint.source === 'default' ? url : `${url} (from ${SOURCE_TEXT[endpoint.source]})`;
}

/** Who signs: the profile, or the SDK's default chain. */
export function describeSigner(profile: string | undefined): string {
  return profile ?? 'default chain';
}

/** The status item's text, `partner-prod · Sandbox`, and its tooltip lines. */
export function describeConnection(connection: ConnectionDescription): { text: string; tooltip: string[] } {
  const local = isLocalEndpoint(connection.endpoint.url);
  const who = local ? 'Local emulator' : describeSigner(connection.profile);
  const text = `${who} · ${connection.catalog}`;
  const tooltip = [
    `Partner Central: ${local ? 'the local emulator (no AWS account)' : connection.profile ? `AWS profile ${connection.profile}` : "the SDK's default credential chain"}`,
    ...(local && connection.profile ? [`Signing with profile ${connection.profile}`] : []),
    `Catalog: ${connection.catalog}`,
    `Endpoint: ${describeEndpoint(connection.endpoint, connection.region)}`,
  ];
  if (connection.health.status === 'failed') {
    const what = connection.endpoint.source === 'unusable' ? 'The AWS configuration cannot be used' : 'Credentials failed';
    tooltip.push('', `${what}: ${connection.health.reason}`);
  }
  if (connection.health.status === 'ok') tooltip.push('', 'Credentials: working');
  tooltip.push('', 'Click for the connection menu');
  return { text, tooltip };
}

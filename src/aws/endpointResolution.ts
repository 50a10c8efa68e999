import { loadSharedConfigFiles } from '@smithy/core/config';
import { endpointFromSettingOrEnvironment, type ResolvedEndpoint } from '../core/connection/connectionLabel';

const SERVICE_CONFIG_KEY = 'partnercentral_selling';

/**
 * Where Partner Central calls go, in the order the SDK decides (@smithy/core endpoints:
 * resolveEndpointConfig, getEndpointFromConfig, getEndpointUrlConfig): the client's `endpoint` (the setting),
 * unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls says otherwise the environment
 * (AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, then AWS_ENDPOINT_URL), then the profile's `services` section and
 * `endpoint_url`, then the service default.
 *
 * One difference on purpose: the SDK reads endpoint_url from the profile AWS_PROFILE names (or `default`),
 * whatever profile the client signs with; here it is the profile that signs. Passing `url` as the client's
 * endpoint makes the SDK follow it.
 */
export async function resolveEndpoint(settings: { endpoint?: string; profile?: string }): Promise<ResolvedEndpoint> {
  if (settings.endpoint) return { url: settings.endpoint, source: 'setting' };
  const profileName = settings.profile || process.env.AWS_PROFILE || 'default';
  const { configFile, credentialsFile } = await loadSharedConfigFiles();
  const profile: Record<string, string | undefined> = { ...credentialsFile[profileName], ...configFile[profileName] };
  const decided = endpointFromSettingOrEnvironment(undefined, process.env, profile.ignore_configured_endpoint_urls);
  if (decided) return decided;
  const services = profile.services ? configFile[`services.${profile.services}`] : undefined;
  const fromProfile = services?.[`${SERVICE_CONFIG_KEY}.endpoint_url`] ?? profile.endpoint_url;
  return fromProfile ? { url: fromProfile, source: 'profile' } : { source: 'default' };
}

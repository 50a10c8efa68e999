import { ConnectionConfigError } from '../core/connection/connectionConfigError';
import { endpointFromSettingOrEnvironment, type ResolvedEndpoint } from '../core/connection/connectionLabel';
import type { SharedFileEntry } from '../core/connection/sharedFileSyntax';
import { readSharedConfig, type SharedConfig } from './sharedConfig';

const SERVICE_CONFIG_KEY = 'partnercentral_selling';
const ENDPOINT_EXAMPLE = 'Write a full URL such as http://127.0.0.1:4566 or https://partnercentral-selling.us-east-1.api.aws';

export interface EndpointSettings {
  endpoint?: string;
  profile?: string;
  /** A static key pair (the local emulator's): with the endpoint setting, the shared files play no part. */
  credentials?: unknown;
}

/**
 * Where Partner Central calls go: the one answer both the client (see openPartnerCentralClient, which passes
 * it to the SDK and stops the SDK from looking again) and every display use. The SDK's order: the setting;
 * unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS / ignore_configured_endpoint_urls says otherwise the environment
 * (AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING, then AWS_ENDPOINT_URL), then the profile's `services` section and
 * `endpoint_url`; then the service default.
 *
 * One difference on purpose: the SDK reads endpoint_url from the profile AWS_PROFILE names (or `default`),
 * whatever profile the client signs with; here it is the profile that signs.
 *
 * Fails closed: a shared file the SDK would misread, or an endpoint that cannot be applied (a `services` name
 * with no section, a value that is no URL), throws a ConnectionConfigError instead of falling back to the
 * service default, which is production.
 */
export async function resolveEndpoint(settings: EndpointSettings): Promise<ResolvedEndpoint> {
  const setting = nonEmpty(settings.endpoint);
  if (setting) checkUrl(setting, 'The partnerCentral.endpoint setting', undefined);
  if (setting && settings.credentials) return { url: setting, source: 'setting' };
  const files = await readSharedConfig();
  if (setting) return { url: setting, source: 'setting' };
  const profile = profileEntries(files, nonEmpty(settings.profile) ?? nonEmpty(process.env.AWS_PROFILE) ?? 'default');
  const ignoring = profile.get('ignore_configured_endpoint_urls');
  if (ignoring) checkBoolean(ignoring.value, ignoring.file, ignoring.line, 'ignore_configured_endpoint_urls');
  const variable = nonEmpty(process.env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS);
  if (variable !== undefined) checkBoolean(variable, 'The AWS_IGNORE_CONFIGURED_ENDPOINT_URLS environment variable', undefined, 'it');
  const env = { ...process.env, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: variable };
  const decided = endpointFromSettingOrEnvironment(undefined, env, ignoring?.value);
  if (decided) {
    if (decided.url) checkUrl(decided.url, `The ${decided.source} environment variable`, undefined);
    return decided;
  }
  const services = profile.get('services');
  if (services) {
    const section = files.config.get(`services.${services.value}`);
    if (!section) {
      throw new ConnectionConfigError(services.file, services.line, `the profile names "services = ${services.value}", but ${files.paths.config} has no [services ${services.value}] section`,
        `Add that section (with "${SERVICE_CONFIG_KEY} =" and an indented "endpoint_url = …" under it), or correct or remove the services line.`);
    }
    const fromServices = section.entries.get(`${SERVICE_CONFIG_KEY}.endpoint_url`);
    if (fromServices) return { url: checkUrl(fromServices.value, files.paths.config, fromServices.line), source: 'profile' };
  }
  const endpointUrl = profile.get('endpoint_url');
  if (endpointUrl) return { url: checkUrl(endpointUrl.value, endpointUrl.file, endpointUrl.line), source: 'profile' };
  return { source: 'default' };
}

type LocatedEntry = SharedFileEntry & { file: string };

/** The profile's settings from both files, each with where it is written; the config file's win, as before. */
function profileEntries(files: SharedConfig, name: string): Map<string, LocatedEntry> {
  const entries = new Map<string, LocatedEntry>();
  for (const [sections, file] of [[files.credentials, files.paths.credentials], [files.config, files.paths.config]] as const) {
    for (const [key, entry] of sections.get(name)?.entries ?? []) entries.set(key, { ...entry, file });
  }
  return entries;
}

function checkUrl(value: string, where: string, line: number | undefined): string {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || url.hostname === '') {
    // A user name and password in the URL are not repeated into messages and logs.
    const shown = value.replace(/\/\/[^/@]*@/, '//…@');
    throw new ConnectionConfigError(where, line, `the endpoint "${shown}" is not a full http or https URL`, `${ENDPOINT_EXAMPLE}, or remove it.`);
  }
  return value;
}

function checkBoolean(value: string, where: string, line: number | undefined, name: string): void {
  if (!/^(true|false)$/i.test(value)) throw new ConnectionConfigError(where, line, `${name} is "${value}", neither true nor false`, 'Set it to true or false, or remove it.');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

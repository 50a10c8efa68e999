import type { ErrorExplanation } from './errorExplanation';
import { triedSummary } from './explanationText';
import { classifyAttemptFailure, isConnectTimeout } from './requestReach';
import type { SdkErrorView } from './sdkErrorView';
import { settingId } from './settingNames';

/** Explanations of calls that did not get a usable answer: cancelled, timed out, misconfigured, unreachable, unreadable. */

const LOST_ANSWER_FIX = 'If a task was being started, it may exist already: refresh the task list, or re-send it (Re-send uses its ClientToken again, so no second task is created; a new Start of the same engagements offers the re-send too).';

/** The setting that overrides the endpoint, named in network-error advice. */
const ENDPOINT_SETTING = settingId('endpoint');

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'ETIMEDOUT', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);

const NETWORK_NAMES = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'NetworkingError']);

export function explainCancelled(): ErrorExplanation {
  return {
    kind: 'cancelled',
    title: 'Cancelled',
    detail: 'The call was cancelled before Partner Central answered.',
    fixes: [LOST_ANSWER_FIX],
    retryable: true,
  };
}
export function explainTimeout(view: SdkErrorView): ErrorExplanation {
  const limitMs = view.timeoutMs ?? timeoutFromMessage(view.causeMessage ?? view.message);
  const within = limitMs === undefined ? 'in time' : `within ${formatSeconds(limitMs)}`;
  return {
    kind: 'timeout',
    title: `Partner Central did not answer ${within}`,
    detail: `${triedSummary(view)} The connection was made but no answer came back ${within}.`.trim(),
    fixes: [
      'Check the network: a proxy, VPN or firewall that holds connections open without answering causes this.',
      `If \`${ENDPOINT_SETTING}\` (or AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING / AWS_ENDPOINT_URL) is set, check that it points at Partner Central; leave it empty to use the real service.`,
      LOST_ANSWER_FIX,
    ],
    retryable: true,
  };
}
export function explainConfig(view: SdkErrorView): ErrorExplanation {
  if (view.name === 'ConnectionConfigError') {
    return {
      kind: 'config',
      title: 'The AWS configuration cannot be used',
      detail: view.message,
      fixes: ['Correct what the message names and save; the connection is read again by itself. Nothing is sent until then, so no call can go to production by mistake.'],
      retryable: false,
    };
  }
  const region = /^Region not accepted/i.test(view.message) || /valid hostname component/i.test(view.message);
  return {
    kind: 'config',
    title: region ? 'The region is not valid' : 'The endpoint URL is not valid',
    detail: region ? view.message : `${view.message || view.name}. Nothing was sent.`,
    fixes: region
      ? [`Set \`${settingId('region')}\` to us-east-1 (the only region Partner Central serves), or leave it empty.`]
      : [`Correct \`${ENDPOINT_SETTING}\` (or AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING / AWS_ENDPOINT_URL / the profile's endpoint_url) to a full URL such as https://partnercentral-selling.us-east-1.api.aws, or leave it empty.`],
    retryable: false,
  };
}
export function explainNetwork(view: SdkErrorView): ErrorExplanation {
  const endpointFix = `If \`${ENDPOINT_SETTING}\` (or AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING / AWS_ENDPOINT_URL) is set, check it; leave it empty to use the real service.`;
  if (classifyAttemptFailure(view) === 'unanswered') {
    return {
      kind: 'network',
      title: 'The connection to Partner Central was lost before its answer',
      detail: `${triedSummary(view)} ${view.code ? `${view.code}: ` : ''}${view.message || view.name}`.trim(),
      fixes: ['Check the network connection and any proxy, then try again.', endpointFix, LOST_ANSWER_FIX],
      retryable: true,
    };
  }
  const connectLimitMs = isConnectTimeout(view) ? timeoutFromMessage(view.causeMessage ?? view.message) : undefined;
  const reason = isConnectTimeout(view)
    ? `No connection could be opened${connectLimitMs === undefined ? '' : ` within ${formatSeconds(connectLimitMs)}`}.`
    : view.code ? `${view.code}: ${view.message}` : view.message || view.name;
  return {
    kind: 'network',
    title: "Partner Central's endpoint isn't reachable",
    detail: `${triedSummary(view)} ${reason} Nothing was sent.`.trim(),
    fixes: ['Check the network connection and any proxy.', endpointFix],
    retryable: true,
  };
}
export function explainUnreadable(view: SdkErrorView): ErrorExplanation {
  return {
    kind: 'serverError',
    title: "Partner Central's answer could not be read",
    detail: `${view.httpStatusCode ? `HTTP ${view.httpStatusCode}: ` : ''}${view.message.split('\n')[0] || view.name}`,
    fixes: ['Try again later; if it persists, check that the endpoint is Partner Central (not a proxy or captive portal page).', LOST_ANSWER_FIX],
    retryable: true,
  };
}
export function isCancelled(view: SdkErrorView): boolean {
  return view.name === 'AbortError' && view.causeName !== 'CallTimeoutError';
}
/** An attempt's requestTimeout (smithy: TimeoutError, ETIMEDOUT) or the call's deadline; not a connect timeout. */
export function isTimeout(view: SdkErrorView): boolean {
  if (view.name === 'CallTimeoutError' || view.causeName === 'CallTimeoutError') return true;
  if (isConnectTimeout(view)) return false;
  return /requestTimeout/.test(view.message) || (view.name === 'TimeoutError' && view.code === 'ETIMEDOUT') || view.name === 'RequestTimeout' || view.name === 'RequestTimeoutException';
}
/** A 2xx the SDK could not parse, or an answer without what every answer has. */
export function isUnreadable(view: SdkErrorView): boolean {
  const success = view.httpStatusCode !== undefined && view.httpStatusCode >= 200 && view.httpStatusCode < 300;
  return view.name === 'MalformedResponse' || (success && (view.name === 'SyntaxError' || /Deserialization error/i.test(view.message)));
}
export function isConfigError(view: SdkErrorView): boolean {
  return view.name === 'ConnectionConfigError' || view.code === 'ERR_INVALID_URL' || /^Region not accepted/i.test(view.message) || /is not a valid hostname component/i.test(view.message);
}
function timeoutFromMessage(message: string): number | undefined {
  const match = /(\d+) ?ms\b/.exec(message);
  return match ? Number(match[1]) : undefined;
}
function formatSeconds(ms: number): string {
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}
export function isNetworkError(view: SdkErrorView): boolean {
  return (view.code !== undefined && NETWORK_CODES.has(view.code)) || NETWORK_NAMES.has(view.name) || /socket hang up/i.test(view.message);
}

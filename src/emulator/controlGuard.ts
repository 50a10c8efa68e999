import { type IncomingHttpHeaders } from 'node:http';

export interface ControlRequestHead {
  method: string;
  headers: IncomingHttpHeaders;
  /** The port the connection arrived on: the emulator's own. */
  localPort: number;
}

const LOOPBACK_HOSTS = ['127.0.0.1', 'localhost', '[::1]'];
const READ_ONLY_METHODS = new Set(['GET', 'HEAD']);

/**
 * Why the control API refuses a request, or undefined when it may answer it.
 *
 * The control API is unsigned, so a web page open in a browser on the same machine must not reach it:
 * a foreign `Host` means DNS rebinding, a foreign `Origin` a cross-site request, and a state-changing
 * request that is not `application/json` is one a page can send without a CORS preflight.
 */
export function refuseControlRequest({ method, headers, localPort }: ControlRequestHead): string | undefined {
  const foreign = refuseForeignHost(headers, localPort);
  if (foreign) return foreign;
  const host = single(headers.host)?.toLowerCase();
  const origin = single(headers.origin);
  if (origin !== undefined && origin.toLowerCase() !== `http://${host}`) {
    return `Requests from another origin are refused (Origin ${origin}); call the control API from a local program, not a web page`;
  }
  if (!READ_ONLY_METHODS.has(method.toUpperCase())) {
    const contentType = (single(headers['content-type']) ?? '').split(';')[0].trim().toLowerCase();
    if (contentType !== 'application/json') {
      return `${method} needs Content-Type: application/json; got ${contentType || '(none)'}`;
    }
  }
  return undefined;
}

/**
 * Why a request whose `Host` is not the emulator's own loopback address is refused (DNS rebinding: a web page
 * whose name now resolves to 127.0.0.1), or undefined. The signed API needs it too: its default key pair is
 * published, so a signature proves nothing about who sends.
 */
export function refuseForeignHost(headers: IncomingHttpHeaders, localPort: number): string | undefined {
  const host = single(headers.host)?.toLowerCase();
  const ownHosts = LOOPBACK_HOSTS.flatMap((name) => (localPort === 80 ? [`${name}:80`, name] : [`${name}:${localPort}`]));
  if (host && ownHosts.includes(host)) return undefined;
  return `Host must be the emulator's own loopback address (${ownHosts[0]}, localhost or [::1] with port ${localPort}); got ${host ?? '(none)'}`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

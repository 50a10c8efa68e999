import { randomUUID } from 'node:crypto';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import { authenticate } from './auth';
import { MAX_BODY_BYTES, readBody } from './body';
import { CONTROL_PREFIX, handleControl } from './control';
import { refuseForeignHost } from './controlGuard';
import { type PendingFault } from './faults';
import { type OperationName } from './model';
import { ROUTES, operationFromTarget } from './router';
import { type EmulatorState } from './state';
import { type Input } from './validation';
import { JSON_CONTENT_TYPE, ServiceError, errors, sendError, sendJson } from './wire';

export interface EmulatorServer {
  server: Server;
  /** Cancels pending injected delays, so close() does not wait for them. */
  abortPending(): void;
}

export function createEmulatorServer(state: EmulatorState): EmulatorServer {
  const closing = new AbortController();
  const server = createServer((req, res) => {
    res.setHeader('x-amzn-requestid', randomUUID());
    handle(state, req, res, closing.signal).catch((error: unknown) => {
      if (res.headersSent || res.destroyed) return;
      sendError(res, error instanceof ServiceError ? error : errors.internal(`Emulator error: ${String(error)}`));
    });
  });
  return { server, abortPending: () => closing.abort() };
}

async function handle(state: EmulatorState, req: IncomingMessage, res: ServerResponse, closing: AbortSignal): Promise<void> {
  const { body, tooLarge } = await readBody(req);
  const path = (req.url ?? '/').split('?')[0];
  if (path.startsWith(CONTROL_PREFIX)) {
    const control = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, localPort: req.socket.localPort ?? 0, body, tooLarge };
    handleControl(state, control, res);
    return;
  }
  const foreignHost = refuseForeignHost(req.headers, req.socket.localPort ?? 0);
  if (foreignHost) throw new ServiceError('AccessDeniedException', 403, foreignHost);
  if (tooLarge) throw errors.tooLarge(MAX_BODY_BYTES);
  if (req.method !== 'POST') throw errors.unknownOperation(`${req.method ?? ''} ${path}`);

  const { accessKeyId } = await authenticate(
    { method: req.method, url: req.url ?? '/', headers: req.headers, body },
    state.config.credentials,
    Date.now(),
  );

  const target = header(req, 'x-amz-target') ?? '';
  const operation = operationFromTarget(target);
  if (!operation) throw errors.unknownOperation(target);
  state.countRequest(operation);

  const contentType = (header(req, 'content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== JSON_CONTENT_TYPE) throw errors.unsupportedMediaType(contentType || '(none)');
  const input = parseInput(body);

  const fault = state.faults.take(operation);
  await applyFaultBefore(fault, closing);

  if (state.config.throttle && !state.quotas.take(accessKeyId, ROUTES[operation].quota)) throw errors.throttling();

  const output = runOperation(state, operation, input);
  if (fault?.fault === 'drop') {
    // A lost response: the operation took effect, the client never hears about it.
    req.socket.destroy();
    return;
  }
  if (fault?.fault === 'malformed') {
    const json = JSON.stringify(output);
    res.writeHead(200, { 'content-type': JSON_CONTENT_TYPE });
    res.end(json.slice(0, Math.max(1, Math.floor(json.length / 2))));
    return;
  }
  sendJson(res, 200, output);
}

function runOperation(state: EmulatorState, operation: OperationName, input: Input): Record<string, unknown> {
  return ROUTES[operation].handler({ state, nowMs: state.config.now() }, input);
}

async function applyFaultBefore(fault: PendingFault | undefined, closing: AbortSignal): Promise<void> {
  switch (fault?.fault) {
    case 'throttle':
      throw errors.throttling();
    case 'internal':
      throw errors.internal();
    case 'accessDenied':
      throw errors.accessDenied();
    case 'delay':
      await delay(fault.delayMs, closing);
      return;
    default:
      return;
  }
}

function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(new Error('emulator closing'));
      return;
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new Error('emulator closing'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function parseInput(body: Buffer): Input {
  if (body.length === 0) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw errors.serialization(`Request body is not valid JSON: ${(error as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw errors.serialization('Request body must be a JSON object');
  }
  return parsed as Input;
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

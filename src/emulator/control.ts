import { type ServerResponse } from 'node:http';
import { type ControlRequestHead, refuseControlRequest } from './controlGuard';
import { opportunityFailure } from './data/opportunityOutcome';
import { parseFaultSpec } from './faults';
import { isCatalog } from './model';
import { type EmulatorState } from './state';

/** Test-only control API: plain JSON on loopback, not AWS-signed (so only local programs may call it: see controlGuard). */
export const CONTROL_PREFIX = '/__emulator/';

export interface EngagementListing {
  catalog: string;
  engagements: {
    id: string;
    title: string;
    /** Prospecting it always fails, with this reasonCode. */
    failing: boolean;
    reasonCode?: string;
    /** Creating an opportunity from it always fails, with this opportunityReasonCode. */
    opportunityFailing: boolean;
    opportunityReasonCode?: string;
  }[];
}

export interface ControlRequest extends ControlRequestHead {
  url: string;
  body: Buffer;
  tooLarge: boolean;
}

export function handleControl(state: EmulatorState, request: ControlRequest, res: ServerResponse): void {
  const { method, url, body, tooLarge } = request;
  const refused = refuseControlRequest(request);
  if (refused) return reply(res, 403, { error: refused });
  const parsed = new URL(url, 'http://127.0.0.1');
  const route = `${method} ${parsed.pathname.replace(/\/+$/, '')}`;
  switch (route) {
    case 'GET /__emulator/health':
      return reply(res, 200, { ok: true });
    case 'GET /__emulator/counts':
      return reply(res, 200, { ...state.tasks.counts(), ...state.opportunityTasks.counts(), requestsPerOperation: state.requestsPerOperation() });
    case 'POST /__emulator/reset':
      state.reset();
      return reply(res, 200, { reset: true });
    case 'GET /__emulator/faults':
      return reply(res, 200, { pending: state.faults.list() });
    case 'DELETE /__emulator/faults':
      state.faults.clear();
      return reply(res, 200, { pending: [] });
    case 'POST /__emulator/faults':
      return injectFault(state, body, tooLarge, res);
    case 'GET /__emulator/engagements':
      return listEngagementIds(state, parsed.searchParams, res);
    default:
      return reply(res, 404, { error: `No control endpoint ${route}` });
  }
}

function injectFault(state: EmulatorState, body: Buffer, tooLarge: boolean, res: ServerResponse): void {
  if (tooLarge) return reply(res, 400, { error: 'body too large' });
  let json: unknown;
  try {
    json = JSON.parse(body.toString('utf8'));
  } catch {
    return reply(res, 400, { error: 'body must be JSON' });
  }
  const spec = parseFaultSpec(json);
  if (typeof spec === 'string') return reply(res, 400, { error: spec });
  state.faults.add(spec);
  return reply(res, 200, { pending: state.faults.list() });
}

function listEngagementIds(state: EmulatorState, params: URLSearchParams, res: ServerResponse): void {
  const catalog = params.get('catalog') ?? 'Sandbox';
  if (!isCatalog(catalog)) return reply(res, 400, { error: 'catalog must be AWS or Sandbox' });
  const limit = Number(params.get('limit') ?? '20');
  if (!Number.isInteger(limit) || limit < 1) return reply(res, 400, { error: 'limit must be a positive integer' });
  const failing = params.get('failing');
  if (failing !== null && failing !== 'true' && failing !== 'false') return reply(res, 400, { error: 'failing must be true or false' });

  const listing: EngagementListing = {
    catalog,
    engagements: state.catalogs[catalog].all
      .filter((engagement) => failing === null || (failing === 'true') === (engagement.failure !== undefined))
      .slice(0, limit)
      .map((engagement) => {
        const opportunity = opportunityFailure(state.config.seed, engagement);
        return {
          id: engagement.id,
          title: engagement.title,
          failing: engagement.failure !== undefined,
          ...(engagement.failure ? { reasonCode: engagement.failure.ReasonCode } : {}),
          opportunityFailing: opportunity !== undefined,
          ...(opportunity ? { opportunityReasonCode: opportunity.ReasonCode } : {}),
        };
      }),
  };
  return reply(res, 200, listing);
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

import type { PartnerCentralSellingClient } from '@aws-sdk/client-partnercentral-selling';
import { isLocalEndpoint } from '../../../src/core/connection/connectionLabel';

/** Where a client's requests were addressed; a request for anywhere but this machine is stopped before it leaves. */
export interface EndpointTrap {
  /** `http://host:port` of every request built, loopback or not. */
  readonly addressed: string[];
  /** Those that were not loopback (production, for these tests): stopped, never sent. */
  readonly stopped: string[];
}

export class TrappedRequestError extends Error {
  override readonly name = 'TrappedRequestError';
}

/**
 * Adds a step to `client` that sees each request once its endpoint is resolved (the SDK's build step): a
 * request for this machine goes on, any other is recorded and failed there, so no test ever reaches AWS.
 */
export function trapEndpoints(client: PartnerCentralSellingClient): EndpointTrap {
  const trap = { addressed: [] as string[], stopped: [] as string[] };
  client.middlewareStack.add((next) => async (args) => {
    const request = args.request as { protocol?: string; hostname?: string; port?: number };
    const address = `${request.protocol ?? 'https:'}//${request.hostname ?? ''}${request.port ? `:${request.port}` : ''}`;
    trap.addressed.push(address);
    if (!isLocalEndpoint(address)) {
      trap.stopped.push(address);
      throw new TrappedRequestError(`stopped a request for ${address}`);
    }
    return next(args);
  }, { step: 'build', name: 'testEndpointTrap', priority: 'low' });
  return trap;
}

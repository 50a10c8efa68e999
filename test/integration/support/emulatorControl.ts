import * as assert from 'node:assert/strict';

/** The emulator the runner started beside code-server (its control API is plain, unsigned JSON, for loopback callers only). */
export function emulatorUrl(): string {
  const url = process.env.PARTNER_CENTRAL_EMULATOR_URL;
  assert.ok(url, 'PARTNER_CENTRAL_EMULATOR_URL is not set: run the in-host suites through npm run test:integration');
  return url;
}

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/__emulator/${path}`, {
    method,
    // The control API answers only JSON from loopback (state-changing requests must say application/json).
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.ok(response.ok, `emulator control ${method} ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

export interface EmulatorCounts {
  tasksPerCatalog: Record<string, number>;
  tasksPerClientToken: Record<string, number>;
  requestsPerOperation: Record<string, number>;
}

export const counts = (): Promise<EmulatorCounts> => control('GET', 'counts');
export const reset = (): Promise<unknown> => control('POST', 'reset');
export const injectFault = (operation: string, fault: string, count = 1): Promise<unknown> => control('POST', 'faults', { operation, fault, count });

export async function knownEngagements(catalog: 'AWS' | 'Sandbox', limit: number, failing?: boolean): Promise<string[]> {
  const query = `engagements?catalog=${catalog}&limit=${limit}${failing === undefined ? '' : `&failing=${failing}`}`;
  const listing = await control<{ engagements: Array<{ id: string }> }>('GET', query);
  return listing.engagements.map((engagement) => engagement.id);
}

/** Known to no Partner Central catalog, but well-formed: the task reports them as not found. */
export const SAMPLE_UNKNOWN_IDS = ['eng-zzzzzzzzzzzzzz', 'eng-0000000000000q'];
/** Not engagement IDs at all: the launch lists them as rejected, with the reason. */
export const SAMPLE_MALFORMED_IDS = ['eng-ABC123', 'eng-12345'];

interface SampleEngagement {
  id: string;
  title: string;
  reasonCode?: string;
}

export interface SampleEngagements {
  succeeding: SampleEngagement[];
  failing: SampleEngagement[];
}

/** Sandbox engagements of the running emulator, from its control API (GET /__emulator/engagements). */
export async function fetchSampleEngagements(endpoint: string, succeeding = 8, failing = 2): Promise<SampleEngagements> {
  const list = async (query: string): Promise<SampleEngagement[]> => {
    const url = `${endpoint}/__emulator/engagements?catalog=Sandbox&${query}`;
    const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
    if (!response.ok) throw new Error(`The local emulator answered ${response.status} to GET /__emulator/engagements?${query}.`);
    const listing = (await response.json()) as { engagements: Array<{ id: string; title: string; reasonCode?: string }> };
    return listing.engagements.map(({ id, title, reasonCode }) => ({ id, title, reasonCode }));
  };
  return { succeeding: await list(`limit=${succeeding}&failing=false`), failing: await list(`limit=${failing}&failing=true`) };
}

/**
 * A CSV a first-time user can select lines of and launch: engagements the emulator prospects, some it
 * refuses, unknown and malformed IDs, each line saying what to expect.
 */
export function sampleCsv({ succeeding, failing }: SampleEngagements): string {
  const field = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const rows = [
    'engagement_id,title,expect',
    ...succeeding.map((e) => `${e.id},${field(e.title)},prospected`),
    ...failing.map((e) => `${e.id},${field(e.title)},fails (${e.reasonCode ?? 'refused'})`),
    ...SAMPLE_UNKNOWN_IDS.map((id) => `${id},,not found: unknown to Partner Central`),
    ...SAMPLE_MALFORMED_IDS.map((id) => `${id},,rejected: not an engagement ID`),
  ];
  return rows.join('\n') + '\n';
}

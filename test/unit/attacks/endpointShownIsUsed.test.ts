import * as assert from 'node:assert/strict';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as aws from '../../../src/aws';
import { listProspectingTasks } from '../../../src/aws/prospectingTasks';
import { describeConnection } from '../../../src/core/connection/connectionLabel';
import { MemoryState } from '../../../src/ui/session/accountState';
import { openAccountSession } from '../../../src/ui/session/accountSession';
import { DEFAULT_CREDENTIALS } from '../../support/emulator';
import { useSharedFilesSandbox, type SharedFilesSandbox } from '../aws/sharedFilesSandbox';
import { CapturingLog } from '../ui/session/sessionKit';
import { trapEndpoints } from './endpointTrap';

/**
 * Promise: the endpoint the connection item shows is the endpoint the calls go to, for every combination of
 * the profile setting, AWS_PROFILE, the endpoint environment variables, AWS_IGNORE_CONFIGURED_ENDPOINT_URLS,
 * AWS_REGION and the endpoint setting. Each named endpoint is a loopback listener of its own that records
 * the requests it receives, so where a request really went is read there; the service default is stopped
 * before it leaves (and recorded where it was stopped).
 */

const SERVICE_DEFAULT = 'https://partnercentral-selling.us-east-1.api.aws';
/** The endpoints: A in profile p, B in profile q, G in profile ignoring, F in default, C and D the variables, E the setting. */
const NAMES = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
type Name = (typeof NAMES)[number];

interface Combination {
  profileSetting?: 'p' | 'plain' | 'ignoring';
  awsProfile?: 'q' | 'p';
  serviceVariable: boolean;
  genericVariable: boolean;
  ignoreVariable?: 'true' | 'false';
  endpointSetting: boolean;
  defaultHasEndpoint: boolean;
  awsRegion?: string;
}

function combinations(): Combination[] {
  const all: Combination[] = [];
  for (const profileSetting of [undefined, 'p', 'plain', 'ignoring'] as const) {
    for (const awsProfile of [undefined, 'q', 'p'] as const) {
      for (const serviceVariable of [false, true]) {
        for (const genericVariable of [false, true]) {
          for (const ignoreVariable of [undefined, 'true', 'false'] as const) {
            for (const endpointSetting of [false, true]) {
              for (const defaultHasEndpoint of [false, true]) {
                // AWS_REGION is set in every other combination: it must change nothing (Partner Central is us-east-1).
                const awsRegion = all.length % 2 === 1 ? 'eu-west-1' : undefined;
                all.push({ profileSetting, awsProfile, serviceVariable, genericVariable, ignoreVariable, endpointSetting, defaultHasEndpoint, awsRegion });
              }
            }
          }
        }
      }
    }
  }
  return all;
}

/** The documented precedence, written out independently of the code under test. */
function expectedEndpoint(combination: Combination): Name | 'default' {
  if (combination.endpointSetting) return 'E';
  const profile = combination.profileSetting ?? combination.awsProfile ?? 'default';
  const ignoring = combination.ignoreVariable !== undefined ? combination.ignoreVariable === 'true' : profile === 'ignoring';
  if (ignoring) return 'default';
  if (combination.serviceVariable) return 'C';
  if (combination.genericVariable) return 'D';
  const inProfile: Record<string, Name | undefined> = { p: 'A', q: 'B', ignoring: 'G', plain: undefined, default: combination.defaultHasEndpoint ? 'F' : undefined };
  return inProfile[profile] ?? 'default';
}

describe('attack: the endpoint shown is the endpoint used (every combination of settings and environment)', function () {
  this.timeout(120_000);
  const listeners = new Map<Name, { server: http.Server; url: string; received: string[] }>();
  let sandbox: SharedFilesSandbox;
  const url = (name: Name): string => listeners.get(name)!.url;
  const keys = `aws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}\n`;

  before(async () => {
    for (const name of NAMES) listeners.set(name, await recordingListener());
  });
  after(async () => {
    await Promise.all([...listeners.values()].map(({ server }) => new Promise((resolve) => server.close(resolve))));
  });
  beforeEach(() => {
    sandbox = useSharedFilesSandbox();
    sandbox.write('credentials', ['default', 'p', 'q', 'plain', 'ignoring'].map((name) => `[${name}]\n${keys}`).join('\n'));
  });
  afterEach(() => {
    delete process.env.AWS_REGION;
    sandbox.restore();
  });

  function apply(combination: Combination): { profile?: string; endpoint?: string } {
    sandbox.write('config', [
      `[default]\nregion = us-east-1\n${combination.defaultHasEndpoint ? `endpoint_url = ${url('F')}\n` : ''}`,
      `[profile p]\nendpoint_url = ${url('A')}\n`,
      `[profile q]\nendpoint_url = ${url('B')}\n`,
      '[profile plain]\nregion = us-east-1\n',
      `[profile ignoring]\nignore_configured_endpoint_urls = true\nendpoint_url = ${url('G')}\n`,
    ].join('\n'));
    const set = (variable: string, value: string | undefined): void => {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    };
    set('AWS_PROFILE', combination.awsProfile);
    set('AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING', combination.serviceVariable ? url('C') : undefined);
    set('AWS_ENDPOINT_URL', combination.genericVariable ? url('D') : undefined);
    set('AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', combination.ignoreVariable);
    set('AWS_REGION', combination.awsRegion);
    // As readConnectionSettings reads them: the profile setting, else AWS_PROFILE.
    return { profile: combination.profileSetting ?? combination.awsProfile, ...(combination.endpointSetting ? { endpoint: url('E') } : {}) };
  }

  /** What the connection item shows, and where the session's List call really went. */
  async function shownAndUsed(combination: Combination): Promise<{ shown: string; used: string; identity: string }> {
    const settings = { ...apply(combination), region: 'us-east-1' };
    const endpoint = await aws.resolveEndpoint(settings);
    const tooltip = describeConnection({ ...settings, endpoint, catalog: 'Sandbox', health: { status: 'unknown' } }).tooltip;
    const shown = /^Endpoint: (\S+)/.exec(tooltip.find((line) => line.startsWith('Endpoint: ')) ?? '')?.[1] ?? '(none)';
    for (const listener of listeners.values()) listener.received.length = 0;
    const session = await openAccountSession(settings, { aws, state: new MemoryState(), log: new CapturingLog() });
    const trap = trapEndpoints(session.client);
    try {
      await listProspectingTasks(session.client, { catalog: 'Sandbox', maxResults: 1 }).catch(() => undefined);
    } finally {
      session.retire();
    }
    const reached = NAMES.filter((name) => listeners.get(name)!.received.length > 0).map(url);
    assert.ok(reached.length + trap.stopped.length === 1, `exactly one endpoint is called: reached ${reached.join(', ')}, stopped ${trap.stopped.join(', ')}`);
    for (const name of NAMES) {
      const { received } = listeners.get(name)!;
      if (received.length > 0) assert.deepEqual(received, [new URL(url(name)).host], 'one request, its Host that of the endpoint');
    }
    return { shown: shown.replace(/\/$/, ''), used: reached[0] ?? trap.stopped[0], identity: session.identity.endpoint.replace(/\/$/, '') };
  }

  it("profile setting p without endpoint_url and AWS_PROFILE q with one: the calls go where the item says (the report's case)", async () => {
    const combination: Combination = { profileSetting: 'plain', awsProfile: 'q', serviceVariable: false, genericVariable: false, endpointSetting: false, defaultHasEndpoint: false };
    const { shown, used } = await shownAndUsed(combination);
    assert.equal(used, shown);
    assert.equal(used, SERVICE_DEFAULT, "the signing profile's endpoint (none: the service default), not q's");
  });

  it('every combination: the request goes to the endpoint shown, the identity names it, and it is the documented one', async () => {
    const all = combinations();
    assert.equal(all.length, 576);
    const wrong: string[] = [];
    for (const combination of all) {
      const { shown, used, identity } = await shownAndUsed(combination);
      const expected = expectedEndpoint(combination);
      const expectedUrl = expected === 'default' ? SERVICE_DEFAULT : url(expected);
      if (shown !== used || identity !== used || used !== expectedUrl) {
        wrong.push(`${JSON.stringify(combination)}: shown ${shown}, used ${used}, identity ${identity}, expected ${expected} (${expectedUrl})`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});

/** A loopback HTTP server that answers every request with an empty JSON result and records the Host it was sent to. */
async function recordingListener(): Promise<{ server: http.Server; url: string; received: string[] }> {
  const received: string[] = [];
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      received.push(req.headers.host ?? '');
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received };
}

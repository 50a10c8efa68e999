import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import * as aws from '../../../src/aws';
import { listProspectingTasks } from '../../../src/aws/prospectingTasks';
import { explainOneLine } from '../../../src/core/errorExplanations';
import { MemoryState } from '../../../src/ui/session/accountState';
import { openAccountSession } from '../../../src/ui/session/accountSession';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { propertyRuns } from '../../support/propertyRuns';
import { useSharedFilesSandbox, type SharedFilesSandbox } from '../aws/sharedFilesSandbox';
import { CapturingLog } from '../ui/session/sessionKit';
import { trapEndpoints } from './endpointTrap';

/**
 * Promise: production only on purpose. A profile whose endpoint_url names a local endpoint never has its calls
 * signed for the service default (production) because its shared config or credentials file is written in a
 * way the SDK misreads: such a connection is an error naming the file (and the line), and nothing is sent.
 */

type Outcome = { kind: 'refused'; explanation: string; problem: string; addressed: string[] } | { kind: 'reached'; addressed: string[] };

const LIST = 'ListProspectingFromEngagementTasks';
const CREDENTIALS = `[p]\naws_access_key_id = ${DEFAULT_CREDENTIALS.accessKeyId}\naws_secret_access_key = ${DEFAULT_CREDENTIALS.secretAccessKey}\n`;

describe('attack: production only on purpose (mangled shared config files)', function () {
  this.timeout(60_000);
  let emulator: TestEmulator;
  let sandbox: SharedFilesSandbox;
  let folder = 0;

  before(async () => {
    emulator = await startTestEmulator({ throttle: false });
  });
  after(() => emulator.close());
  beforeEach(() => {
    sandbox = useSharedFilesSandbox();
  });
  afterEach(() => sandbox.restore());

  const local = (): string => emulator.endpoint.replace(/\/$/, '');
  const configText = (): string => `[profile p]\nregion = us-east-1\nendpoint_url = ${local()}\n\n[default]\nregion = us-east-1\n\n[profile other]\noutput = json\n`;

  /**
   * Opens the session the extension would for profile `p` on these files (each try in its own folder: the SDK
   * caches a file by its path), then makes one List call through its client.
   */
  async function outcomeOf(files: { config?: Uint8Array | string; credentials?: Uint8Array | string }): Promise<Outcome & { paths: { config: string; credentials: string } }> {
    const dir = path.join(sandbox.home, `try-${++folder}`);
    fs.mkdirSync(dir);
    const paths = { config: path.join(dir, 'config'), credentials: path.join(dir, 'credentials') };
    fs.writeFileSync(paths.config, files.config ?? configText());
    fs.writeFileSync(paths.credentials, files.credentials ?? CREDENTIALS);
    process.env.AWS_CONFIG_FILE = paths.config;
    process.env.AWS_SHARED_CREDENTIALS_FILE = paths.credentials;
    const session = await openAccountSession({ region: 'us-east-1', profile: 'p' }, { aws, state: new MemoryState(), log: new CapturingLog() });
    const trap = trapEndpoints(session.client);
    try {
      await listProspectingTasks(session.client, { catalog: 'Sandbox', maxResults: 1 });
      return { kind: 'reached', addressed: trap.addressed, paths };
    } catch (error) {
      assert.deepEqual(trap.stopped, [], `a call was addressed to ${trap.stopped.join(', ')}`);
      return { kind: 'refused', explanation: explainOneLine(error), problem: session.identity.problem ?? '', addressed: trap.addressed, paths };
    } finally {
      session.retire();
    }
  }

  async function assertRefused(files: { config?: Uint8Array | string; credentials?: Uint8Array | string }, names: 'config' | 'credentials', line?: number): Promise<string> {
    const outcome = await outcomeOf(files);
    assert.equal(outcome.kind, 'refused', `the call was sent: ${outcome.addressed.join(', ')}`);
    if (outcome.kind !== 'refused') return '';
    assert.deepEqual(outcome.addressed, [], 'no request may be made at all');
    const file = outcome.paths[names];
    assert.ok(outcome.explanation.includes(file), `the explanation names ${file}: ${outcome.explanation}`);
    assert.ok(outcome.problem.includes(file), `the session's problem names ${file}: ${outcome.problem}`);
    if (line !== undefined) assert.ok(outcome.explanation.includes(`${file}, line ${line}:`), `the explanation names line ${line}: ${outcome.explanation}`);
    assert.match(outcome.explanation, /No Partner Central call is made/);
    return outcome.explanation;
  }

  it('an intact file: the call goes to the profile\'s local endpoint (the suite\'s control case)', async () => {
    const before = (await emulator.counts()).requestsPerOperation[LIST] ?? 0;
    const outcome = await outcomeOf({});
    assert.equal(outcome.kind, 'reached');
    assert.deepEqual(outcome.addressed, [local()]);
    assert.equal((await emulator.counts()).requestsPerOperation[LIST], before + 1);
  });

  describe('the five manglings of the report each end in an explanation naming the file, and no call', () => {
    it('an unclosed [profile p', async () => {
      const explanation = await assertRefused({ config: configText().replace('[profile p]', '[profile p') }, 'config', 1);
      assert.match(explanation, /not closed/);
    });

    it('endpoint_url written with a colon', async () => {
      const explanation = await assertRefused({ config: configText().replace(`endpoint_url = ${local()}`, `endpoint_url: ${local()}`) }, 'config', 3);
      assert.match(explanation, /Write it as "endpoint_url = …"/);
    });

    it('services = missing, a section that does not exist (the endpoint is in [services emulator])', async () => {
      const config = `${configText().replace(`endpoint_url = ${local()}`, 'services = missing')}\n[services emulator]\npartnercentral_selling =\n  endpoint_url = ${local()}\n`;
      const explanation = await assertRefused({ config }, 'config', 3);
      assert.match(explanation, /no \[services missing\] section/);
    });

    it('a [__proto__] section', async () => {
      const explanation = await assertRefused({ config: `${configText()}\n[__proto__]\nregion = us-east-1\n` }, 'config', 11);
      assert.match(explanation, /reserved by JavaScript/);
    });

    it('the file saved as UTF-16 by a Windows editor', async () => {
      const explanation = await assertRefused({ config: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(configText().replace(/\n/g, '\r\n'), 'utf16le')]) }, 'config');
      assert.match(explanation, /UTF-16/);
    });
  });

  it('generated manglings of either file: refused with the file named, or (when harmless) sent to the local endpoint; never anywhere else', async () => {
    await fc.assert(fc.asyncProperty(mangling(configText()), async (mangled) => {
      if (mangled.expect === 'refused') {
        await assertRefused(mangled.files, mangled.names, mangled.line);
        return;
      }
      const outcome = await outcomeOf(mangled.files);
      assert.equal(outcome.kind, 'reached', `${mangled.what}: ${outcome.kind === 'refused' ? outcome.explanation : ''}`);
      assert.deepEqual(outcome.addressed, [local()], mangled.what);
      assert.deepEqual(await aws.resolveEndpoint({ profile: 'p' }), { url: local(), source: 'profile' }, 'and the endpoint shown is that one');
    }), propertyRuns(150));
  });
});

interface Mangled {
  what: string;
  files: { config?: Uint8Array | string; credentials?: Uint8Array | string };
  names: 'config' | 'credentials';
  expect: 'refused' | 'reached';
  line?: number;
}

/** Ways a real file gets broken, each at a generated place, with what must come of it. */
function mangling(config: string): fc.Arbitrary<Mangled> {
  const lines = config.split('\n');
  const headerLines = lines.map((text, index) => (text.startsWith('[') ? index : -1)).filter((index) => index >= 0);
  const endpointLine = lines.findIndex((text) => text.startsWith('endpoint_url'));
  const keyLines = lines.map((text, index) => (text.includes(' = ') ? index : -1)).filter((index) => index >= 0);
  const join = (edited: string[]): string => edited.join('\n');
  const refused = (what: string, text: string | Uint8Array, line?: number): Mangled => ({ what, files: { config: text }, names: 'config', expect: 'refused', ...(line ? { line } : {}) });
  const replaceLine = (index: number, text: string): string[] => lines.map((line, at) => (at === index ? text : line));
  const insertAt = (index: number, ...added: string[]): string[] => [...lines.slice(0, index), ...added, ...lines.slice(index)];
  const word = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  const reservedSection = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf');
  const headerAt = fc.constantFrom(...headerLines, lines.length - 1);
  return fc.oneof(
    fc.constantFrom(...headerLines).map((index) => refused('unclosed header', join(replaceLine(index, lines[index].slice(0, -1))), index + 1)),
    fc.tuple(fc.constantFrom(...keyLines), fc.constantFrom(':', ': ', ' : ')).map(([index, colon]) => refused('colon', join(replaceLine(index, lines[index].replace(' = ', colon))), index + 1)),
    fc.tuple(word, fc.option(word)).map(([name, other]) => refused('services naming no section', join([
      ...insertAt(endpointLine, `services = ${name}`),
      ...(other && other !== name ? [`[services ${other}]`, 'partnercentral_selling =', '  endpoint_url = http://127.0.0.1:9'] : []),
    ]), endpointLine + 1)),
    fc.tuple(reservedSection, fc.boolean(), headerAt, fc.boolean()).map(([name, prefixed, at, withValue]) =>
      refused(`section ${name}`, join(insertAt(at, `[${prefixed ? 'profile ' : ''}${name}]`, ...(withValue ? ['endpoint_url = http://127.0.0.1:9'] : []))), at + 1)),
    fc.constantFrom('__proto__', 'constructor', 'toString').map((name) => refused(`key ${name}`, join(insertAt(endpointLine, `${name} = x`)), endpointLine + 1)),
    fc.tuple(fc.constantFrom('utf16le', 'utf16be'), fc.boolean(), fc.boolean()).map(([encoding, bom, crlf]) => {
      const text = crlf ? config.replace(/\n/g, '\r\n') : config;
      const little = Buffer.from(text, 'utf16le');
      const body = encoding === 'utf16le' ? little : Buffer.from(little).swap16();
      const mark = bom ? Buffer.from(encoding === 'utf16le' ? [0xff, 0xfe] : [0xfe, 0xff]) : Buffer.alloc(0);
      return refused(`${encoding}${bom ? ' with BOM' : ''}`, Buffer.concat([mark, body]), bom ? undefined : 1);
    }),
    fc.constant(refused('UTF-8 byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(config)]), 1)),
    fc.tuple(fc.constantFrom(...headerLines), fc.boolean()).map(([index, sameEndpoint]) =>
      refused('duplicate section', join([...lines, lines[index], `endpoint_url = ${sameEndpoint ? 'http://127.0.0.1:9' : 'https://partnercentral-selling.us-east-1.api.aws'}`]), lines.length + 1)),
    fc.constant(refused('duplicate key', join(insertAt(endpointLine + 1, 'endpoint_url = https://partnercentral-selling.us-east-1.api.aws')), endpointLine + 2)),
    fc.tuple(fc.integer({ min: 8193, max: 40_000 }), fc.integer({ min: 0, max: lines.length - 1 }), fc.constantFrom('# ', 'note = ', '')).map(([length, at, start]) =>
      refused('huge line', join(insertAt(at, `${start}${'x'.repeat(length)}`)), at + 1)),
    fc.integer({ min: 0, max: config.length - 1 }).map((at) => {
      const bytes = Buffer.from(config);
      return refused('NUL byte', Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]), config.slice(0, at).split('\n').length);
    }),
    fc.tuple(fc.integer({ min: 0, max: config.length - 1 }), fc.constantFrom(0xff, 0xc3, 0x80, 0xfe)).map(([at, byte]) => {
      const bytes = Buffer.from(config);
      return refused('invalid UTF-8', Buffer.concat([bytes.subarray(0, at), Buffer.from([byte]), bytes.subarray(at)]), config.slice(0, at).split('\n').length);
    }),
    fc.boolean().map((all) => refused('lone CR line endings', all ? config.replace(/\n/g, '\r') : config.replace('\n', '\r'), 1)),
    fc.constant(refused('a setting outside any section', `endpoint_url = http://127.0.0.1:9\n${config}`, 1)),
    fc.constantFrom('endpoint_url = not a url', 'endpoint_url = ftp://127.0.0.1:9', 'endpoint_url = 127.0.0.1:9').map((line) => refused('an endpoint that is no URL', join(replaceLine(endpointLine, line)), endpointLine + 1)),
    fc.constant<Mangled>({ what: 'credentials as UTF-16', files: { credentials: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CREDENTIALS, 'utf16le')]) }, names: 'credentials', expect: 'refused' }),
    fc.constant<Mangled>({ what: 'credentials with a profile prefix', files: { credentials: CREDENTIALS.replace('[p]', '[profile p]') }, names: 'credentials', expect: 'refused', line: 1 }),
    // Harmless: the SDK reads these as written, so the call goes where the profile says.
    fc.constant<Mangled>({ what: 'CRLF', files: { config: config.replace(/\n/g, '\r\n'), credentials: CREDENTIALS.replace(/\n/g, '\r\n') }, names: 'config', expect: 'reached' }),
    fc.array(fc.constantFrom(...keyLines), { minLength: 1 }).map((indexes): Mangled => ({
      what: 'tabs',
      files: { config: lines.map((line, index) => (indexes.includes(index) ? `\t${line.replace(' = ', '\t=\t')}` : line)).join('\n') },
      names: 'config',
      expect: 'reached',
    })),
  );
}

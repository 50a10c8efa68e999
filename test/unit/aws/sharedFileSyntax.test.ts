import * as assert from 'node:assert/strict';
import { loadSharedConfigFiles } from '@smithy/core/config';
import * as fc from 'fast-check';
import { readSharedFile, type SharedFileKind } from '../../../src/core/connection/sharedFileSyntax';
import { propertyRuns } from '../../support/propertyRuns';
import { useSharedFilesSandbox, type SharedFilesSandbox } from './sharedFilesSandbox';

/** The strict reader refuses only what the SDK misreads: every well-formed file reads as the SDK reads it. */
describe('the strict shared-file reader agrees with the SDK on well-formed files', () => {
  let sandbox: SharedFilesSandbox;
  beforeEach(() => {
    sandbox = useSharedFilesSandbox();
  });
  afterEach(() => sandbox.restore());

  const name = fc.stringMatching(/^[a-z][a-z0-9_-]{0,8}$/).filter((text) => !(text in Object.prototype) && text !== 'prototype');
  const value = fc.stringMatching(/^[A-Za-z0-9:/._+-]{1,20}$/);
  const setting = fc.tuple(name, value, fc.constantFrom('', '  # note', ' ; note'), fc.constantFrom(' = ', '=', '\t=\t', ' =')).map(([key, text, comment, equals]) => ({ key, line: `${key}${equals}${text}${comment}`, text }));
  const subSection = fc.tuple(name, fc.uniqueArray(setting, { selector: (entry) => entry.key, minLength: 1, maxLength: 3 }))
    .map(([sub, entries]) => ({ lines: [`${sub} =`, ...entries.map((entry) => `  ${entry.line}`)], keys: entries.map((entry) => [`${sub}.${entry.key}`, entry.text] as const) }));
  const section = (kind: SharedFileKind) => fc.tuple(
    kind === 'config' ? fc.constantFrom('profile', 'sso-session', 'services') : fc.constant(''),
    name,
    fc.uniqueArray(setting, { selector: (entry) => entry.key, maxLength: 4 }),
    fc.option(subSection, { nil: undefined }),
  );
  const file = (kind: SharedFileKind) => fc.tuple(fc.uniqueArray(section(kind), { selector: ([type, section]) => `${type} ${section}`, maxLength: 4 }), fc.boolean()).map(([sections, crlf]) => {
    const lines = ['# written by hand', ''];
    for (const [type, sectionName, entries, sub] of sections) {
      lines.push(type ? `[${type} ${sectionName}]` : `[${sectionName}]`, ...entries.map((entry) => entry.line));
      const subKeys = new Set(sub?.keys.map(([key]) => key.split('.')[0]));
      if (sub && !entries.some((entry) => subKeys.has(entry.key))) lines.push(...sub.lines);
      lines.push('');
    }
    return lines.join(crlf ? '\r\n' : '\n');
  });

  for (const kind of ['config', 'credentials'] as const) {
    it(`${kind} file: accepted, with the sections and values the SDK reads`, async () => {
      await fc.assert(fc.asyncProperty(file(kind), async (text) => {
        const reading = readSharedFile(Buffer.from(text), kind);
        assert.ok(reading.ok, `refused: ${reading.ok ? '' : JSON.stringify(reading.fault)}\n${text}`);
        sandbox.write(kind, text);
        const sdk = await loadSharedConfigFiles({ ignoreCache: true });
        const theirs = kind === 'config' ? sdk.configFile : sdk.credentialsFile;
        const ours = Object.fromEntries([...reading.sections].map(([key, section]) => [key, Object.fromEntries([...section.entries].map(([entry, { value: text }]) => [entry, text]))]));
        // The SDK keeps no section that holds no setting.
        const nonEmpty = Object.fromEntries(Object.entries(ours).filter(([, entries]) => Object.keys(entries).length > 0));
        assert.deepEqual(nonEmpty, JSON.parse(JSON.stringify(theirs)));
      }), propertyRuns(100));
    });
  }
});

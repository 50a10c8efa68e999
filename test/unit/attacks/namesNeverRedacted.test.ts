import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { startProspectingTask } from '../../../src/aws/prospectingTasks';
import { redactExternal } from '../../../src/core/redaction/externalText';
import { redactForLevel, type LogLevel } from '../../../src/core/redaction/logRedaction';
import { redactingLogger } from '../../../src/core/redaction/redactingLogger';
import { sessionSecrets } from '../../../src/core/redaction/sessionSecrets';
import { propertyRuns } from '../../support/propertyRuns';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { CapturingLog } from '../ui/session/sessionKit';
import { engagementId, ordinaryName, secretAccessKey, sessionToken, signature, taskArn, taskId } from './hostileText';

/**
 * Promise: task names, titles and IDs are never redacted. They are ordinary words, also when they look like
 * AWS keys (ASIA…, AKIA… of other lengths) or name a secret in prose ("Secret", "Credentials:", "token").
 */

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];

describe('Attack: names, titles and IDs that look like keys or name secrets are never changed', () => {
  after(() => sessionSecrets.clear());

  it('the names that were redacted (issue 16, finding 5) pass every level unchanged', () => {
    for (const name of ['ASIAPACIFICPARTNERSQ3 prospects', 'Secret project-2024 outreach', 'Credentials: check the partner accounts', 'Q3 Secret: partners', 'password reset outreach for token holders']) {
      for (const level of LEVELS) assert.equal(redactForLevel(level, `Started task "${name}"`), `Started task "${name}"`);
      assert.equal(redactExternal(name), name, 'nor in a message');
    }
  });

  it('generated names, titles and IDs, with the session\'s secrets registered: every level, in prose and in JSON, through the log boundary', () => {
    fc.assert(
      fc.property(ordinaryName, ordinaryName, fc.array(fc.oneof(engagementId, taskId, taskArn), { maxLength: 5 }), secretAccessKey, sessionToken, signature, (name, title, ids, key, token, sig) => {
        sessionSecrets.register(key, token, sig);
        const log = new CapturingLog();
        const redacting = redactingLogger(log);
        const lines = [
          `Started task "${name}" in Sandbox: ${ids.join(', ')}`,
          `${title} (${ids[0] ?? 'no ID'})`,
          `StartProspectingFromEngagementTask parameters ${JSON.stringify({ Catalog: 'Sandbox', TaskName: name, Identifiers: ids })}`,
          `Task name: ${name}\nTitle: ${title}`,
        ];
        for (const level of LEVELS) for (const line of lines) redacting[level](line);
        assert.deepEqual(log.lines, LEVELS.flatMap((level) => lines.map((line) => `${level} ${line}`)));
        assert.equal(redactExternal(`${name} — ${title}`), `${name} — ${title}`);
      }),
      propertyRuns(500),
    );
  });
});

describe('Attack: a task started with such a name is logged with its name as given (real client, emulator)', function () {
  this.timeout(60_000);
  let emulator: TestEmulator;
  let engagements: string[];

  before(async () => {
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 5 });
    engagements = await emulator.engagements('Sandbox', { limit: 2, failing: false });
  });
  after(async () => {
    await emulator.close();
    sessionSecrets.clear();
  });

  it('the trace line holds the TaskName unchanged, and the call succeeds', async () => {
    let started = 0;
    const taskName = ordinaryName.map((name) => name.slice(0, 128).trim()).filter((name) => name.length > 0);
    await fc.assert(
      fc.asyncProperty(taskName, async (name) => {
        const log = new CapturingLog();
        const client = createPartnerCentralClient({ endpoint: emulator.endpoint, credentials: { ...DEFAULT_CREDENTIALS }, maxAttempts: 1 }, log);
        try {
          const clientToken = `names-never-redacted-${++started}`;
          await startProspectingTask(client, { catalog: 'Sandbox', clientToken, identifiers: engagements, taskName: name });
          const traced = log.lines.find((line) => line.startsWith('trace StartProspectingFromEngagementTask parameters'));
          assert.ok(traced?.includes(`"TaskName":${JSON.stringify(name)}`), `name changed in the log: ${traced} (expected ${JSON.stringify(name)})`);
        } finally {
          client.destroy();
        }
      }),
      propertyRuns(20),
    );
  });
});

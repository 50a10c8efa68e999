import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { listProspectingTasks } from '../../../src/aws/prospectingTasks';
import { explainOneLine } from '../../../src/core/errorExplanations';
import { redactForLevel, type LogLevel } from '../../../src/core/redaction/logRedaction';
import { sessionSecrets } from '../../../src/core/redaction/sessionSecrets';
import { propertyRuns } from '../../support/propertyRuns';
import { startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from '../aws/awsTestEnvironment';
import { CapturingLog, RecordingState, makeSessions } from '../ui/session/sessionKit';
import { ordinaryName, placed, position, secretForm, secretValue } from './hostileText';

/**
 * Promise: no secret in any log line or message. Below trace, nothing of a credential_process's command line or
 * output; at every level, none of the session's own secrets and no value of a key that names a secret.
 */

const LEVELS: readonly LogLevel[] = ['trace', 'debug', 'info', 'warn', 'error'];
const BELOW_TRACE = LEVELS.filter((level) => level !== 'trace');

describe('Attack: every generated secret, in every position, is removed at every level', () => {
  after(() => sessionSecrets.clear());

  it('keys, tokens, signatures, headers and secret-keyed values: at start, middle, end, in JSON, in URLs, on their own line', () => {
    fc.assert(
      fc.property(secretForm, position, ordinaryName, ordinaryName, (form, where, before, after) => {
        sessionSecrets.register(...form.register);
        const text = placed(form, where, before, after);
        for (const level of LEVELS) {
          const line = redactForLevel(level, text);
          for (const secret of form.secrets) assert.ok(!line.includes(secret), `${level}: ${secret} left in ${JSON.stringify(line)} (from ${JSON.stringify(text)})`);
        }
      }),
      propertyRuns(500),
    );
  });

  it('a failed child process: its command line and output, whatever they hold, below trace', () => {
    const argument = fc.oneof(secretValue, secretValue.map((value) => `--vault-password=${value}`), secretValue.map((value) => `--user=${value}`));
    const outputLine = fc.oneof(secretValue, secretValue.map((value) => `SECRET=${value}`), secretValue.map((value) => `{"Error":"${value}"}`), secretValue.map((value) => `login failed for ${value}`));
    fc.assert(
      fc.property(fc.array(argument, { minLength: 1, maxLength: 4 }), fc.array(outputLine, { minLength: 1, maxLength: 4 }), position, ordinaryName, (args, output, where, before) => {
        const program = `/home/partner/bin/vault-${args.length}.sh`;
        const failure = `no AWS credentials could be loaded: Command failed: ${program} ${args.join(' ')}\n${output.join('\n')}`;
        const text = where === 'json' ? JSON.stringify({ message: failure }) : `${before} ${failure}`;
        for (const level of BELOW_TRACE) {
          const line = redactForLevel(level, text);
          for (const part of [program, ...args, ...output]) assert.ok(!line.includes(part), `${level}: ${part} left in ${JSON.stringify(line)}`);
        }
      }),
      propertyRuns(300),
    );
  });
});

describe('Attack: a credential_process that prints secrets, through a real account session (issue 16, finding 2)', function () {
  this.timeout(120_000);
  let emulator: TestEmulator;
  let folder: string;
  let restoreEnvironment: () => void;
  let run = 0;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    delete process.env.AWS_ACCESS_KEY_ID;
    delete process.env.AWS_SECRET_ACCESS_KEY;
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    emulator = await startTestEmulator({ throttle: false, engagementsPerCatalog: 3 });
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-attack-secrets-'));
  });
  after(async () => {
    await emulator.close();
    delete process.env.AWS_EC2_METADATA_DISABLED;
    restoreEnvironment();
    fs.rmSync(folder, { recursive: true, force: true });
    sessionSecrets.clear();
  });

  /**
   * A profile `vault` whose credential_process is `script` with `args`; a session opened on it (the endpoint is the
   * emulator, so nothing can go to AWS), then one call and its explanation. Every file is new: the SDK caches by path.
   */
  async function sessionWithCredentialProcess(scriptBody: string, args: string): Promise<{ lines: string[]; problem: string; notification: string; script: string }> {
    run++;
    const script = path.join(folder, `vault-${run}.sh`);
    fs.writeFileSync(script, `#!/bin/sh\n${scriptBody}\n`, { mode: 0o755 });
    process.env.AWS_CONFIG_FILE = path.join(folder, `config-${run}`);
    process.env.AWS_SHARED_CREDENTIALS_FILE = path.join(folder, `credentials-${run}`);
    fs.writeFileSync(process.env.AWS_CONFIG_FILE, `[profile vault]\nregion = us-east-1\ncredential_process = ${script} ${args}\n`);
    fs.writeFileSync(process.env.AWS_SHARED_CREDENTIALS_FILE, '');
    const log = new CapturingLog();
    const sessions = makeSessions(new RecordingState(), log);
    try {
      const session = await sessions.switchTo({ region: 'us-east-1', profile: 'vault', endpoint: emulator.endpoint });
      await session.loadFirstPage('Sandbox');
      const notification = await listProspectingTasks(session.client, { catalog: 'Sandbox', maxResults: 1 }).then(
        () => '',
        (error: unknown) => explainOneLine(error, { profile: 'vault' }),
      );
      return { lines: log.lines, problem: session.identity.problem ?? '', notification, script };
    } finally {
      sessions.dispose();
    }
  }

  function untraced(lines: readonly string[]): string[] {
    return lines.filter((line) => !line.startsWith('trace '));
  }

  it('--vault-password=hunter2 and SECRET=abc123 on stderr, exit 1: a clean notification, and no log line but trace holds either or the command line', async () => {
    const { lines, problem, notification, script } = await sessionWithCredentialProcess('echo "SECRET=abc123" >&2\nexit 1', '--vault-password=hunter2');
    assert.match(problem, /credential_process of profile "vault" failed/);
    assert.match(notification, /credential_process of profile "vault" failed/);
    const warned = untraced(lines);
    assert.ok(warned.some((line) => /^warn Account not resolved .*credential_process of profile "vault" failed/.test(line)), warned.join('\n'));
    for (const text of [problem, notification, ...warned]) {
      for (const secret of ['hunter2', 'abc123', 'vault-password', script, 'SECRET=']) assert.ok(!text.includes(secret), `${secret} in ${JSON.stringify(text)}`);
    }
    const traced = lines.filter((line) => line.startsWith('trace ')).join('\n');
    assert.match(traced, /vault-\d+\.sh/, 'trace keeps the failure for diagnosis');
    assert.ok(!traced.includes('hunter2') && !traced.includes('abc123'), `trace is redacted: ${traced}`);
  });

  it('generated: arguments and output printed every way, on stdout or stderr, any exit code: none of them below trace, no secret-keyed value at trace', async () => {
    const secretArgument = fc.tuple(fc.constantFrom('--vault-password=', '--token=', '--secret=', '--api-key=', 'password=', ''), secretValue);
    const printedSecret = fc.tuple(fc.constantFrom('SECRET=', 'password: ', 'AWS_SECRET_ACCESS_KEY=', '{"SessionToken":"', 'token=', ''), secretValue);
    await fc.assert(
      fc.asyncProperty(
        fc.array(secretArgument, { minLength: 1, maxLength: 3 }),
        fc.array(printedSecret, { minLength: 1, maxLength: 3 }),
        fc.constantFrom('>&2', ''),
        fc.integer({ min: 0, max: 255 }),
        async (args, printed, stream, exitCode) => {
          const argText = args.map(([prefix, value]) => `${prefix}${value}`).join(' ');
          const outputLines = printed.map(([prefix, value]) => `${prefix}${value}${prefix.startsWith('{') ? '"}' : ''}`);
          const body = `${outputLines.map((line) => `printf '%s\\n' '${line}' ${stream}`).join('\n')}\nexit ${exitCode}`;
          const { lines, problem, notification, script } = await sessionWithCredentialProcess(body, argText);
          const everyValue = [...args, ...printed].map(([, value]) => value);
          for (const text of [problem, notification, ...untraced(lines)]) {
            for (const part of [script, ...everyValue]) assert.ok(!text.includes(part), `${part} in ${JSON.stringify(text)}`);
          }
          const keyed = [...args, ...printed].filter(([prefix]) => prefix !== '').map(([, value]) => value);
          for (const line of lines) for (const value of keyed) assert.ok(!line.includes(value), `${value} in ${JSON.stringify(line)}`);
        },
      ),
      propertyRuns(20),
    );
  });

  it("credentials a credential_process returns: their secret key and session token appear nowhere, at any level, when the service refuses them", async () => {
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[A-Za-z0-9+/]{40}$/), fc.stringMatching(/^[A-Za-z0-9+/]{120,200}$/), async (secretAccessKey, sessionToken) => {
        const json = JSON.stringify({ Version: 1, AccessKeyId: 'ASIAUNKNOWNTOEMULATR', SecretAccessKey: secretAccessKey, SessionToken: sessionToken });
        const { lines, notification } = await sessionWithCredentialProcess(`printf '%s' '${json}'`, '--profile partner');
        assert.ok(lines.some((line) => line.startsWith('warn ')), 'the refused call is logged');
        for (const text of [notification, ...lines]) {
          for (const secret of [secretAccessKey, sessionToken]) assert.ok(!text.includes(secret), `a session secret in ${JSON.stringify(text)}`);
        }
      }),
      propertyRuns(5),
    );
  });
});

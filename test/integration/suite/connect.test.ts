import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ConnectionReport } from '../../../src/core/connection/connectionReport';
import type { PartnerCentralApi } from '../../../src/extension';
import type { NewSessionReason } from '../../../src/ui/connect/connectionFeatures';
import { emulatorUrl } from '../support/emulatorControl';
import { activeApi, setSetting } from '../support/extensionUnderTest';
import { ScriptedPrompts } from '../support/scriptedPrompts';

/** The emulator's key pair, as a static-keys profile. */
const STATIC_PROFILE = `[profile pc-static]
aws_access_key_id = ${process.env.AWS_ACCESS_KEY_ID ?? ''}
aws_secret_access_key = ${process.env.AWS_SECRET_ACCESS_KEY ?? ''}
`;

async function waitFor<T>(what: string, probe: () => T | undefined | false, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function nextEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`));
    }, timeoutMs);
    const listener = event((value) => {
      if (!accept(value)) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(value);
    });
  });
}

suite('Connection: see and choose the account', function () {
  this.timeout(60_000);
  let api: PartnerCentralApi;
  let prompts: ScriptedPrompts;
  let restore: vscode.Disposable;
  let configFile: string;
  /** Every new-session request since this test's setup. */
  let sessions: NewSessionReason[];
  let listening: vscode.Disposable;

  suiteSetup(async () => {
    api = await activeApi();
    const file = process.env.AWS_CONFIG_FILE;
    assert.ok(file, 'AWS_CONFIG_FILE is not set: run the in-host suites through npm run test:integration (it gives them their own shared files)');
    configFile = file;
    // The first look at the connection (after activation) also starts the watch on the shared files.
    await api.connect.settled();
  });

  setup(() => {
    prompts = new ScriptedPrompts();
    restore = api.usePrompts(prompts);
    sessions = [];
    listening = api.connect.onDidRequestNewSession((reason) => sessions.push(reason));
  });

  teardown(async () => {
    listening.dispose();
    restore.dispose();
    await setSetting('profile', undefined);
    fs.writeFileSync(configFile, '');
    // Let the watcher see the reset before the next test starts counting.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await api.connect.settled();
  });

  const signInPrompts = (): number => prompts.messages.filter((message) => message.actions.includes('Sign In')).length;

  test('the status item names the local emulator and the catalog', async () => {
    const item = await waitFor('the connection item to name the emulator', () => (api.connect.item().text.startsWith('Local emulator') ? api.connect.item().text : undefined));
    assert.equal(item, `Local emulator · ${api.viewDescription() ?? ''}`);
    assert.equal(api.connect.item().error, false);
    assert.match(api.connect.item().tooltip, new RegExp(`Endpoint: ${emulatorUrl().replace(/\/$/, '')}`));
  });

  test('Select AWS Profile offers the shared files\' profiles by kind, sees a changed file without a reload, and writes the machine setting', async () => {
    fs.writeFileSync(configFile, STATIC_PROFILE);
    await waitFor('the new profile', () => api.connect.profiles().some((profile) => profile.name === 'pc-static'));
    assert.deepEqual(api.connect.profiles(), [{ name: 'pc-static', kind: 'static' }]);
    assert.deepEqual(sessions, ['sharedFilesChanged'], 'a changed file asks for a new session once');

    prompts.chooseProfile = (choices) => choices.find((choice) => choice.kind === 'profile' && choice.name === 'pc-static');
    const chosen = await vscode.commands.executeCommand<string | undefined>('partnerCentral.selectProfile');
    assert.equal(chosen, 'pc-static');
    assert.deepEqual(prompts.profilePicks[0].offered.map((choice) => (choice.kind === 'profile' ? `${choice.name}:${choice.profileKind}` : choice.kind)), ['defaultChain', 'localEmulator', 'pc-static:static']);
    assert.equal(vscode.workspace.getConfiguration('partnerCentral').inspect('profile')?.globalValue, 'pc-static');
    await waitFor('the item to name the profile in its tooltip', () => api.connect.item().tooltip.includes('Signing with profile pc-static'));

    fs.appendFileSync(configFile, '\n[profile pc-role]\nrole_arn = arn:aws:iam::123456789012:role/Partner\nsource_profile = pc-static\n');
    await waitFor('the second new profile', () => api.connect.profiles().some((profile) => profile.name === 'pc-role'));
    prompts.chooseProfile = () => undefined;
    await vscode.commands.executeCommand('partnerCentral.selectProfile');
    const offered = prompts.profilePicks[1].offered.flatMap((choice) => (choice.kind === 'profile' ? [`${choice.name}:${choice.profileKind}`] : []));
    assert.deepEqual(offered, ['pc-role:role', 'pc-static:static']);
    assert.equal(prompts.profilePicks[1].current, 'pc-static');
  });

  test('Test Connection against the emulator reports both catalogs', async () => {
    fs.writeFileSync(configFile, STATIC_PROFILE);
    await setSetting('profile', 'pc-static');
    const report = await vscode.commands.executeCommand<ConnectionReport>('partnerCentral.testConnection');
    assert.equal(report.ok, true, report.lines.join('\n'));
    assert.match(report.summary, /^Connection works \(pc-static.*\): Sandbox ✓; AWS ✓$/);
    const text = report.lines.join('\n');
    assert.match(text, /Credentials: profile pc-static \(static keys\)/);
    assert.match(text, /Access key ID: AKIA…/);
    assert.ok(!text.includes(process.env.AWS_ACCESS_KEY_ID ?? '(no key)'), 'the access key ID is shown masked only');
    assert.match(text, /Sandbox: OK/);
    assert.match(text, /AWS: OK/);
    const shown = await prompts.waitForMessage(/^Connection works/);
    assert.equal(shown.level, 'info');
  });

  test('calls that fail for credentials give the error look, also after the files changed; a working profile clears it', async () => {
    fs.writeFileSync(configFile, `[profile pc-bad]\naws_access_key_id = AKIAUNKNOWNKEY000000\naws_secret_access_key = wrong\n${STATIC_PROFILE}`);
    await waitFor('the profiles', () => api.connect.profiles().some((profile) => profile.name === 'pc-bad'));
    await setSetting('profile', 'pc-bad');
    await api.connect.settled();
    await vscode.commands.executeCommand('partnerCentral.refreshTasks');
    await waitFor('the error look', () => api.connect.item().error);
    assert.match(api.connect.item().tooltip, /Credentials failed: AWS does not recognise these credentials/);
    assert.equal(signInPrompts(), 0, 'static keys are not signed in to');

    fs.appendFileSync(configFile, '\n[profile pc-other]\nregion = us-east-1\n');
    await waitFor('the re-read files', () => api.connect.profiles().some((profile) => profile.name === 'pc-other'));
    await api.connect.settled();
    await vscode.commands.executeCommand('partnerCentral.refreshTasks');
    await waitFor('the error look after the files changed', () => api.connect.item().error);

    await setSetting('profile', 'pc-static');
    await api.connect.settled();
    await vscode.commands.executeCommand('partnerCentral.refreshTasks');
    await waitFor('working credentials', () => api.connect.health().status === 'ok');
    assert.equal(api.connect.item().error, false);
  });

  /** A stand-in for the AWS CLI first on PATH (it takes a moment, as a real sign-in does, then succeeds), and an SSO profile never signed in. */
  async function useFakeCliAndSsoProfile(): Promise<{ fakeAws: string; dispose(): void }> {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-fake-aws-'));
    const fakeAws = path.join(bin, 'aws');
    fs.writeFileSync(fakeAws, '#!/bin/sh\necho "fake aws $*"\nsleep 3\nexit 0\n', { mode: 0o755 });
    const savedPath = process.env.PATH;
    process.env.PATH = `${bin}${path.delimiter}${savedPath ?? ''}`;
    const session = `pc-test-${Date.now()}`;
    fs.writeFileSync(configFile, [
      '[profile pc-sso]',
      `sso_session = ${session}`,
      'sso_account_id = 123456789012',
      'sso_role_name = PartnerCentral',
      `[sso-session ${session}]`,
      'sso_start_url = https://pc-test.awsapps.com/start',
      'sso_region = us-east-1',
      '',
    ].join('\n'));
    await waitFor('the SSO profile to be listed', () => api.connect.profiles().some((profile) => profile.name === 'pc-sso'));
    return {
      fakeAws,
      dispose: () => {
        process.env.PATH = savedPath;
        fs.rmSync(bin, { recursive: true, force: true });
      },
    };
  }

  test('an SSO profile that is not signed in: one prompt for a run of failures, the error look, and Sign In in the connection menu', async () => {
    const cli = await useFakeCliAndSsoProfile();
    try {
      await setSetting('profile', 'pc-sso');
      await prompts.waitForMessage(/Sign in to use profile pc-sso/);
      await waitFor('the error look', () => api.connect.item().error);
      assert.match(api.connect.item().tooltip, /Credentials failed: Not signed in to the SSO session of profile pc-sso/);

      // The prompt was dismissed; more failures of the same run: calls with the profile, and a re-read of the files.
      await vscode.commands.executeCommand('partnerCentral.refreshTasks');
      fs.appendFileSync(configFile, '\n[profile pc-other]\nregion = us-east-1\n');
      await waitFor('the re-read files', () => api.connect.profiles().some((profile) => profile.name === 'pc-other'));
      await api.connect.settled();
      await vscode.commands.executeCommand('partnerCentral.refreshTasks');
      assert.equal(signInPrompts(), 1, JSON.stringify(prompts.messages));

      const opened = nextEvent(vscode.window.onDidOpenTerminal, (terminal) => terminal.name.startsWith('AWS SSO Sign-In'), 'the sign-in terminal');
      prompts.connectionAction = 'signIn';
      await vscode.commands.executeCommand('partnerCentral.showConnectionMenu');
      assert.deepEqual(prompts.connectionMenus[0].offered, ['selectProfile', 'testConnection', 'signIn', 'useLocalEmulator', 'showLog']);
      assert.match(prompts.connectionMenus[0].title, /Not signed in/);
      const terminal = await opened;
      assert.deepEqual((terminal.creationOptions as vscode.TerminalOptions).shellArgs, ['sso', 'login', '--profile', 'pc-sso']);
      await nextEvent(api.connect.onDidRequestNewSession, (reason) => reason === 'signedIn', 'the signed-in event');
    } finally {
      cli.dispose();
    }
  });

  test('the Sign In of that one notification runs aws sso login in a terminal; its success starts a new run', async () => {
    const cli = await useFakeCliAndSsoProfile();
    try {
      prompts.buttons.push({ match: /Sign in to use profile pc-sso/, action: 'Sign In' });
      const opened = nextEvent(vscode.window.onDidOpenTerminal, (terminal) => terminal.name.startsWith('AWS SSO Sign-In'), 'the sign-in terminal');
      await setSetting('profile', 'pc-sso');
      const terminal = await opened;
      const options = terminal.creationOptions as vscode.TerminalOptions;
      assert.deepEqual(
        { name: options.name, shellPath: options.shellPath, shellArgs: options.shellArgs },
        { name: 'AWS SSO Sign-In (pc-sso)', shellPath: cli.fakeAws, shellArgs: ['sso', 'login', '--profile', 'pc-sso'] },
      );
      prompts.buttons.length = 0;

      // Failures while signing in prompt no more.
      await vscode.commands.executeCommand('partnerCentral.refreshTasks');
      await api.connect.settled();
      assert.equal(signInPrompts(), 1, JSON.stringify(prompts.messages));

      // The CLI exits 0: the connection is made again; the token is still missing, so the new run prompts once more.
      await nextEvent(api.connect.onDidRequestNewSession, (reason) => reason === 'signedIn', 'the signed-in event');
      await waitFor('a prompt of the new run', () => signInPrompts() === 2 || undefined);
    } finally {
      cli.dispose();
    }
  });
});

import * as assert from 'node:assert/strict';
import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { ListEngagementsCommand } from '@aws-sdk/client-partnercentral-selling';
import { makeClient } from '../../support/emulator';

const ROOT = path.resolve(__dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'dist', 'emulator.js');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${timeoutMs} ms; output: ${output}`)), timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before printing ${pattern}; output: ${output}`));
    });
  });
}

describe('emulator: CLI (dist/emulator.js)', () => {
  before(function () {
    this.timeout(30_000);
    execFileSync(process.execPath, ['esbuild.js', '--emulator'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('prints its URL and the credentials hint, serves the SDK, and exits cleanly on SIGTERM', async function () {
    this.timeout(15_000);
    const port = await freePort();
    const child = spawn(process.execPath, [BUNDLE, '--port', String(port), '--engagements', '12', '--task-duration', '1', '--seed', '3'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const match = await waitForLine(child, /http:\/\/127\.0\.0\.1:(\d+)/, 10_000);
      assert.equal(Number(match[1]), port);
      const client = makeClient(`http://127.0.0.1:${port}`, { maxAttempts: 1 });
      try {
        const out = await client.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 100 }));
        assert.equal(out.EngagementSummaryList?.length, 12);
      } finally {
        client.destroy();
      }
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects bad options with exit code 2 and a message, no stack trace', () => {
    for (const args of [['--port', 'abc'], ['--bogus'], ['--task-duration', '-1'], ['--opportunity-task-duration', 'soon'], ['--engagements']]) {
      const result = spawnSync(process.execPath, [BUNDLE, ...args], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /^emulator: /);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
  });

  it('prints help with --help and exits 0', () => {
    const result = spawnSync(process.execPath, [BUNDLE, '--help'], { encoding: 'utf8', timeout: 10_000 });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /--no-throttle/);
    assert.match(result.stdout, /--opportunity-task-duration <sec>/);
    assert.match(result.stdout, /1 other write\/s/);
  });

  it('accepts only the key pair given in its environment, and never prints the secret', async function () {
    this.timeout(15_000);
    const credentials = { accessKeyId: 'AKIAEMULATORTEST0001', secretAccessKey: 'test-secret/only+the+parent+knows+it0000' };
    const child = spawn(process.execPath, [BUNDLE, '--port', '0', '--engagements', '3'], {
      cwd: ROOT,
      env: { ...process.env, PARTNER_CENTRAL_EMULATOR_ACCESS_KEY_ID: credentials.accessKeyId, PARTNER_CENTRAL_EMULATOR_SECRET_ACCESS_KEY: credentials.secretAccessKey },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const match = await waitForLine(child, /listening on (http:\/\/127\.0\.0\.1:\d+)/, 10_000);
      const endpoint = match[1]!;
      const own = makeClient(endpoint, { maxAttempts: 1, credentials });
      const example = makeClient(endpoint, { maxAttempts: 1 });
      try {
        const out = await own.send(new ListEngagementsCommand({ Catalog: 'Sandbox', MaxResults: 100 }));
        assert.equal(out.EngagementSummaryList?.length, 3);
        await assert.rejects(example.send(new ListEngagementsCommand({ Catalog: 'Sandbox' })), { name: 'UnrecognizedClientException' });
      } finally {
        own.destroy();
        example.destroy();
      }
      assert.doesNotMatch(output, /test-secret/);
      assert.doesNotMatch(output, /wJalrXUtnFEMI/, 'The banner still advertises the example key pair');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('with --exit-with-stdin, exits when its standard input closes (its parent died)', async function () {
    this.timeout(15_000);
    const child = spawn(process.execPath, [BUNDLE, '--port', '0', '--engagements', '1', '--exit-with-stdin'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    try {
      await waitForLine(child, /listening on/, 10_000);
      const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
      child.stdin?.end();
      assert.equal(await exited, 0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it('rejects half a key pair in its environment with exit code 2', () => {
    const result = spawnSync(process.execPath, [BUNDLE, '--port', '0'], {
      encoding: 'utf8',
      timeout: 10_000,
      env: { ...process.env, PARTNER_CENTRAL_EMULATOR_ACCESS_KEY_ID: 'AKIAEMULATORTEST0001' },
    });
    assert.equal(result.status, 2);
    assert.match(result.stderr, /PARTNER_CENTRAL_EMULATOR_SECRET_ACCESS_KEY must be set together/);
  });
});

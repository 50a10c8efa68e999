import * as assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import * as path from 'node:path';
import { EmulatorProcess, randomKeyPair } from '../../../src/ui/localEmulator/emulatorProcess';

const ROOT = path.resolve(__dirname, '../../../..');
const BUNDLE = path.join(ROOT, 'dist', 'emulator.js');
const MODULE = path.join(ROOT, 'out', 'src', 'ui', 'localEmulator', 'emulatorProcess.js');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitGone(pid: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (alive(pid)) {
    if (Date.now() > deadline) throw new Error(`pid ${pid} is still running after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('local emulator: the child process (src/ui/localEmulator/emulatorProcess.ts)', () => {
  before(function () {
    this.timeout(30_000);
    execFileSync(process.execPath, ['esbuild.js', '--emulator'], { cwd: ROOT, stdio: 'pipe' });
  });

  it('starts on a free loopback port with a random key pair, answers health, and stop() ends it', async function () {
    this.timeout(15_000);
    const credentials = randomKeyPair();
    assert.match(credentials.accessKeyId, /^AKIA[A-Z2-7]{16}$/);
    assert.notDeepEqual(randomKeyPair(), credentials);
    const lines: string[] = [];
    const emulator = await EmulatorProcess.start({ script: BUNDLE, credentials, taskDurationSeconds: 1 }, (line) => lines.push(line));
    try {
      assert.match(emulator.endpoint, /^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(`${emulator.endpoint}/__emulator/health`);
      assert.deepEqual(await response.json(), { ok: true });
      assert.ok(!lines.join('\n').includes(credentials.secretAccessKey), 'The secret reached the output');
    } finally {
      await emulator.stop();
    }
    assert.equal(emulator.running, false);
    await waitGone(emulator.pid!, 2000);
  });

  it('dies with its parent, even one killed with SIGKILL', async function () {
    this.timeout(20_000);
    const script = `
      const { EmulatorProcess, randomKeyPair } = require(${JSON.stringify(MODULE)});
      EmulatorProcess.start({ script: ${JSON.stringify(BUNDLE)}, credentials: randomKeyPair(), taskDurationSeconds: 1 }, () => {})
        .then((emulator) => console.log('PID ' + emulator.pid), (error) => { console.error(error.message); process.exit(1); });
      setInterval(() => {}, 1000);`;
    const parent = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      const pid = await new Promise<number>((resolve, reject) => {
        let output = '';
        parent.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /PID (\d+)/.exec(output);
          if (match) resolve(Number(match[1]));
        });
        parent.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
        parent.once('exit', () => reject(new Error(`The parent ended first: ${output}`)));
      });
      assert.ok(alive(pid));
      parent.kill('SIGKILL');
      await waitGone(pid, 5000);
    } finally {
      if (parent.exitCode === null) parent.kill('SIGKILL');
    }
  });
});

import * as assert from 'node:assert/strict';
import { createPartnerCentralClient } from '../../../src/aws/client';
import { type CallLogger } from '../../../src/aws/callLogging';
import { lookUpEngagementTitles } from '../../../src/aws/engagementTitles';
import { getProspectingTask, iterateProspectingTasks, listProspectingTasks, startProspectingTask } from '../../../src/aws/prospectingTasks';
import { DEFAULT_CREDENTIALS, startTestEmulator, type TestEmulator } from '../../support/emulator';
import { useEmulatorCredentialsFromEnvironment } from './awsTestEnvironment';

const START = 'StartProspectingFromEngagementTask';

class CapturingLogger implements CallLogger {
  readonly lines: Array<{ level: string; message: string }> = [];
  trace = (message: string): void => void this.lines.push({ level: 'trace', message });
  debug = (message: string): void => void this.lines.push({ level: 'debug', message });
  info = (message: string): void => void this.lines.push({ level: 'info', message });
  warn = (message: string): void => void this.lines.push({ level: 'warn', message });
  error = (message: string): void => void this.lines.push({ level: 'error', message });
  text(): string {
    return this.lines.map((line) => `${line.level} ${line.message}`).join('\n');
  }
}

describe('Partner Central client against the emulator', function () {
  this.timeout(30_000);
  let emulator: TestEmulator;
  let restoreEnvironment: () => void;

  before(async () => {
    restoreEnvironment = useEmulatorCredentialsFromEnvironment();
    emulator = await startTestEmulator({ throttle: false, taskDurationSeconds: 0 });
  });
  after(async () => {
    await emulator.close();
    restoreEnvironment();
  });
  beforeEach(() => emulator.reset());

  it('reaches the endpoint named only by AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING', async () => {
    process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING = emulator.endpoint;
    const client = createPartnerCentralClient({});
    try {
      const page = await listProspectingTasks(client, { catalog: 'Sandbox' });
      assert.deepEqual(page.TaskSummaries, []);
      assert.equal((await emulator.counts()).requestsPerOperation.ListProspectingFromEngagementTasks, 1);
    } finally {
      client.destroy();
      delete process.env.AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING;
    }
  });

  it('logs operation, request id and attempts, and never a secret', async () => {
    const logger = new CapturingLogger();
    const client = createPartnerCentralClient({ endpoint: emulator.endpoint }, logger);
    try {
      const [id] = await emulator.engagements('Sandbox', { limit: 1, failing: false });
      await emulator.injectFault({ operation: START, fault: 'internal', count: 1 });
      const output = await startProspectingTask(client, { catalog: 'Sandbox', clientToken: 'log-test-token', identifiers: [id], taskName: 'Logged' });
      await assert.rejects(getProspectingTask(client, { catalog: 'Sandbox', taskId: 'task-zzzzzzzzzzzzzz' }));

      const info = logger.lines.filter((line) => line.level === 'info').map((line) => line.message);
      assert.match(info[0], new RegExp(`^${START} ok in \\d+ ms, 2 attempts, .*request id ${output.$metadata.requestId}`));
      assert.ok(logger.lines.some((line) => line.level === 'debug' && /Identifiers=\[1 item\]/.test(line.message)));
      assert.ok(logger.lines.some((line) => line.level === 'debug' && /attempt: HTTP 500/.test(line.message)));
      assert.ok(logger.lines.some((line) => line.level === 'trace' && line.message.includes(id)));
      assert.ok(logger.lines.some((line) => line.level === 'warn' && /GetProspectingFromEngagementTask failed: ResourceNotFoundException/.test(line.message)));
      const text = logger.text();
      assert.ok(!text.includes(DEFAULT_CREDENTIALS.secretAccessKey), 'secret key logged');
      assert.ok(!text.includes(DEFAULT_CREDENTIALS.accessKeyId), 'access key id logged');
      assert.ok(!text.includes('Signature='), 'signature logged');
      assert.ok(!/authorization/i.test(text), 'headers logged');
      console.log(`      ${logger.lines.length} log lines, e.g. "${info[0]}"`);
    } finally {
      client.destroy();
    }
  });

  it('pages through every task and looks up engagement titles', async () => {
    const client = createPartnerCentralClient({ endpoint: emulator.endpoint });
    try {
      const ids = await emulator.engagements('Sandbox', { limit: 25, failing: false });
      for (let i = 0; i < 5; i++) {
        await startProspectingTask(client, { catalog: 'Sandbox', clientToken: `page-${i}`, identifiers: [ids[i]], taskName: `Task ${i}` });
      }
      const names: string[] = [];
      for await (const task of iterateProspectingTasks(client, { catalog: 'Sandbox' }, 2)) names.push(task.TaskName ?? '');
      assert.deepEqual(names.sort(), ['Task 0', 'Task 1', 'Task 2', 'Task 3', 'Task 4']);

      const titles = await lookUpEngagementTitles(client, 'Sandbox', [...ids, 'eng-zzzzzzzzzzzzzz']);
      assert.equal(titles.size, 25);
      assert.ok(!titles.has('eng-zzzzzzzzzzzzzz'));
      assert.equal((await emulator.counts()).requestsPerOperation.ListEngagements, 3);
    } finally {
      client.destroy();
    }
  });
});

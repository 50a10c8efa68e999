import { parseArgs } from 'node:util';
import { type EmulatorOptions, startEmulator } from './index';
import {
  DEFAULT_CREDENTIALS, DEFAULT_ENGAGEMENTS_PER_CATALOG, DEFAULT_TASK_DURATION_SECONDS, MAX_DEFAULT_OPPORTUNITY_TASK_DURATION_SECONDS, REGION,
  type EmulatorCredentials,
} from './options';

export const DEFAULT_PORT = 8899;
/** The one key pair to accept instead of the documentation's example pair: in the environment, never in argv (`ps` shows argv). */
export const ACCESS_KEY_ID_ENV = 'PARTNER_CENTRAL_EMULATOR_ACCESS_KEY_ID';
export const SECRET_ACCESS_KEY_ENV = 'PARTNER_CENTRAL_EMULATOR_SECRET_ACCESS_KEY';

const USAGE = `Usage: node dist/emulator.js [options]
       npm run emulator -- [options]

Local emulator of the AWS Partner Central Selling prospecting and opportunity-from-engagement API
(awsJson1_0, SigV4) on 127.0.0.1.

Options:
  --port <p>              TCP port (default ${DEFAULT_PORT}; 0 = any free port)
  --engagements <n>       engagements per catalog, AWS and Sandbox (default ${DEFAULT_ENGAGEMENTS_PER_CATALOG})
  --task-duration <sec>   seconds a prospecting task runs (default ${DEFAULT_TASK_DURATION_SECONDS}; 0 = done at once)
  --opportunity-task-duration <sec>
                          seconds an opportunity task runs (default: the task duration, at most ${MAX_DEFAULT_OPPORTUNITY_TASK_DURATION_SECONDS})
  --no-throttle           disable the per-access-key quotas (2 Start/s, 100 Get/s, 50 List/s,
                          10 other reads/s, 1 other write/s)
  --seed <n>              seed of the generated engagements (default 1)
  --exit-with-stdin       exit when standard input closes (a parent process that dies takes the emulator with it)
  --help                  show this help

Environment:
  ${ACCESS_KEY_ID_ENV}, ${SECRET_ACCESS_KEY_ENV}
                          accept only this key pair (both or neither; it is never printed)
`;

interface CliOptions {
  emulator: EmulatorOptions;
  exitWithStdin: boolean;
  /** The key pair came from the environment: the banner does not print it. */
  privateCredentials: boolean;
}

class UsageError extends Error {}

function parseOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions | 'help' {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        engagements: { type: 'string' },
        'task-duration': { type: 'string' },
        'opportunity-task-duration': { type: 'string' },
        'no-throttle': { type: 'boolean' },
        seed: { type: 'string' },
        'exit-with-stdin': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const credentials = credentialsFrom(env);
  return {
    emulator: {
      port: integer(values.port, '--port', 0, 65535) ?? DEFAULT_PORT,
      engagementsPerCatalog: integer(values.engagements, '--engagements', 0, 100_000),
      taskDurationSeconds: number(values['task-duration'], '--task-duration'),
      opportunityTaskDurationSeconds: number(values['opportunity-task-duration'], '--opportunity-task-duration'),
      throttle: !values['no-throttle'],
      seed: integer(values.seed, '--seed', 0, 2 ** 31 - 1),
      ...(credentials ? { credentials: [credentials] } : {}),
    },
    exitWithStdin: values['exit-with-stdin'] === true,
    privateCredentials: credentials !== undefined,
  };
}

function credentialsFrom(env: NodeJS.ProcessEnv): EmulatorCredentials | undefined {
  const accessKeyId = env[ACCESS_KEY_ID_ENV];
  const secretAccessKey = env[SECRET_ACCESS_KEY_ENV];
  if (accessKeyId === undefined && secretAccessKey === undefined) return undefined;
  if (!accessKeyId || !secretAccessKey) throw new UsageError(`${ACCESS_KEY_ID_ENV} and ${SECRET_ACCESS_KEY_ENV} must be set together, both non-empty`);
  if (!/^[A-Z0-9]{16,128}$/.test(accessKeyId)) throw new UsageError(`${ACCESS_KEY_ID_ENV} must be 16 to 128 upper-case letters and digits`);
  return { accessKeyId, secretAccessKey };
}

function integer(value: string | boolean | undefined, name: string, min: number, max: number): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = Number(value);
  if (!/^\d+$/.test(value) || parsed < min || parsed > max) throw new UsageError(`${name} must be an integer from ${min} to ${max}, got "${value}"`);
  return parsed;
}

function number(value: string | boolean | undefined, name: string): number | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = Number(value);
  if (value.trim() === '' || !Number.isFinite(parsed) || parsed < 0 || parsed > 86_400) {
    throw new UsageError(`${name} must be a number of seconds from 0 to 86400, got "${value}"`);
  }
  return parsed;
}

async function main(): Promise<void> {
  let cli: CliOptions | 'help';
  try {
    cli = parseOptions(process.argv.slice(2), process.env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`emulator: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (cli === 'help') {
    process.stdout.write(USAGE);
    return;
  }
  const options = cli.emulator;

  let emulator;
  try {
    emulator = await startEmulator(options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EADDRINUSE' ? `port ${options.port} is already in use (try --port 0)` : (error as Error).message;
    process.stderr.write(`emulator: cannot start: ${reason}\n`);
    process.exit(1);
  }

  const taskSeconds = options.taskDurationSeconds ?? DEFAULT_TASK_DURATION_SECONDS;
  const opportunitySeconds = options.opportunityTaskDurationSeconds ?? Math.min(taskSeconds, MAX_DEFAULT_OPPORTUNITY_TASK_DURATION_SECONDS);
  const credentialLines = cli.privateCredentials
    ? `    AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY: the pair given in ${ACCESS_KEY_ID_ENV} and ${SECRET_ACCESS_KEY_ENV}\n`
    : `    AWS_ACCESS_KEY_ID=${DEFAULT_CREDENTIALS.accessKeyId}\n` + `    AWS_SECRET_ACCESS_KEY=${DEFAULT_CREDENTIALS.secretAccessKey}\n`;
  process.stdout.write(
    `Partner Central Selling emulator listening on ${emulator.endpoint}\n` +
      `  catalogs AWS and Sandbox, ${options.engagementsPerCatalog ?? DEFAULT_ENGAGEMENTS_PER_CATALOG} engagements each; ` +
      `prospecting tasks take ${taskSeconds} s, opportunity tasks ${opportunitySeconds} s; throttling ${options.throttle ? 'on' : 'off'}\n` +
      `  Point the AWS SDK or CLI at it with:\n` +
      `    AWS_ENDPOINT_URL_PARTNERCENTRAL_SELLING=${emulator.endpoint}\n` +
      credentialLines +
      `    AWS_REGION=${REGION}\n` +
      `  Control API: ${emulator.endpoint}/__emulator/ (counts, faults, reset, engagements). Ctrl+C to stop.\n`,
  );

  let stopping = false;
  const stop = (reason: string): void => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${reason}, stopping the emulator\n`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`emulator: error while closing: ${String(error)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', (signal) => stop(`Received ${signal}`));
  process.on('SIGTERM', (signal) => stop(`Received ${signal}`));
  if (cli.exitWithStdin) {
    // The parent holds the other end of stdin: when it exits (even killed), the pipe closes.
    process.stdin.on('end', () => stop('Standard input closed'));
    process.stdin.on('error', () => stop('Standard input failed'));
    process.stdin.resume();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`emulator: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

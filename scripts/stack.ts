import * as fs from 'node:fs';
import * as path from 'node:path';
import { startCodeServer, type CodeServer, type CodeServerOptions } from './codeServer/server';
import { sampleEngagements, startEmulatorBeside, type EmulatorHandle, type EmulatorOptions } from './emulator';
import { CACHE_DIR } from './paths';
import { createSampleWorkspace, type SampleWorkspace } from './sampleWorkspace';

/**
 * What every runner needs: the emulator (src/emulator), a sample workspace generated
 * from the emulator's ids, and code-server whose extension host sees the emulator through the SDK's own
 * endpoint variable. Everything started is registered with scripts/processes.ts for cleanup.
 */
export interface Stack {
  emulator: EmulatorHandle;
  workspace: SampleWorkspace;
  server: CodeServer;
  env: Record<string, string | undefined>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Where to generate the sample workspace (default .vscode-test/sample-workspace). */
  workspaceFolder?: string;
  emulator?: EmulatorOptions;
  env?: Record<string, string | undefined>;
  codeServer?: Omit<CodeServerOptions, 'env'>;
}

/** How long the emulator's prospecting tasks run in test runs (short, so suites can follow tasks to the end). */
export const TEST_TASK_SECONDS = Number(process.env.PARTNER_CENTRAL_EMULATOR_TASK_SECONDS ?? 5);

/** The emulator (registered for cleanup) and a sample workspace in `folder` generated from its engagement ids. */
export async function startEmulatorWithWorkspace(
  folder: string,
  options: EmulatorOptions,
): Promise<{ emulator: EmulatorHandle; workspace: SampleWorkspace }> {
  const emulator = await startEmulatorBeside(options);
  const engagements = await sampleEngagements(emulator.emulator.endpoint);
  fs.mkdirSync(path.dirname(folder), { recursive: true });
  return { emulator, workspace: createSampleWorkspace(folder, engagements) };
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const emulatorOptions: EmulatorOptions = { seed: 42, taskDurationSeconds: TEST_TASK_SECONDS, ...options.emulator };
  const folder = options.workspaceFolder ?? path.join(CACHE_DIR, 'sample-workspace');
  const { emulator, workspace } = await startEmulatorWithWorkspace(folder, emulatorOptions);
  console.log(`[stack] emulator on ${emulator.emulator.endpoint} (sample: ${workspace.known.length} + ${workspace.failing.length} failing Sandbox engagements)`);
  const env = {
    ...emulator.env,
    PARTNER_CENTRAL_EMULATOR_TASK_SECONDS: String(emulatorOptions.taskDurationSeconds),
    ...options.env,
  };
  let server: CodeServer;
  try {
    server = await startCodeServer({ ...options.codeServer, env });
  } catch (error) {
    await emulator.emulator.close();
    throw error;
  }
  return {
    emulator,
    workspace,
    server,
    env,
    async stop() {
      await server.stop();
      await emulator.emulator.close();
    },
  };
}

import { type AddressInfo } from 'node:net';
import { type EmulatorOptions, resolveOptions } from './options';
import { createEmulatorServer } from './server';
import { EmulatorState } from './state';

export { DEFAULT_CREDENTIALS, type EmulatorCredentials, type EmulatorOptions } from './options';
export { CONTROL_PREFIX, type EngagementListing } from './control';
export { FAULT_KINDS, type FaultKind, type FaultSpec, type PendingFault } from './faults';
export { OPERATIONS, type OperationName } from './model';

export interface RunningEmulator {
  /** http://127.0.0.1:<port> */
  endpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Counts reported by GET /__emulator/counts. */
export interface EmulatorCounts {
  tasksPerCatalog: Record<string, number>;
  tasksPerClientToken: Record<string, number>;
  opportunityTasksPerCatalog: Record<string, number>;
  opportunityTasksPerClientToken: Record<string, number>;
  /** Opportunity tasks per `Catalog/engagementId/contextId`. */
  opportunityTasksPerContext: Record<string, number>;
  requestsPerOperation: Record<string, number>;
}

/** Starts an emulator on 127.0.0.1; resolves once it accepts connections. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const config = resolveOptions(options);
  const state = new EmulatorState(config);
  const { server, abortPending } = createEmulatorServer(state);

  await new Promise<void>((resolve, reject) => {
    const onError = (error: Error): void => reject(error);
    server.once('error', onError);
    server.listen(config.port, '127.0.0.1', () => {
      server.off('error', onError);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  let closed: Promise<void> | undefined;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    close(): Promise<void> {
      closed ??= new Promise<void>((resolve, reject) => {
        abortPending();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

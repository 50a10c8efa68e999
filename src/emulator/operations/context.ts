import { type EmulatorState } from '../state';
import { type Input } from '../validation';

interface OperationContext {
  state: EmulatorState;
  /** The emulator clock at the time the request is handled. */
  nowMs: number;
}

export type Operation = (context: OperationContext, input: Input) => Record<string, unknown>;

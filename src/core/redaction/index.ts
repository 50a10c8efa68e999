export * from './sessionSecrets';
export * from './logRedaction';
export * from './externalText';
export * from './redactingLogger';

export * from './clock';
export * from './pollSchedule';
export * from './pollErrors';
export * from './poller';
export * from './pollCatalog';

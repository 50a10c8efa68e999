export * from './eligibility';
export * from './intentCheck';
export * from './opportunityPacing';
export * from './opportunityTaskRow';
export * from './pendingOpportunities';
export * from './reasonExplanations';
export * from './startErrorExplanations';

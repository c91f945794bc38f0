export * from './evaluation-workflow';
export * from './evaluation-checks';

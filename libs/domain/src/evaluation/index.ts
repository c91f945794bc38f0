export * from './evaluation-workflow';
export * from './evaluation-checks';
export * from './evaluation-diff';
export * from './indicator-tree';

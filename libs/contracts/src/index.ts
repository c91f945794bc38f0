export * from './labels';
export * from './auth';
export * from './organizations';
export * from './projects';
export * from './forms';
export * from './errors';
export * from './workflow';
export * from './evaluations';

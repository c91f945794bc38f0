export * from './labels';
export * from './http';

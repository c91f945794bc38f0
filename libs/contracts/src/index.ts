export * from './labels';
export * from './http';
export * from './client';

export * from './to-save-request';

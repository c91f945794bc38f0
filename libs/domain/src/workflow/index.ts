export * from './form-workflow';

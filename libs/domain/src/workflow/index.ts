export * from './form-workflow';
export * from './submission';

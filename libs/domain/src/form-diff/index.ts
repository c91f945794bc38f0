export * from './diff-forms';
export * from './field-text';

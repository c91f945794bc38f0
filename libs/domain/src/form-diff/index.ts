export * from './diff-forms';

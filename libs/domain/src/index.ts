export * from './value-grammar';

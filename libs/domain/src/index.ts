export * from './value-grammar';
export * from './money';

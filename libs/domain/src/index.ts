export * from './text';
export * from './value-grammar';
export * from './money';
export * from './form-checks';
export * from './indicators';
export * from './form-request';
export * from './workflow';
export * from './form-diff';

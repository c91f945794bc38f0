export * from './scoring-policy';
export * from './units';
export * from './score-evaluation';
export * from './shares';

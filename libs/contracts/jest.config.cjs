const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/../../.swcrc`, 'utf8'));
module.exports = {
  displayName: require('./package.json').name,
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  moduleNameMapper: { '^@jxt/(domain|contracts)$': '<rootDir>/../$1/src/index.ts' },
  // `--coverage` (npm test passes it): istanbul counters in the project's own files (ADR 0010); every source file
  // counts.
  coverageProvider: 'babel',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts'],
};

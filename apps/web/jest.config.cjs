// Component and logic tests of the SPA: jsdom, SWC with the React automatic runtime, the shared libs from source.
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/../../.swcrc`, 'utf8'));
const tsx = {
  ...swc,
  swcrc: false,
  jsc: {
    ...swc.jsc,
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
  },
};
module.exports = {
  displayName: require('./package.json').name,
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts', '**/*.spec.tsx'],
  // antd pages in jsdom take seconds a test on a busy 2-core machine (4–5 s for the indicator editor), near jest's
  // 5 s default; one limit for every spec instead of a jest.setTimeout in each (the whole editor's spec asks more).
  testTimeout: 30_000,
  setupFiles: ['<rootDir>/jest.polyfills.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/testing/setup.ts'],
  transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', tsx] },
  moduleNameMapper: {
    '^@jxt/(domain|contracts)$': '<rootDir>/../../libs/$1/src/index.ts',
    '\\.css$': '<rootDir>/src/testing/style-stub.ts',
  },
  // `--coverage` (npm test passes it): istanbul counters put into the project's own files only (babel-plugin-istanbul
  // after SWC); every source file counts, test helpers do not. Not V8's coverage: it also counts antd and React,
  // which made the heaviest specs five times slower (ADR 0010).
  coverageProvider: 'babel',
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.spec.{ts,tsx}', '!src/test-*.ts', '!src/**/testing/**'],
};

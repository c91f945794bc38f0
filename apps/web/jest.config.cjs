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
};

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
  setupFiles: ['<rootDir>/jest.polyfills.cjs'],
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', tsx] },
  moduleNameMapper: {
    '^@jxt/(domain|contracts)$': '<rootDir>/../../libs/$1/src/index.ts',
    '\\.css$': '<rootDir>/src/test-style-stub.ts',
  },
  // `--coverage` (npm test passes it): istanbul counters put into the project's own files only (babel-plugin-istanbul
  // after SWC); every source file counts, test helpers do not. Not V8's coverage: it also counts antd and React,
  // which made the heaviest specs five times slower (ADR 0010).
  coverageProvider: 'babel',
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.spec.{ts,tsx}', '!src/test-*.ts', '!src/**/testing/**'],
};

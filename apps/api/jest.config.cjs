// Unit tests of the API (src/**/*.spec.ts). The embedded-server spec starts real PostgreSQL servers.
const { readFileSync } = require('node:fs');
const swc = JSON.parse(readFileSync(`${__dirname}/../../.swcrc`, 'utf8'));
module.exports = {
  displayName: 'api',
  testEnvironment: 'node',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  testTimeout: 60000,
  transform: {
    '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
    // ESM-only dependencies (content-disposition 3, pulled in by @fastify/static; @scure/base and @noble/hashes, used
    // by otplib) compiled to CommonJS for jest (Node itself loads them with require(esm)).
    '^.+\\.js$': [
      '@swc/jest',
      { swcrc: false, jsc: { parser: { syntax: 'ecmascript' }, target: 'es2022' }, module: { type: 'commonjs' } },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@scure|@noble)/)'],
  moduleNameMapper: { '^@jxt/(domain|contracts)$': '<rootDir>/../../libs/$1/src/index.ts' },
  // `--coverage` (npm test passes it): istanbul counters put into the project's own files only (babel-plugin-istanbul
  // after SWC); every source file counts, loaded or not. Migrations are DDL the integration setup runs outside the
  // measured workers. Not V8's coverage: it counts every script the process runs, third-party ones too (ADR 0010).
  coverageProvider: 'babel',
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/database/migrations/**'],
};

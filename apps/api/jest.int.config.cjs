// Integration tests: the real API on a real PostgreSQL (embedded, or TEST_DATABASE_URL), one database per test file.
const base = require('./jest.config.cjs');
module.exports = {
  ...base,
  displayName: 'api:integration',
  roots: ['<rootDir>/test/integration'],
  testMatch: ['**/*.int-spec.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  testTimeout: 60000,
};

// End-to-end: the built app started as a user starts it (node dist/main.js, npm start), signals and restarts.
const base = require('./jest.config.cjs');
module.exports = {
  ...base,
  displayName: 'api:start',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e-spec.ts'],
  testTimeout: 120000,
};

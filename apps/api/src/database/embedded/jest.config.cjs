// Jest config for the embedded PostgreSQL module (integration-level: starts real servers).
//   npx jest -c apps/api/src/database/embedded/jest.config.cjs --testTimeout 60000
const { readFileSync } = require('node:fs');
const path = require('node:path');
const swc = JSON.parse(readFileSync(path.join(__dirname, '../../../../../.swcrc'), 'utf8'));
module.exports = {
  displayName: 'api:embedded-postgres',
  testEnvironment: 'node',
  rootDir: __dirname,
  testMatch: ['**/*.spec.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
};

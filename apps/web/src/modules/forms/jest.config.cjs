// Tests of the forms module only (jsdom + swc), independent of any apps/web jest config:
//   npx jest -c apps/web/src/modules/forms/jest.config.cjs
const { readFileSync } = require('node:fs');
const path = require('node:path');
const root = path.resolve(__dirname, '../../../../..');
const swc = JSON.parse(readFileSync(path.join(root, '.swcrc'), 'utf8'));
const tsx = {
  ...swc,
  swcrc: false,
  jsc: { ...swc.jsc, parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } },
};
module.exports = {
  displayName: 'web-forms',
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/**/*.spec.ts', '<rootDir>/**/*.spec.tsx'],
  transform: { '^.+\\.(ts|tsx)$': ['@swc/jest', tsx] },
  moduleNameMapper: {
    '^@jxt/(domain|contracts)$': `${root}/libs/$1/src/index.ts`,
    '\\.css$': `${__dirname}/testing/style-stub.cjs`,
  },
  setupFilesAfterEnv: [`${__dirname}/testing/setup-tests.ts`],
};

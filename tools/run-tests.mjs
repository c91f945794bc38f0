#!/usr/bin/env node
// @ts-check
// `npm test`: every test suite of the workspace, one after another, ending with one line
// "N passed, N failed" that sums them all. Exit code 1 when anything failed. Before that line, the test
// coverage of each jest suite that runs a project's code in-process (istanbul, see the jest configs).
//
//   npm test                                   contracts, domain, api unit, api integration (embedded PostgreSQL), api start (built app),
//                                              web unit (jsdom), web e2e (Playwright + Debian's Chromium on the built app)
//   npm test -- --external-db <owner-url>      also the integration suite against an external server
//   npm test -- --only api-integration         one suite by name
//   npm test -- --no-coverage                  without measuring coverage
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
/** @param {string} name */
const option = (name) => {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
};

/** @param {string} config */
const jest = (config) => ['node_modules/jest/bin/jest.js', '-c', config, '--ci'];
/** @param {string} config */
const playwright = (config) => ['node_modules/@playwright/test/cli.js', 'test', '-c', config];
/**
 * @typedef {object} Suite
 * @property {string} name
 * @property {string[]} command  node's arguments
 * @property {boolean} [build]  needs the built apps
 * @property {'playwright'} [report]  the JSON report is Playwright's, not jest's
 * @property {Record<string, string>} [env]
 * @property {boolean} [coverage]  measure jest coverage of the project's source
 */
/** @type {Suite[]} */
const suites = [
  { name: 'contracts', command: jest('libs/contracts/jest.config.cjs'), coverage: true },
  { name: 'domain', command: jest('libs/domain/jest.config.cjs'), coverage: true },
  { name: 'api-unit', command: jest('apps/api/jest.config.cjs'), coverage: true },
  { name: 'api-integration', command: [...jest('apps/api/jest.int.config.cjs'), '--maxWorkers=2'], coverage: true },
  // Starts the built app as a user does (node dist/main.js, npm start): needs a build first.
  { name: 'api-start', command: jest('apps/api/jest.e2e.config.cjs'), build: true },
  { name: 'web-unit', command: jest('apps/web/jest.config.cjs'), coverage: true },
  // The SPA in Chromium against the built app on its own fresh database (the config's global setup starts it).
  { name: 'web-e2e', command: playwright('apps/web-e2e/playwright.config.ts'), build: true, report: 'playwright' },
];
const external = option('--external-db');
if (external) {
  suites.push({
    name: 'api-integration-external',
    // The hostile-input property test (10,000 generated requests) runs once per `npm test`, in the suite above: it
    // tests the API's answers, which do not depend on where PostgreSQL runs.
    command: [
      ...jest('apps/api/jest.int.config.cjs'),
      '--maxWorkers=2',
      '--testPathIgnorePatterns',
      '\\.property\\.int-spec\\.ts$',
    ],
    env: { TEST_DATABASE_URL: external },
  });
}
const measureCoverage = !args.includes('--no-coverage');
const only = option('--only');
const selected = only ? suites.filter((s) => s.name === only) : suites;
if (!selected.length) {
  console.error(`no suite named ${only}; suites: ${suites.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

if (selected.some((s) => s.build)) {
  console.log('=== build ===');
  const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '--output-style=static'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (build.status !== 0) {
    console.log('0 passed, 1 failed');
    process.exit(1);
  }
}

const COVERAGE_COLUMNS = ['statements', 'branches', 'functions', 'lines'];
const COVERAGE_HEADER = 'coverage, %'.padEnd(26) + COVERAGE_COLUMNS.map((c) => c.padStart(11)).join('');
/**
 * One line of jest's json-summary totals: statements, branches, functions and lines in per cent.
 * @param {string} name
 * @param {string} summaryFile
 */
function coverageLine(name, summaryFile) {
  try {
    /** @type {Record<string, { pct: number }>} */
    const total = JSON.parse(readFileSync(summaryFile, 'utf8')).total;
    return name.padEnd(26) + COVERAGE_COLUMNS.map((key) => total[key].pct.toFixed(1).padStart(11)).join('');
  } catch {
    return `${name.padEnd(26)} no coverage report`;
  }
}

const work = mkdtempSync(join(tmpdir(), 'jxt-tests-'));
let passed = 0;
let failed = 0;
const rows = [];
/** @type {string[]} */
const coverageRows = [];
for (const suite of selected) {
  const outputFile = join(work, `${suite.name}.json`);
  console.log(`\n=== ${suite.name} ===`);
  const started = Date.now();
  const playwrightReport = suite.report === 'playwright';
  const coverageDir = join(work, `${suite.name}-coverage`);
  const coverage =
    suite.coverage && measureCoverage
      ? ['--coverage', '--coverageReporters=json-summary', `--coverageDirectory=${coverageDir}`]
      : [];
  const result = spawnSync(
    process.execPath,
    playwrightReport ? suite.command : [...suite.command, ...coverage, '--json', `--outputFile=${outputFile}`],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, ...suite.env, ...(playwrightReport ? { PW_JSON_OUTPUT: outputFile } : {}) },
    },
  );
  let p = 0;
  let f = 0;
  let s = 0;
  try {
    const report = JSON.parse(readFileSync(outputFile, 'utf8'));
    if (playwrightReport) {
      // Playwright's JSON reporter: expected = passed, flaky = passed on a retry, unexpected = failed.
      const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats ?? {};
      p = expected + flaky;
      f = unexpected;
      s = skipped;
      // A run that could not start its tests (global setup failed, no browser) reports errors, not tests.
      if (f === 0 && (report.errors?.length > 0 || !report.stats)) f = 1;
    } else {
      p = report.numPassedTests;
      f = report.numFailedTests;
      s = report.numPendingTests + (report.numTodoTests ?? 0);
      // A suite that could not run (syntax error, failed global setup) counts as one failure.
      if (report.numRuntimeErrorTestSuites > 0 || (!report.success && f === 0))
        f += Math.max(1, report.numRuntimeErrorTestSuites);
    }
  } catch {
    f = 1;
  }
  if (result.status !== 0 && f === 0) f = 1;
  passed += p;
  failed += f;
  rows.push(
    `${suite.name.padEnd(26)} ${String(p).padStart(4)} passed ${String(f).padStart(3)} failed${s ? ` ${String(s).padStart(3)} skipped` : ''}  ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  if (coverage.length) {
    const line = coverageLine(suite.name, join(coverageDir, 'coverage-summary.json'));
    console.log(`\n${COVERAGE_HEADER}\n${line}`);
    coverageRows.push(line);
  }
}
rmSync(work, { recursive: true, force: true });
console.log('\n' + rows.join('\n'));
if (coverageRows.length) {
  console.log(`\n${COVERAGE_HEADER}`);
  console.log(coverageRows.join('\n'));
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);

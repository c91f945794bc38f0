import { defineConfig } from '@playwright/test';
import { resolve } from 'node:path';
// Debian's Chromium as root on a closed network: the flags it needs (shared with tools/bench/web.mjs).
// Its --disable-features adds WebUIOmniboxPopup, WebUIOmniboxAimPopup and WebUIOmniboxFullPopup to Playwright's
// own list, repeated there: Chromium keeps only the last --disable-features it is given. Without them headless
// Chromium 156 renders its omnibox popup (a Lit app) for every new page, about 2.4 s of CPU beside each first load
// on 2 cores (docs/benchmarks-web.md).
import CHROMIUM_ARGS from './chromium-args.json';

// Browser tests against the built app (apps/api/dist serving apps/web/dist), started once per run by the
// global setup on a fresh database. Debian's Chromium: Playwright downloads no browser here.
// Run: npm run build, then `node node_modules/@playwright/test/cli.js test -c apps/web-e2e/playwright.config.ts`
// (or `npm test -- --only web-e2e`, which builds first).
export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  globalSetup: './support/global-setup.ts',
  globalTeardown: './support/global-teardown.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // Edit mode of a 15-indicator form and two browser contexts take a while on a busy 2-core machine.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['json', { outputFile: process.env.PW_JSON_OUTPUT || resolve(__dirname, 'test-results/results.json') }],
  ],
  use: {
    // Set by the global setup; the config is read again in each worker, after the setup ran.
    baseURL: process.env.JXT_E2E_BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1280, height: 720 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
});

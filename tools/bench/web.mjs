#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:web — the web app's speed targets (see docs/benchmarks-web.md), on the built app:
 *
 *  a. initial JavaScript of /login, gzipped: every script the browser fetches to show the login page
 *     (recorded by Playwright), each file's bytes from apps/web/dist gzipped with node:zlib (default
 *     level), summed. Also what index.html names (entry + modulepreload) and the CSS, for reference.
 *     Target < 350 KB.
 *  b. the form page's interactive time: /forms/<网络信息系统运行与维护> (15 indicators) opened N times,
 *     each in a fresh page of a logged-in browser context. In the page (an init script), from
 *     navigationStart (performance.now() = 0): `rows` = when the indicator table's last row is in the DOM
 *     (MutationObserver), `interactive` = the first idle callback after that (requestIdleCallback).
 *     Navigation timing (domInteractive, domContentLoadedEventEnd, loadEventEnd) beside it. Once with
 *     the HTTP cache of the context (a returning user) and once with a new context each time (cold cache).
 *     Median and p90 (nearest rank). Target < 1500 ms.
 *  c. typing latency in a 60-indicator form (made through the API): edit mode, 30 characters typed into
 *     the 30th 年度指标值 by Playwright's keyboard (real key events, 120 ms apart). Per keystroke:
 *     keydown's timeStamp → after the next animation frame (rAF, then a task), measured in the page;
 *     and the Event Timing API (PerformanceObserver 'event', durationThreshold 16 ms): the longest
 *     keydown/beforeinput/input/keyup entry of the keystroke's interaction, or "< 16 ms" when the browser
 *     reported none. Median and max. Target < 50 ms.
 *  e. the editor's checks in the same 60-indicator form (issue 14): after (c), CHECK_RUNS more characters typed, each
 *     followed by a pause longer than the editor's (so the checks run once per character); each run of every check
 *     is a User Timing measure the editor records (`jxt:live-checks`), read back from the page. Median and max.
 *     Target < 5 ms.
 *  d. 新建项目 to the editor open (issue 12): on 2021's 项目列表, N times: 新建项目, a new name and 经常性项目 typed
 *     (not timed), then from the click on 创建并填报 until the new draft's editor (article 编辑绩效目标填报表) is
 *     visible: the project and its draft made (POST /api/projects), the form, taxonomy and lists read, the editor
 *     rendered. Timed in Node around Playwright's click and wait (its own overhead included). Median and p90.
 *     Target < 1000 ms.
 *
 * The server is `node apps/api/dist/main.js` on a free loopback port with a fresh DATA_DIR under a 0755
 * mkdtemp folder (embedded PostgreSQL, demo seed), as the e2e global setup starts it. Chromium is
 * /usr/bin/chromium (or CHROMIUM_PATH) headless, with the flags of apps/web-e2e/playwright.config.ts.
 * The server is stopped and the folder removed at the end, also on failure or Ctrl-C.
 * Figures are reported, not asserted; the exit code is non-zero only when something fails.
 *
 * Options: --runs=N (navigations for b, default 15)
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { HEADER_FIELDS } from './lib/forms.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const DIST = join(ROOT, 'apps/web/dist');
const RESULTS_FILE = join(ROOT, 'tools/bench/results/web-latest.json');
const TARGETS = { loginJsGzipKB: 350, formInteractiveMs: 1500, typingMs: 50, newProjectMs: 1000, checksMs: 5 };
const FORM_NAME = '网络信息系统运行与维护';
const FORM_INDICATORS = 15;
const BIG_FORM_INDICATORS = 60;
const TYPED = '>=1234567890 abcdefghijklmnopq'; // 30 characters, each a real key press
const TYPED_ROW = 30;
/** Runs of the editor's checks timed in (e); its User Timing measure (FormEditor's LIVE_CHECKS_MEASURE). */
const CHECK_RUNS = 12;
const CHECKS_MEASURE = 'jxt:live-checks';

// The launch options of apps/web-e2e/playwright.config.ts (same flags file).
const LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: JSON.parse(readFileSync(join(ROOT, 'apps/web-e2e/chromium-args.json'), 'utf8')),
};
const CONTEXT = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 720 } };

const argv = process.argv.slice(2);
let RUNS = 15;
for (const a of argv) {
  const m = /^--runs=(\d+)$/.exec(a);
  if (m && Number(m[1]) > 0) RUNS = Number(m[1]);
  else {
    console.error(`unknown option ${a}\nusage: node tools/bench/web.mjs [--runs=N]`);
    process.exit(2);
  }
}

/** @param {number} ms @returns {Promise<void>} */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @param {number | null | undefined} x @returns {number | null} */
const round = (x, digits = 1) => (x == null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
/** @param {string} message */
const log = (message) => console.log(`[bench:web] ${message}`);
/** nearest-rank percentile @param {number[]} values @param {number} p */
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};
/** @param {number[]} values */
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
/** @param {number[]} values */
const stats = (values) => ({
  median: round(median(values)),
  p90: round(percentile(values, 90)),
  min: round(Math.min(...values)),
  max: round(Math.max(...values)),
});

// ------------------------------------------------------------------------------------------------ server and cleanup

/**
 * @typedef {object} WebServer
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} holder  the mkdtemp folder, removed at the end
 * @property {string} dataDir
 * @property {string} base  http://127.0.0.1:<port>
 * @property {Promise<unknown>} exited
 */
/** @type {WebServer | null} */
let server = null;
/** @type {import('@playwright/test').Browser | null} */
let browser = null;

/** The started app (after startServer()). */
function app() {
  if (!server) throw new Error('the app is not started');
  return server;
}

/** The launched Chromium (after main() launched it). */
function launched() {
  if (!browser) throw new Error('Chromium is not launched');
  return browser;
}

/** @returns {Promise<number>} */
function freePort() {
  return new Promise((done, fail) => {
    const srv = net.createServer();
    srv.once('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {net.AddressInfo} */ (srv.address());
      srv.close(() => done(port));
    });
  });
}

/** @param {number} pid */
function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startServer() {
  // mkdtemp makes a 0700 folder; the embedded PostgreSQL runs as the OS user postgres (when we are root) and must enter it.
  const holder = mkdtempSync(join(os.tmpdir(), 'jxt-bench-web-'));
  chmodSync(holder, 0o755);
  const port = await freePort();
  const dataDir = join(holder, 'data');
  const env = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
    APP_DATABASE_URL: '',
    SEED_DEMO: 'true',
  };
  const child = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  /** @type {Buffer[]} */
  const output = [];
  child.stdout.on('data', (/** @type {Buffer} */ c) => output.push(c));
  child.stderr.on('data', (/** @type {Buffer} */ c) => output.push(c));
  const exited = new Promise((r) => child.once('exit', r));
  const started = { child, holder, dataDir, base: `http://127.0.0.1:${port}`, exited };
  server = started;
  const t0 = Date.now();
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the app exited with ${child.exitCode}:\n${Buffer.concat(output).toString()}`);
    try {
      const res = await fetch(`${started.base}/api/health`);
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() - t0 > 120_000)
      throw new Error(`the app was not healthy within 120 s:\n${Buffer.concat(output).toString()}`);
    await sleep(200);
  }
  log(`app healthy on ${started.base} after ${((Date.now() - t0) / 1000).toFixed(1)} s (DATA_DIR ${dataDir})`);
  return started;
}

/** SIGTERM (the app stops its PostgreSQL), SIGKILL after 20 s, then the PostgreSQL by its postmaster.pid; remove the folder. */
async function stopServer() {
  if (!server) return;
  const { child, holder, dataDir, exited } = server;
  server = null;
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGTERM');
    const done = await Promise.race([exited.then(() => true), sleep(20_000).then(() => false)]);
    if (!done) {
      child.kill('SIGKILL');
      await Promise.race([exited, sleep(5_000)]);
    }
  }
  const postmaster = join(dataDir, 'postgres', 'postmaster.pid');
  if (existsSync(postmaster)) {
    const pid = Number(readFileSync(postmaster, 'utf8').split('\n')[0]);
    if (pid && alive(pid)) {
      process.kill(pid, 'SIGINT');
      const until = Date.now() + 10_000;
      while (alive(pid) && Date.now() < until) await sleep(100);
      if (alive(pid)) process.kill(pid, 'SIGKILL');
    }
  }
  rmSync(holder, { recursive: true, force: true });
}

/** @type {Promise<void> | null} */
let cleaning = null;
const cleanup = () =>
  (cleaning ??= (async () => {
    if (browser) await browser.close().catch(() => undefined);
    browser = null;
    await stopServer().catch((/** @type {Error} */ err) =>
      console.error(`[bench:web] stopping the app: ${err.message}`),
    );
  })());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'])
  process.on(signal, () => {
    console.error(`\n[bench:web] ${signal}: stopping the app and removing its data`);
    cleanup()
      .catch((err) => console.error(`[bench:web] cleanup failed: ${err}`))
      .finally(() => process.exit(130));
  });
// Last resort (should not happen): synchronous kill and removal.
process.on('exit', () => {
  if (!server) return;
  try {
    server.child.kill('SIGKILL');
    rmSync(server.holder, { recursive: true, force: true });
  } catch {
    // nothing more to do
  }
});

// ------------------------------------------------------------------------------------------------ API helpers

/**
 * @param {string} method
 * @param {string} path
 * @param {string | null} [token]
 * @param {unknown} [body]
 * @returns {Promise<any>} the answer's JSON, whose shape each caller knows
 */
async function api(method, path, token, body) {
  const res = await fetch(`${app().base}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

/** @param {string} username @param {string} password @returns {Promise<string>} */
async function loginToken(username, password) {
  return (await api('POST', '/api/auth/login', null, { username, password })).accessToken;
}

/**
 * A new 2021 project of the filer's unit, its form given `count` indicators over the taxonomy's groups.
 * @param {string} token
 * @param {number} count
 */
async function makeBigForm(token, count) {
  const me = await api('GET', '/api/auth/me', token);
  const organizationId = me.organization?.id ?? me.organizationId;
  const project = await api('POST', '/api/projects', token, {
    organizationId,
    year: 2021,
    code: `BENCH-WEB-${Date.now().toString(36)}`,
    name: `性能测试项目（${count} 个指标）`,
    categoryCode: 'recurring',
  });
  const form = await api('GET', `/api/forms/${project.formId}`, token);
  /** @type {[string, string, number][]} */
  const groups = [
    ['output', 'quantity', 24],
    ['output', 'quality', 10],
    ['output', 'timeliness', 6],
    ['benefit', 'social', 8],
    ['benefit', 'sustainable', 6],
    ['satisfaction', 'service_satisfaction', 6],
  ];
  const values = ['≥95%', '是', '≥12次', '提升', '=100%', '≤4小时', '满意'];
  let n = 0;
  /** @typedef {{ name: string, rawValue: string }} IndicatorInput */
  /** @type {{ code: string, children: { code: string, indicators: IndicatorInput[] }[] }[]} */
  const year = [];
  for (const [l1, l2, k] of groups) {
    let group = year.find((g) => g.code === l1);
    if (!group) year.push((group = { code: l1, children: [] }));
    /** @type {IndicatorInput[]} */
    const indicators = [];
    for (let i = 0; i < k && n < count; i++, n++)
      indicators.push({ name: `第${n + 1}项绩效指标：系统运行与服务保障情况`, rawValue: values[n % values.length] });
    group.children.push({ code: l2, indicators });
  }
  const body = {
    rowVersion: form.rowVersion,
    project: Object.fromEntries(HEADER_FIELDS.map((field) => [field, form.project[field] ?? null])),
    funds: {
      totalAmount: '1000000.00',
      fiscalAmount: '1000000.00',
      otherAmount: '0.00',
      annualAmount: '1000000.00',
      annualFiscalAmount: '1000000.00',
      carryOverAmount: '0.00',
      annualOtherAmount: '0.00',
    },
    totalGoal: '保障系统全年稳定运行。',
    annualGoal: '全年无重大故障。',
    goalPeriodStart: 2021,
    goalPeriodEnd: 2021,
    indicators: { year, longTerm: null },
  };
  body.project.plannedStart = '2021-01-01';
  body.project.plannedEnd = '2021-12-31';
  const saved = await api('PUT', `/api/forms/${form.id}`, token, body);
  const total = saved.indicators.year.flatMap((/** @type {{ children: { indicators: unknown[] }[] }} */ l1) =>
    l1.children.flatMap((l2) => l2.indicators),
  ).length;
  if (total !== count) throw new Error(`the big form has ${total} indicators, not ${count}`);
  return form.id;
}

/** @param {import('@playwright/test').BrowserContext} context @param {string} username @param {string} password */
async function logInBrowser(context, username, password) {
  const page = await context.newPage();
  await page.goto(`${app().base}/login`);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /^登\s*录$/ }).click();
  // Everyone lands on 待办 after logging in.
  await page.waitForURL(/\/inbox/);
  await page.close();
}

// ------------------------------------------------------------------------------------------------ a. login JS

async function benchLoginJs() {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  const css = [...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"/g)].map((m) => m[1]);
  const { base } = app();
  const context = await launched().newContext(CONTEXT);
  const page = await context.newPage();
  /** @type {Set<string>} */
  const loaded = new Set();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin === base && (response.request().resourceType() === 'script' || url.pathname.endsWith('.js')))
      loaded.add(url.pathname);
  });
  await page.goto(`${base}/login`, { waitUntil: 'networkidle' });
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
  await context.close();
  /** @param {string} path */
  const size = (path) => {
    const bytes = readFileSync(join(DIST, path));
    return { path, bytes: bytes.length, gzip: gzipSync(bytes).length };
  };
  const files = [...loaded].sort().map(size);
  /** @param {{ bytes: number, gzip: number }[]} list @param {'bytes' | 'gzip'} key */
  const sum = (list, key) => list.reduce((s, f) => s + f[key], 0);
  /** @param {number} bytes */
  const kb = (bytes) => round(bytes / 1024, 1);
  return {
    files: files.map((f) => ({ ...f, gzipKB: kb(f.gzip) })),
    scripts: files.length,
    rawKB: kb(sum(files, 'bytes')),
    gzipKB: kb(sum(files, 'gzip')),
    namedInIndexHtml: { files: named, gzipKB: kb(sum(named.map(size), 'gzip')) },
    indexHtmlGzipKB: kb(gzipSync(Buffer.from(html)).length),
    cssGzipKB: kb(sum(css.map(size), 'gzip')),
  };
}

// ------------------------------------------------------------------------------------------------ b. form interactive

/** In the page, before its scripts: when the indicator table has its last row, then the first idle moment. */
const MARK_SCRIPT = (/** @type {number} */ rowCount) => `(() => {
  const marks = (window.__benchMarks = {});
  const rows = () => document.querySelectorAll('table.sheet-indicators tbody tr').length;
  const check = () => {
    if (marks.rows != null || rows() < ${rowCount}) return;
    marks.rows = performance.now();
    observer.disconnect();
    requestIdleCallback(() => { marks.interactive = performance.now(); }, { timeout: 5000 });
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
})();`;

/**
 * The page's own globals that the init scripts (MARK_SCRIPT, TYPING_SCRIPT) set.
 * @typedef {{ rows: number, interactive?: number }} BenchMarks
 * @typedef {{ frames: { key: string, ms: number }[], events: EventEntry[], since?: number }} Typing
 * @typedef {{ name: string, duration: number, interactionId: number, startTime: number, processing: number }} EventEntry
 * @typedef {Window & { __benchMarks?: BenchMarks, __typing?: Typing }} BenchWindow
 */

/** @param {import('@playwright/test').BrowserContext} context @param {string} url */
async function openFormOnce(context, url) {
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.waitForSelector(`table.sheet-indicators tbody tr:nth-child(${FORM_INDICATORS})`);
    await page.waitForFunction(() => /** @type {BenchWindow} */ (window).__benchMarks?.interactive != null, null, {
      timeout: 10_000,
    });
    const m = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      const marks = /** @type {BenchMarks} */ (/** @type {BenchWindow} */ (window).__benchMarks);
      return {
        rows: marks.rows,
        interactive: marks.interactive,
        responseEnd: nav.responseEnd,
        domInteractive: nav.domInteractive,
        domContentLoadedEventEnd: nav.domContentLoadedEventEnd,
        loadEventEnd: nav.loadEventEnd,
        rowCount: document.querySelectorAll('table.sheet-indicators tbody tr').length,
        transferKB:
          /** @type {PerformanceResourceTiming[]} */ (performance.getEntriesByType('resource')).reduce(
            (s, e) => s + e.transferSize,
            nav.transferSize,
          ) / 1024,
      };
    });
    if (m.rowCount !== FORM_INDICATORS)
      throw new Error(`the form shows ${m.rowCount} indicator rows, not ${FORM_INDICATORS}`);
    return m;
  } finally {
    await page.close();
  }
}

/**
 * @typedef {import('@playwright/test').BrowserContextOptions['storageState']} StorageState
 * @typedef {Awaited<ReturnType<typeof openFormOnce>>} FormOpening
 */

/** @param {string} formId @param {StorageState} storageState */
async function benchFormInteractive(formId, storageState) {
  const url = `${app().base}/forms/${formId}`;
  /** @param {FormOpening[]} runs */
  const summarise = (runs) => ({
    runs: runs.length,
    interactiveMs: stats(runs.map((r) => r.interactive ?? NaN)),
    lastRowInDomMs: stats(runs.map((r) => r.rows)),
    domInteractiveMs: stats(runs.map((r) => r.domInteractive)),
    domContentLoadedEventEndMs: stats(runs.map((r) => r.domContentLoadedEventEnd)),
    loadEventEndMs: stats(runs.map((r) => r.loadEventEnd)),
    transferKB: stats(runs.map((r) => r.transferKB)),
    all: runs.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v)]))),
  });

  // A returning user: one logged-in context, its HTTP cache warm after a first (unmeasured) visit.
  const warmContext = await launched().newContext({ ...CONTEXT, storageState });
  await warmContext.addInitScript(MARK_SCRIPT(FORM_INDICATORS));
  await openFormOnce(warmContext, url);
  /** @type {FormOpening[]} */
  const warm = [];
  for (let i = 0; i < RUNS; i++) warm.push(await openFormOnce(warmContext, url));
  await warmContext.close();

  // First visit: a new context (empty HTTP cache) with the session cookie, each time.
  /** @type {FormOpening[]} */
  const cold = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await launched().newContext({ ...CONTEXT, storageState });
    await context.addInitScript(MARK_SCRIPT(FORM_INDICATORS));
    cold.push(await openFormOnce(context, url));
    await context.close();
  }
  return { url: `/forms/${formId}`, warmCache: summarise(warm), coldCache: summarise(cold) };
}

// ------------------------------------------------------------------------------------------------ d. 新建项目

/** @param {StorageState} storageState */
async function benchNewProject(storageState) {
  const context = await launched().newContext({ ...CONTEXT, storageState });
  const page = await context.newPage();
  /** @type {number[]} */
  const times = [];
  try {
    // One unmeasured round first (chunks of the dialog and the editor loaded), then RUNS measured.
    for (let i = 0; i <= RUNS; i++) {
      await page.goto(`${app().base}/projects?year=2021`);
      await page.getByRole('button', { name: /^新建项目$/ }).click();
      const dialog = page.getByRole('dialog', { name: /新建项目/ });
      await dialog.getByLabel('项目名称').fill(`基准测试新建项目 ${Date.now()}-${i}`);
      await dialog.getByLabel('项目类别').click();
      await page.locator('.ant-select-item-option[title="经常性项目"]').click();
      const create = dialog.getByRole('button', { name: /^创建并填报$/ });
      const editor = page.getByRole('article', { name: '编辑绩效目标填报表' });
      const start = performance.now();
      await create.click();
      await editor.waitFor({ state: 'visible' });
      const ms = performance.now() - start;
      if (!/\/forms\/[0-9a-f-]{36}$/.test(page.url())) throw new Error(`新建项目 ended at ${page.url()}`);
      if (i > 0) times.push(ms);
    }
  } finally {
    await context.close();
  }
  return { runs: times.length, toEditorMs: stats(times), all: times.map((t) => round(t)) };
}

// ------------------------------------------------------------------------------------------------ c. typing

const TYPING_SCRIPT = `(() => {
  const t = (window.__typing = { frames: [], events: [] });
  document.addEventListener('keydown', (e) => {
    const start = e.timeStamp;
    requestAnimationFrame(() => setTimeout(() => t.frames.push({ key: e.key, ms: performance.now() - start }), 0));
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries())
      t.events.push({ name: e.name, duration: e.duration, interactionId: e.interactionId, startTime: e.startTime, processing: e.processingEnd - e.processingStart });
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
})();`;

/** @param {string} formId @param {StorageState} storageState */
async function benchTyping(formId, storageState) {
  const context = await launched().newContext({ ...CONTEXT, storageState });
  await context.addInitScript(TYPING_SCRIPT);
  const page = await context.newPage();
  await page.goto(`${app().base}/forms/${formId}`);
  await page.getByRole('button', { name: /^编\s*辑$/ }).click();
  const input = page.getByRole('textbox', { name: `年度指标值 第${TYPED_ROW}行`, exact: true });
  await input.waitFor();
  const rows = await page.getByRole('textbox', { name: /^年度指标值 第\d+行$/ }).count();
  if (rows !== BIG_FORM_INDICATORS) throw new Error(`edit mode shows ${rows} value inputs, not ${BIG_FORM_INDICATORS}`);
  await input.click();
  await page.keyboard.press('End');
  const before = await input.inputValue();
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const typing = /** @type {BenchWindow} */ (window).__typing;
    if (!typing) throw new Error('the typing script did not run');
    typing.frames.length = 0;
    typing.events.length = 0;
    typing.since = performance.now();
  });
  await page.keyboard.type(TYPED, { delay: 120 });
  await page.waitForTimeout(500);
  const value = await input.inputValue();
  if (value !== before + TYPED) throw new Error(`typed text did not arrive: ${JSON.stringify(value)}`);
  const reading = await page.locator(`#${await input.getAttribute('aria-describedby')}`).textContent();
  const typing = await page.evaluate(() => /** @type {BenchWindow} */ (window).__typing);
  if (!typing) throw new Error('the typing script did not run');
  const { frames, events } = typing;
  // (e) The checks: one run per character typed after a pause longer than the editor's (300 ms).
  await page.evaluate((name) => performance.clearMeasures(name), CHECKS_MEASURE);
  for (let i = 0; i < CHECK_RUNS; i++) {
    await page.keyboard.type('9');
    await page.waitForTimeout(600);
  }
  const checksMs = await page.evaluate(
    (name) => performance.getEntriesByName(name, 'measure').map((e) => e.duration),
    CHECKS_MEASURE,
  );
  await context.close();
  if (checksMs.length < CHECK_RUNS) throw new Error(`the checks ran ${checksMs.length} times, not ${CHECK_RUNS}`);

  if (frames.length !== TYPED.length) throw new Error(`measured ${frames.length} keystrokes, not ${TYPED.length}`);
  const keyEvents = events.filter((e) => ['keydown', 'keypress', 'beforeinput', 'input', 'keyup'].includes(e.name));
  // Group Event Timing entries by interaction (a keydown and its keyup share one); the slowest entry of each.
  /** @type {Map<number, number>} */
  const byInteraction = new Map();
  for (const e of keyEvents)
    if (e.interactionId)
      byInteraction.set(e.interactionId, Math.max(byInteraction.get(e.interactionId) ?? 0, e.duration));
  const frameMs = frames.map((f) => f.ms);
  return {
    indicators: BIG_FORM_INDICATORS,
    typed: TYPED,
    keystrokes: frames.length,
    valueAfter: value,
    readingAfter: reading,
    keydownToNextFrameMs: stats(frameMs),
    eventTiming: {
      durationThresholdMs: 16,
      entriesOverThreshold: keyEvents.length,
      interactionsOverThreshold: byInteraction.size,
      // Keystrokes the browser did not report took < 16 ms: counted as 16 (an upper bound) for the median.
      medianMs: frames.length
        ? round(median([...byInteraction.values(), ...Array(Math.max(0, frames.length - byInteraction.size)).fill(16)]))
        : null,
      maxMs: keyEvents.length ? Math.max(...keyEvents.map((e) => e.duration)) : null,
      entries: keyEvents.map((e) => ({
        ...e,
        duration: round(e.duration),
        startTime: round(e.startTime),
        processing: round(e.processing),
      })),
    },
    perKeystrokeMs: frameMs.map((ms) => round(ms)),
    checks: { runs: checksMs.length, ms: stats(checksMs) },
  };
}

// ------------------------------------------------------------------------------------------------ report

function machine() {
  const cpus = os.cpus();
  return {
    nproc: os.availableParallelism?.() ?? cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

/**
 * What the run writes to tools/bench/results/web-latest.json.
 * @typedef {object} WebResults
 * @property {string} startedAt
 * @property {string} [finishedAt]
 * @property {number} runs
 * @property {typeof TARGETS} targets
 * @property {ReturnType<typeof machine> & { loadAverage1mAtEnd?: number | null }} machine
 * @property {string} [chromium]
 * @property {Awaited<ReturnType<typeof benchLoginJs>>} [loginJs]
 * @property {Awaited<ReturnType<typeof benchFormInteractive>>} [formInteractive]
 * @property {Awaited<ReturnType<typeof benchTyping>>} [typing]
 * @property {Awaited<ReturnType<typeof benchNewProject>>} [newProject]
 */

/** @param {Required<WebResults>} results */
function printReport(results) {
  /** @type {string[][]} */
  const rows = [];
  /** @param {string} what @param {number | string | null} value @param {string} unit @param {number | null} [target] */
  const row = (what, value, unit, target) => {
    const r = target && typeof value === 'number' ? round(value / target, 2) : null;
    rows.push([
      what,
      value == null ? '—' : `${value} ${unit}`,
      target ? `< ${target} ${unit}` : '',
      r == null ? '' : `${r}×`,
      r == null ? '' : r < 1 ? 'ok' : 'MISSED',
    ]);
  };
  const a = results.loginJs;
  row(`/login initial JS, gzip (${a.scripts} scripts)`, a.gzipKB, 'KB', TARGETS.loginJsGzipKB);
  row('/login initial JS, raw', a.rawKB, 'KB');
  row('index.html entry + modulepreload, gzip', a.namedInIndexHtml.gzipKB, 'KB');
  row('index.html CSS, gzip', a.cssGzipKB, 'KB');
  /** @type {[string, Awaited<ReturnType<typeof benchFormInteractive>>['warmCache']][]} */
  const caches = [
    ['warm cache', results.formInteractive.warmCache],
    ['cold cache', results.formInteractive.coldCache],
  ];
  for (const [label, b] of caches) {
    row(`form interactive, ${label}, median (n=${b.runs})`, b.interactiveMs.median, 'ms', TARGETS.formInteractiveMs);
    row(`form interactive, ${label}, p90`, b.interactiveMs.p90, 'ms', TARGETS.formInteractiveMs);
    row(`  last row in DOM, ${label}, median`, b.lastRowInDomMs.median, 'ms');
    row(
      `  domInteractive / DCL end / load end, ${label}, median`,
      `${b.domInteractiveMs.median} / ${b.domContentLoadedEventEndMs.median} / ${b.loadEventEndMs.median}`,
      'ms',
    );
  }
  const c = results.typing;
  row(
    `typing, keydown → next frame, median (${c.keystrokes} keys, ${c.indicators} indicators)`,
    c.keydownToNextFrameMs.median,
    'ms',
    TARGETS.typingMs,
  );
  row('typing, keydown → next frame, max', c.keydownToNextFrameMs.max, 'ms', TARGETS.typingMs);
  row(
    `typing, Event Timing median (${c.eventTiming.interactionsOverThreshold} of ${c.keystrokes} ≥ 16 ms)`,
    c.eventTiming.medianMs == null
      ? null
      : c.eventTiming.interactionsOverThreshold * 2 < c.keystrokes
        ? '< 16'
        : c.eventTiming.medianMs,
    'ms',
    null,
  );
  row('typing, Event Timing max', c.eventTiming.maxMs ?? '< 16', 'ms', TARGETS.typingMs);
  row(
    `all checks, ${c.indicators} indicators, median (n=${c.checks.runs})`,
    c.checks.ms.median,
    'ms',
    TARGETS.checksMs,
  );
  // The target is the median's: one run of twelve can meet a collection or a busy core.
  row('all checks, max', c.checks.ms.max, 'ms');
  const d = results.newProject;
  row(`新建项目 → editor open, median (n=${d.runs})`, d.toEditorMs.median, 'ms', TARGETS.newProjectMs);
  row('新建项目 → editor open, p90', d.toEditorMs.p90, 'ms', TARGETS.newProjectMs);
  const header = ['measure', 'value', 'target', 'ratio', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  /** @param {string[]} r */
  const line = (r) => r.map((cell, i) => String(cell).padEnd(widths[i])).join('  ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\n/login scripts (gzip KB):');
  for (const f of a.files)
    console.log(`  ${f.path.padEnd(48)} ${String(f.gzipKB).padStart(7)}  (${round(f.bytes / 1024)} KB raw)`);
  const m = results.machine;
  console.log(
    `\nmachine: ${m.nproc} cpus (${m.cpuModel}), ${m.memoryGiB} GiB, node ${m.node}, ${m.platform}, chromium ${results.chromium}; load ${m.loadAverage1m} at start, ${m.loadAverage1mAtEnd} at end`,
  );
}

// ------------------------------------------------------------------------------------------------

async function main() {
  for (const file of [MAIN, join(DIST, 'index.html')])
    if (!existsSync(file)) throw new Error(`${file} is missing: build first (npm run bench:web does)`);
  /** @type {WebResults} */
  const results = { startedAt: new Date().toISOString(), runs: RUNS, targets: TARGETS, machine: machine() };
  await startServer();
  browser = await chromium.launch(LAUNCH);
  results.chromium = browser.version();

  log('a. /login initial JavaScript');
  results.loginJs = await benchLoginJs();

  const token = await loginToken('filer', 'demo');
  const list = await api('GET', `/api/projects?year=2021&search=${encodeURIComponent(FORM_NAME)}`, token);
  const item = list.items.find((/** @type {{ name: string }} */ p) => p.name === FORM_NAME);
  if (!item) throw new Error(`${FORM_NAME} is not in the demo data`);
  const bigFormId = await makeBigForm(token, BIG_FORM_INDICATORS);

  const loginContext = await launched().newContext(CONTEXT);
  await logInBrowser(loginContext, 'filer', 'demo');
  const storageState = await loginContext.storageState();
  await loginContext.close();

  log(`b. form page interactive, ${RUNS}× warm cache and ${RUNS}× cold cache`);
  results.formInteractive = await benchFormInteractive(item.formId, storageState);
  log(`c. typing ${TYPED.length} characters into a ${BIG_FORM_INDICATORS}-indicator form`);
  results.typing = await benchTyping(bigFormId, storageState);
  log(`d. 新建项目 to the editor open, ${RUNS}×`);
  results.newProject = await benchNewProject(storageState);

  results.machine.loadAverage1mAtEnd = round(os.loadavg()[0], 2);
  results.finishedAt = new Date().toISOString();
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  printReport(/** @type {Required<WebResults>} */ (results));
  log(`wrote ${RESULTS_FILE}`);
}

try {
  await main();
} catch (err) {
  console.error(`[bench:web] failed: ${/** @type {Error} */ (err).stack ?? err}`);
  process.exitCode = 1;
} finally {
  await cleanup();
}

#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:import — issue 13's speed target for the importer: "import of a 100-form workbook under 10 s".
 *
 * Starts the built app (`node apps/api/dist/main.js`) on a fresh temporary DATA_DIR with the demo data, logs in as
 * the demo filer, exports the demo's biggest form (GET /api/forms/:id/export.xlsx) and builds a workbook of N sheets
 * (default 100) from it with exceljs, each under its own 项目名称. Then, over loopback:
 *   1. POST /api/imports (multipart, field file): every sheet read, matched and the preview stored;
 *   2. POST /api/imports/:id/confirm with the filer's unit for every sheet: N projects and their draft forms created
 *      in one transaction;
 *   3. the same file again: the preview now offers `update` of each draft, and its confirm updates all N.
 * Prints each step's time and the total of 1 + 2 against the goal. Figures are reported, not asserted; the server
 * and its folder are removed at the end, also on failure.
 *
 * Options: --forms=N (default 100)
 */
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { appServerHarness } from './lib/app-server.mjs';
import { round } from './lib/process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
/** @type {typeof import('exceljs')} */
const ExcelJS = require('exceljs');
const TAG = 'bench:import';

const argv = process.argv.slice(2);
for (const a of argv) {
  if (!/^--forms=\d+$/.test(a)) {
    console.error(`unknown option ${a}\nusage: node tools/bench/import.mjs [--forms=N]`);
    process.exit(2);
  }
}
const FORMS = Number(argv.find((a) => a.startsWith('--forms='))?.slice(8) ?? 100);

const harness = appServerHarness({ root: ROOT, tag: TAG });

/**
 * One call; the parsed answer of a 2xx, else a throw with the status and the start of the body.
 * @param {string} base @param {string} token @param {string} method @param {string} path
 * @param {{ json?: unknown, form?: FormData }} [body]
 * @returns {Promise<{ data: any, raw: Buffer, ms: number }>}
 */
async function call(base, token, method, path, body = {}) {
  const started = performance.now();
  const response = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body.json === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body.form ?? (body.json === undefined ? undefined : JSON.stringify(body.json)),
  });
  const raw = Buffer.from(await response.arrayBuffer());
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${raw.toString('utf8').slice(0, 500)}`);
  const json = (response.headers.get('content-type') ?? '').includes('json');
  return { data: json ? JSON.parse(raw.toString('utf8')) : null, raw, ms };
}

/**
 * N copies of the exported sheet, each with its own 项目名称.
 * @param {Buffer} exported @param {string} name
 */
async function workbookOf(exported, name) {
  const source = new ExcelJS.Workbook();
  await source.xlsx.load(/** @type {any} */ (exported));
  const sheet = source.worksheets[0];
  const workbook = new ExcelJS.Workbook();
  for (let i = 1; i <= FORMS; i++) {
    const copy = workbook.addWorksheet(`项目${i}`);
    sheet.eachRow({ includeEmpty: true }, (row, r) => {
      copy.getRow(r).values = /** @type {any} */ (row.values);
    });
    copy.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.value === name) cell.value = `${name}（导入 ${i}）`;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** @param {Buffer} file */
function upload(file) {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), `${FORMS} 张填报表.xlsx`);
  return form;
}

async function main() {
  const { dataDir } = harness.newDataDir('jxt-bench-import-');
  const server = await harness.startServer(dataDir, { SEED_DEMO: 'true' });
  const base = server.base;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'filer', password: 'demo' }),
  });
  const { accessToken: token } = /** @type {{ accessToken: string }} */ (await login.json());
  const me = (await call(base, token, 'GET', '/api/auth/me')).data;
  /** @type {{ formId: string }[]} */
  let items = [];
  for (const { year } of (await call(base, token, 'GET', '/api/years')).data.years) {
    items = (await call(base, token, 'GET', `/api/projects?year=${year}`)).data.items;
    if (items.length) break;
  }
  const forms = await Promise.all(items.map((p) => call(base, token, 'GET', `/api/forms/${p.formId}`)));
  const count = (/** @type {any} */ f) =>
    [...f.indicators.year, ...(f.indicators.longTerm ?? [])].reduce(
      (/** @type {number} */ n, /** @type {any} */ g1) =>
        n + g1.children.reduce((/** @type {number} */ m, /** @type {any} */ g2) => m + g2.indicators.length, 0),
      0,
    );
  const biggest = forms.map((r) => r.data).sort((a, b) => count(b) - count(a))[0];
  const exported = (await call(base, token, 'GET', `/api/forms/${biggest.id}/export.xlsx`)).raw;
  const file = await workbookOf(exported, biggest.project.name);
  console.log(
    `[${TAG}] a workbook of ${FORMS} sheets (each the demo form “${biggest.project.name}”, ${count(biggest)} indicators), ${round(file.length / 1024)} KB`,
  );

  const first = await call(base, token, 'POST', '/api/imports', { form: upload(file) });
  const sheets = first.data.forms.map((/** @type {{ sheet: string }} */ s) => ({
    sheet: s.sheet,
    include: true,
    organizationId: me.organization.id,
  }));
  const created = await call(base, token, 'POST', `/api/imports/${first.data.id}/confirm`, { json: { sheets } });
  const outcomes = (/** @type {any} */ r) =>
    Object.entries(
      r.data.forms.reduce((/** @type {Record<string, number>} */ n, /** @type {{ outcome: string }} */ f) => {
        n[f.outcome] = (n[f.outcome] ?? 0) + 1;
        return n;
      }, {}),
    )
      .map(([k, v]) => `${v} ${k}`)
      .join(', ');
  console.log(`  1. POST /api/imports (read, match, store)        ${round(first.ms)} ms`);
  console.log(`  2. confirm: ${outcomes(created).padEnd(36)} ${round(created.ms)} ms`);
  const again = await call(base, token, 'POST', '/api/imports', { form: upload(file) });
  const actions = new Set(again.data.forms.map((/** @type {{ action: string }} */ s) => s.action));
  const updated = await call(base, token, 'POST', `/api/imports/${again.data.id}/confirm`, { json: {} });
  console.log(
    `  3. the same file again: preview (${[...actions].join(', ')}) ${round(again.ms)} ms, confirm: ${outcomes(updated)} ${round(updated.ms)} ms`,
  );
  const total = first.ms + created.ms;
  console.log(
    `  goal: import of a ${FORMS}-form workbook (preview + confirm) < 10 s — ${round(total)} ms, ${total < 10_000 ? 'met' : 'NOT met'}`,
  );
}

main()
  .catch((err) => {
    console.error(`[${TAG}] failed: ${err instanceof Error ? err.stack : err}`);
    process.exitCode = 1;
  })
  .finally(() => harness.cleanup());

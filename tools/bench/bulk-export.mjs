#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:export — issue 13's speed target for 批量导出:
 *
 *   "bulk export of 1,000 forms under 30 s with the process's memory under 500 MB (streamed)."
 *
 * Starts the built app (`node apps/api/dist/main.js`) on a fresh temporary DATA_DIR, fills it with the scale generator
 * (tools/bench/scale/generate.mjs, factor 1: 3,000 forms of this year with 20 indicators each, 20 per unit, 30 units
 * per 主管部门), then moves 20 units of the second 主管部门 under the first, as an admin's 移动 would (the paths
 * rewritten; a trigger keeps each form's organisation path), so that the first 主管部门's supervisor has exactly
 * 1,000 forms of this year in scope. Logs in as that supervisor, asks for the bulk export (POST /api/exports) as one
 * workbook and then as a .zip, polls the job (GET /api/exports/:id) until it is done, and samples the server
 * process's resident memory (VmRSS, /proc) every 100 ms while it runs; VmHWM is the kernel's peak of the whole
 * process. Downloads the file and counts its sheets (or entries). Figures are reported, not asserted; the server and
 * its folder are removed at the end, also on failure.
 *
 * Options: --formats=xlsx,zip (default both); --cpu-prof=<dir>: the server writes a CPU profile there when it stops
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { appServerHarness } from './lib/app-server.mjs';
import { requestJson } from './lib/http.mjs';
import { round, sleep } from './lib/process.mjs';
import { generate } from './scale/generate.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
const pg = require('pg');
const argon2 = require('argon2');
const JSZip = require('jszip');

const TAG = 'bench:export';
const PASSWORD = 'bench';
const TENANT = 'bench';
const TARGET = { forms: 1000, ms: 30_000, rssMb: 500 };
const argv = process.argv.slice(2);
for (const a of argv)
  if (!/^--formats=(xlsx|zip)(,(xlsx|zip))*$/.test(a) && !/^--cpu-prof=.+$/.test(a)) {
    console.error(`unknown option ${a}\nusage: node tools/bench/bulk-export.mjs [--formats=xlsx,zip] [--cpu-prof=DIR]`);
    process.exit(2);
  }
const FORMATS = (argv.find((a) => a.startsWith('--formats='))?.slice(10) ?? 'xlsx,zip').split(',');
const CPU_PROF = argv.find((a) => a.startsWith('--cpu-prof='))?.slice(11);

/** @param {string} message */
const log = (message) => console.log(`[${TAG}] ${message}`);
const harness = appServerHarness({ root: ROOT, tag: TAG });

/** A process's memory from /proc in MB: `VmRSS` now, `VmHWM` its peak so far. @param {number} pid @param {'VmRSS' | 'VmHWM'} field */
function memoryMb(pid, field) {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm'));
  return match ? Number(match[1]) / 1024 : NaN;
}

/**
 * The file as bytes.
 * @param {string} base @param {string} path @param {string} token
 * @returns {Promise<{ status: number, type: string, body: Buffer }>}
 */
function download(base, path, token) {
  return new Promise((resolveDownload, reject) => {
    http
      .get(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } }, (res) => {
        /** @type {Buffer[]} */
        const chunks = [];
        res.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
        res.on('end', () =>
          resolveDownload({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type']),
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/**
 * Moves 20 units of 主管部门 2 under 主管部门 1 (the app's own move: the subtree's paths rewritten in one statement),
 * so that department 1 holds 50 units with 20 forms each this year. Returns its supervisor's name and form count.
 * @param {import('pg').ClientBase} owner @param {string} tenantId @param {number} year
 */
async function makeScopeOf1000(owner, tenantId, year) {
  const { rows: departments } = await owner.query(
    `SELECT o.id, o.path, u.username FROM organization o JOIN app_user u ON u.organization_id = o.id
     WHERE o.tenant_id = $1 AND o.kind = 'department' ORDER BY o.sort_order LIMIT 2`,
    [tenantId],
  );
  const [first, second] = departments;
  const { rows: units } = await owner.query(
    `SELECT id, path FROM organization WHERE parent_id = $1 ORDER BY sort_order LIMIT 20`,
    [second.id],
  );
  for (const unit of units)
    await owner.query(
      `UPDATE organization SET parent_id = $1, path = $2 || substr(path, length($3) + 1) WHERE path LIKE $3 || '%'`,
      [first.id, `${first.path}${unit.id}/`, unit.path],
    );
  await owner.query(`UPDATE organization SET parent_id = $1 WHERE id = ANY($2::uuid[])`, [
    first.id,
    units.map((u) => u.id),
  ]);
  const { rows } = await owner.query(
    `SELECT count(*)::int AS n FROM goal_form f WHERE f.tenant_id = $1 AND f.year = $2 AND f.organization_path LIKE $3 || '%'
       AND f.revision = (SELECT max(g.revision) FROM goal_form g WHERE g.project_id = f.project_id AND g.year = f.year)`,
    [tenantId, year, first.path],
  );
  await owner.query(`ANALYZE organization`);
  return { username: /** @type {string} */ (first.username), forms: /** @type {number} */ (rows[0].n) };
}

/**
 * One bulk export by the supervisor, timed from the request to the job's `done` as the SPA polls it.
 * @param {http.Agent} agent @param {import('./lib/app-server.mjs').AppServer} server @param {string} token
 * @param {number} year @param {string} format
 */
async function exportOnce(agent, server, token, year, format) {
  const rssBefore = memoryMb(server.pid, 'VmRSS');
  let rssPeak = rssBefore;
  const sampler = setInterval(() => {
    rssPeak = Math.max(rssPeak, memoryMb(server.pid, 'VmRSS'));
  }, 100);
  const t0 = performance.now();
  /** @type {{ id: string, status: string, done: number, total: number, fileName: string, fileSize: number | null }} */
  let job = await requestJson(agent, server.base, 'POST', '/api/exports', {
    token,
    body: { kind: 'goal', year, format },
  });
  /** @type {string[]} */
  const progress = [];
  while (!['done', 'failed'].includes(job.status)) {
    await sleep(250);
    job = await requestJson(agent, server.base, 'GET', `/api/exports/${job.id}`, { token });
    if (progress.at(-1) !== `${job.done}/${job.total}`) progress.push(`${job.done}/${job.total}`);
  }
  const ms = performance.now() - t0;
  clearInterval(sampler);
  rssPeak = Math.max(rssPeak, memoryMb(server.pid, 'VmRSS'));
  if (job.status !== 'done') throw new Error(`the export failed: ${JSON.stringify(job)}`);
  const file = await download(server.base, `/api/exports/${job.id}/file`, token);
  if (file.status !== 200) throw new Error(`download: HTTP ${file.status}`);
  const zip = await JSZip.loadAsync(file.body);
  const entries = Object.keys(zip.files);
  const parts =
    format === 'xlsx'
      ? `${entries.filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name)).length} sheets`
      : `${entries.length} workbooks`;
  return {
    format,
    forms: job.total,
    ms: round(ms, 0),
    rssBeforeMb: round(rssBefore, 0),
    rssPeakMb: round(rssPeak, 0),
    hwmMb: round(memoryMb(server.pid, 'VmHWM'), 0),
    sizeMb: round(file.body.length / 1024 / 1024, 1),
    parts,
    progress,
    fileName: job.fileName,
  };
}

async function main() {
  const { dataDir } = harness.newDataDir('jxt-bench-export-');
  const server = await harness.startServer(
    dataDir,
    {},
    CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${resolve(CPU_PROF)}`] : [],
  );
  const owner = new pg.Client({ connectionString: server.ownerUrl });
  await owner.connect();
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id });
    const gen = await generate(owner, { factor: 1, passwordHash, tenantCode: TENANT });
    const year = gen.years[2];
    log(`generated in ${(gen.totalMs / 1000).toFixed(1)} s: ${gen.counts.goal_form} forms over 3 years`);
    const scope = await makeScopeOf1000(owner, gen.tenantId, year);
    log(`${scope.username}: ${scope.forms} forms of ${year} in scope (20 indicators each)`);
    const { accessToken: token } = await requestJson(agent, server.base, 'POST', '/api/auth/login', {
      body: { username: scope.username, password: PASSWORD },
    });
    log(`server process ${server.pid}: VmRSS ${round(memoryMb(server.pid, 'VmRSS'), 0)} MB before the exports`);
    for (const format of FORMATS) {
      const r = await exportOnce(agent, server, token, year, format);
      log(
        `${format}: ${r.forms} forms in ${r.ms} ms (target < ${TARGET.ms}); server RSS ${r.rssBeforeMb} → peak ${r.rssPeakMb} MB, ` +
          `VmHWM ${r.hwmMb} MB (target < ${TARGET.rssMb}); file ${r.sizeMb} MB, ${r.parts}; progress ${r.progress.join(' → ')}`,
      );
      log(
        `  ${r.forms === TARGET.forms ? '' : `(not ${TARGET.forms} forms) `}time ${r.ms != null && r.ms < TARGET.ms ? 'met' : 'NOT met'}, memory ${
          r.hwmMb != null && r.hwmMb < TARGET.rssMb ? 'met' : 'NOT met'
        } — ${r.fileName}`,
      );
    }
  } finally {
    agent.destroy();
    await owner.end();
    await harness.cleanup();
  }
}

main().catch(async (err) => {
  console.error(`[${TAG}] ${err instanceof Error ? err.stack : err}`);
  await harness.cleanup();
  process.exit(1);
});

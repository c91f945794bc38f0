#!/usr/bin/env node
// @ts-check
/**
 * npm run bench:workflow — the workflow issue's speed targets at the scales of docs/domain.md §7
 * (see docs/benchmarks-workflow.md):
 *
 *   "A transition takes under 20 ms p50 on loopback; at the city scale of docs/domain.md §7 the inbox of a
 *    finance reviewer answers under 50 ms p95."
 *
 * For each factor (default 1, 4, 16 and 20 = city): start the built app (`node apps/api/dist/main.js`)
 * on a fresh temporary DATA_DIR (its embedded PostgreSQL, no demo seed), fill one tenant with
 * tools/bench/scale/generate.mjs through the owner connection, then over loopback keep-alive HTTP:
 *   - GET /api/inbox as a finance user of one 财政科室 (科教文卫科, a tenth of the 主管部门) and as the
 *     finance user at the 财政局 (everything): warm-up, then N requests at concurrency 1 and 4;
 *   - GET /api/projects?year=<this year> as a 主管部门 supervisor, the same way;
 *   - POST /api/forms/:id/transitions: supervisors approve distinct submitted forms, N one at a time,
 *     then N more at concurrency 4;
 *   - EXPLAIN (ANALYZE, BUFFERS) of the inbox query as the app role (jxt_app, tenant and user set as a
 *     request transaction sets them), for both finance users.
 * Figures are reported, not asserted: the exit code is non-zero only when something fails.
 * Every server is stopped and every temporary folder removed, also on failure or Ctrl-C.
 *
 * Options: --factor=N (only this factor) --factors=1,4,16,20 --quick (factor 1 unless given, 100 requests)
 *          --requests=N (inbox/list requests per measurement, default 300) --transitions=N (default 500)
 */
import { mkdirSync, statfsSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generate } from './scale/generate.mjs';
import { appServerHarness } from './lib/app-server.mjs';
import { request, requestJson } from './lib/http.mjs';
import { percentile, round } from './lib/process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(join(ROOT, 'apps/api/package.json'));
const pg = require('pg');
const argon2 = require('argon2');
const MAIN = 'apps/api/dist/main.js';
const RESULTS_FILE = join(ROOT, 'tools/bench/results/workflow-latest.json');

// ------------------------------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
for (const a of argv) {
  if (!/^--(quick|factor=\d+|factors=[\d,]+|requests=\d+|transitions=\d+|concurrency=\d+)$/.test(a)) {
    console.error(
      `unknown option ${a}\nusage: node tools/bench/workflow.mjs [--factor=N | --factors=1,4,16,20] [--quick] [--requests=N] [--transitions=N] [--concurrency=N]`,
    );
    process.exit(2);
  }
}
/** @param {string} name */
const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const QUICK = argv.includes('--quick');
const factorsOption = opt('factors');
const FACTORS = opt('factor')
  ? [Number(opt('factor'))]
  : factorsOption
    ? factorsOption.split(',').map(Number)
    : QUICK
      ? [1]
      : [1, 4, 16, 20];
const OPTS = {
  quick: QUICK,
  factors: FACTORS,
  requests: Number(opt('requests') ?? (QUICK ? 100 : 300)),
  warmup: QUICK ? 20 : 50,
  transitions: Number(opt('transitions') ?? (QUICK ? 100 : 500)),
  concurrency: Number(opt('concurrency') ?? 4),
};
if (FACTORS.some((f) => !Number.isInteger(f) || f < 1)) throw new Error('factors must be positive integers');
const CITY_FACTOR = 20;
const TARGETS = { transitionP50Ms: 20, cityInboxP95Ms: 50 };
/** Measured: about 75 MB of database per factor (1.5 GB at the city scale); the margin covers WAL and the sort spill. */
const BYTES_PER_FACTOR = 160 * 1024 * 1024;
const PASSWORD = 'bench';

// ------------------------------------------------------------------------------------------------
// helpers

/** @param {string} msg */
const log = (msg) => console.log(`[bench:workflow] ${msg}`);
// ------------------------------------------------------------------------------------------------
// servers and temporary folders, always cleaned up (also on Ctrl-C)

const { newDataDir, dropDataDir, startServer, stopServer, cleanup } = appServerHarness({
  root: ROOT,
  tag: 'bench:workflow',
  main: MAIN,
});

// ------------------------------------------------------------------------------------------------
// HTTP measurement

/**
 * Runs `count` calls of `one(i)` with `concurrency` in flight; returns the latency summary.
 * @param {number} count
 * @param {number} concurrency
 * @param {(i: number) => Promise<number>} one
 */
async function measure(count, concurrency, one) {
  /** @type {number[]} */
  const times = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (;;) {
        const i = next++;
        if (i >= count) return;
        times.push(await one(i));
      }
    }),
  );
  const wallMs = performance.now() - t0;
  const s = times.sort((a, b) => a - b);
  return {
    n: s.length,
    concurrency,
    p50: round(percentile(s, 50), 2),
    p90: round(percentile(s, 90), 2),
    p95: round(percentile(s, 95), 2),
    p99: round(percentile(s, 99), 2),
    max: round(s[s.length - 1], 2),
    mean: round(s.reduce((a, b) => a + b, 0) / s.length, 2),
    perSecond: round((s.length / wallMs) * 1000, 0),
  };
}

/**
 * @typedef {Awaited<ReturnType<typeof measure>>} Summary
 * @typedef {Record<`c${number}`, Summary>} PerConcurrency  one summary per concurrency, c1 and c<N>
 */

/** @param {http.Agent} agent @param {string} base @param {string} username @returns {Promise<string>} */
async function login(agent, base, username) {
  const res = await requestJson(agent, base, 'POST', '/api/auth/login', { body: { username, password: PASSWORD } });
  return res.accessToken;
}

/**
 * @param {string} base
 * @param {string} token
 * @param {string} path
 * @param {(body: any) => void} [check]  sees each answer's JSON
 */
async function benchGet(base, token, path, check) {
  /** @type {PerConcurrency} */
  const out = {};
  for (const concurrency of [1, OPTS.concurrency]) {
    const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
    await measure(OPTS.warmup, concurrency, async () => {
      const res = await request(agent, base, 'GET', path, { token });
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
      return res.ms;
    });
    out[`c${concurrency}`] = await measure(OPTS.requests, concurrency, async () => {
      const res = await request(agent, base, 'GET', path, { token });
      if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
      check?.(JSON.parse(res.text));
      return res.ms;
    });
    agent.destroy();
  }
  return out;
}

// ------------------------------------------------------------------------------------------------
// EXPLAIN as the app role

/** The inbox statement exactly as the built app sends it: the `inbox.waiting` statement of its repository. */
function inboxSql() {
  const require = createRequire(import.meta.url);
  require(join(ROOT, 'apps/api/dist/modules/workflow/inbox.repository.js'));
  const { declaredStatements } = require(join(ROOT, 'apps/api/dist/database/access/statement.js'));
  const statement = /** @type {{ name: string, text: string }[]} */ (declaredStatements()).find(
    (s) => s.name === 'inbox.waiting',
  );
  if (!statement) throw new Error('no inbox.waiting statement in apps/api/dist/modules/workflow/inbox.repository.js');
  return statement.text;
}

/**
 * Scope paths as auth_session_lookup computes them (a 财政科室 user: its own path and its 主管部门).
 * @param {import('pg').ClientBase} client
 * @param {string} tenantId
 * @param {string} username
 * @returns {Promise<{ userId: string, roles: string[], patterns: string[] }>}
 */
async function scopeOf(client, tenantId, username) {
  const { rows } = await client.query(
    `SELECT u.id, u.roles, CASE WHEN o.kind = 'finance_division'
        THEN ARRAY[o.path] || coalesce((SELECT array_agg(d.path ORDER BY d.path) FROM finance_division_assignment a JOIN organization d ON d.id = a.department_id WHERE a.division_id = o.id), '{}')
        ELSE ARRAY[o.path] END AS paths
     FROM app_user u JOIN organization o ON o.id = u.organization_id WHERE u.username = $1 AND u.tenant_id = $2`,
    [username, tenantId],
  );
  if (!rows.length) throw new Error(`no user ${username}`);
  return {
    userId: rows[0].id,
    roles: rows[0].roles,
    patterns: rows[0].paths.map((/** @type {string} */ p) => `${p}%`),
  };
}

/** @param {import('pg').ClientBase} client @param {string} tenantId @param {string} username */
async function explainInbox(client, tenantId, username) {
  const scope = await scopeOf(client, tenantId, username);
  /** @type {string[]} */
  const statuses = [];
  if (scope.roles.includes('supervisor')) statuses.push('submitted', 'finance_returned', 'supervisor_approved');
  if (scope.roles.includes('finance')) statuses.push('reported');
  if (scope.roles.includes('filer')) statuses.push('returned', 'draft');
  const params = [
    scope.patterns,
    scope.roles.includes('supervisor'),
    scope.roles.includes('finance'),
    scope.roles.includes('filer'),
    statuses,
    14,
    200,
  ];
  await client.query('BEGIN');
  try {
    await client.query('SET LOCAL ROLE jxt_app');
    await client.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
      tenantId,
      scope.userId,
    ]);
    await client.query(inboxSql(), params); // warm the cache like the measured requests did
    const { rows } = await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${inboxSql()}`, params);
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
  }
}

// ------------------------------------------------------------------------------------------------
// one factor

/**
 * What one factor measured (tools/bench/results/workflow-latest.json).
 * @typedef {object} FactorResult
 * @property {number} factor
 * @property {{ totalMs: number, timings: Record<string, number>, counts: Record<string, number> }} generation
 * @property {number} databaseBytes
 * @property {Record<string, number>} thisYearStatuses
 * @property {Record<string, PerConcurrency & { response?: { total: number, items: number, counts: unknown, overdue: unknown } | null }>} inbox
 * @property {PerConcurrency & { total?: number | null }} projects
 * @property {Record<string, string>} explain
 * @property {PerConcurrency & { perRun: number, supervisors: number }} transitions
 */

/** @param {number} factor @param {string} passwordHash @returns {Promise<FactorResult>} */
async function benchFactor(factor, passwordHash) {
  // Filled step by step below; it is returned only once every part is there.
  const result = /** @type {FactorResult} */ ({ factor });
  const { holder, dataDir } = newDataDir('jxt-bench-wf-');
  try {
    const t0 = performance.now();
    const server = await startServer(dataDir);
    log(`factor ${factor}: server healthy after ${(performance.now() - t0).toFixed(0)} ms`);
    const owner = new pg.Client({ connectionString: server.ownerUrl });
    await owner.connect();
    try {
      log(`factor ${factor}: generating …`);
      const gen = await generate(owner, { factor, passwordHash, log: (m) => log(m) });
      result.generation = { totalMs: gen.totalMs, timings: gen.timings, counts: gen.counts };
      result.databaseBytes = Number((await owner.query(`SELECT pg_database_size('jixiaotong') AS n`)).rows[0].n);
      log(
        `factor ${factor}: generated in ${(gen.totalMs / 1000).toFixed(1)} s — ${Object.entries(gen.counts)
          .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
          .join(', ')}; database ${(result.databaseBytes / 2 ** 20).toFixed(0)} MiB`,
      );
      const thisYear = gen.years[2];
      const current = Object.fromEntries(
        gen.statuses
          .filter((/** @type {{ year: number }} */ s) => s.year === thisYear)
          .map((/** @type {{ status: string, n: number }} */ s) => [s.status, s.n]),
      );
      result.thisYearStatuses = current;

      const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
      const base = server.base;
      /** @type {Record<string, string>} */
      const users = {
        division: gen.users.financeDivision,
        bureau: gen.users.financeBureau,
        supervisor: gen.users.supervisor(1),
      };
      /** @type {Record<string, string>} */
      const tokens = {};
      for (const [k, u] of Object.entries(users)) tokens[k] = await login(agent, base, u);

      // inbox of the finance users, project list of a supervisor
      result.inbox = {};
      for (const who of ['division', 'bureau']) {
        /** @type {{ response: { total: number, items: number, counts: unknown, overdue: unknown } | null }} */
        const first = { response: null };
        result.inbox[who] = await benchGet(base, tokens[who], '/api/inbox', (body) => {
          first.response ??= {
            total: body.total,
            items: body.items.length,
            counts: body.counts,
            overdue: body.overdue,
          };
          if (!body.total) throw new Error(`the ${who} finance user's inbox is empty`);
        });
        const seen = first.response;
        if (!seen) throw new Error(`no answer of the ${who} finance user's inbox was read`);
        result.inbox[who].response = seen;
        const r = result.inbox[who];
        log(
          `factor ${factor}: inbox ${who.padEnd(8)} (${seen.total} waiting, ${seen.items} listed)  c=1 p50 ${r.c1.p50} p95 ${r.c1.p95} p99 ${r.c1.p99} ms | c=${OPTS.concurrency} p50 ${r[`c${OPTS.concurrency}`].p50} p95 ${r[`c${OPTS.concurrency}`].p95} p99 ${r[`c${OPTS.concurrency}`].p99} ms`,
        );
      }
      /** @type {number | null} */
      let listTotal = null;
      result.projects = await benchGet(base, tokens.supervisor, `/api/projects?year=${thisYear}`, (body) => {
        listTotal ??= body.total;
      });
      result.projects.total = listTotal;
      log(
        `factor ${factor}: projects (supervisor, ${listTotal} projects)  c=1 p50 ${result.projects.c1.p50} p95 ${result.projects.c1.p95} ms | c=${OPTS.concurrency} p50 ${result.projects[`c${OPTS.concurrency}`].p50} p95 ${result.projects[`c${OPTS.concurrency}`].p95} ms`,
      );

      // EXPLAIN before the transitions change anything
      result.explain = {};
      for (const who of ['division', 'bureau'])
        result.explain[who] = await explainInbox(owner, gen.tenantId, users[who]);
      for (const who of ['division', 'bureau']) {
        const m = /Execution Time: ([\d.]+) ms/.exec(result.explain[who]);
        const p = /Planning Time: ([\d.]+) ms/.exec(result.explain[who]);
        log(`factor ${factor}: EXPLAIN inbox ${who}: planning ${p?.[1]} ms, execution ${m?.[1]} ms`);
      }

      // transitions: supervisors approve distinct submitted forms of this year, department by department
      const { rows: submitted } = await owner.query(
        `SELECT f.id, f.row_version, d.sort_order - 10 AS dept
         FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization u ON u.id = p.organization_id JOIN organization d ON d.id = u.parent_id
         WHERE f.tenant_id = $1 AND f.year = $2 AND f.status = 'submitted' ORDER BY d.sort_order, f.id`,
        [gen.tenantId, thisYear],
      );
      const perRun = Math.min(OPTS.transitions, Math.floor(submitted.length / 2));
      const plan = { c1: submitted.slice(0, perRun), cN: submitted.slice(perRun, 2 * perRun) };
      /** @type {Map<number, string>} */
      const supTokens = new Map();
      for (const f of [...plan.c1, ...plan.cN]) {
        if (!supTokens.has(f.dept)) supTokens.set(f.dept, await login(agent, base, gen.users.supervisor(f.dept)));
      }
      /** @param {http.Agent} tAgent @param {{ id: string, row_version: number, dept: number }[]} forms */
      const approve = (tAgent, forms) => async (/** @type {number} */ i) => {
        const f = forms[i];
        const res = await request(tAgent, base, 'POST', `/api/forms/${f.id}/transitions`, {
          token: supTokens.get(f.dept),
          body: { action: 'approve', rowVersion: f.row_version },
        });
        if (res.status !== 200) throw new Error(`approve ${f.id}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
        if (JSON.parse(res.text).status !== 'supervisor_approved')
          throw new Error(`approve ${f.id}: status is not supervisor_approved`);
        return res.ms;
      };
      result.transitions = { perRun, supervisors: supTokens.size };
      /** @type {[`c${number}`, number][]} */
      const runs = [
        ['c1', 1],
        [`c${OPTS.concurrency}`, OPTS.concurrency],
      ];
      for (const [key, concurrency] of runs) {
        const tAgent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
        const forms = key === 'c1' ? plan.c1 : plan.cN;
        // warm-up: the first few of the run's forms are measured too; a prepared statement is planned on first use per connection
        result.transitions[key] = await measure(forms.length, concurrency, approve(tAgent, forms));
        tAgent.destroy();
        const r = result.transitions[key];
        log(
          `factor ${factor}: transition approve c=${concurrency} (${r.n} forms, ${supTokens.size} supervisors)  p50 ${r.p50} p90 ${r.p90} p99 ${r.p99} ms, ${r.perSecond}/s`,
        );
      }
      agent.destroy();
    } finally {
      await owner.end().catch(() => undefined);
      await stopServer(server);
    }
  } finally {
    dropDataDir(holder);
  }
  return result;
}

// ------------------------------------------------------------------------------------------------
// main

async function main() {
  const startedAt = new Date();
  const free = statfsSync(os.tmpdir());
  const freeBytes = free.bavail * free.bsize;
  const factors = [];
  for (const f of OPTS.factors) {
    if (f * BYTES_PER_FACTOR > freeBytes * 0.8)
      log(
        `factor ${f} skipped: needs about ${((f * BYTES_PER_FACTOR) / 2 ** 30).toFixed(1)} GiB, ${(freeBytes / 2 ** 30).toFixed(1)} GiB free in ${os.tmpdir()}`,
      );
    else factors.push(f);
  }
  log(
    `factors ${factors.join(', ')}; ${OPTS.requests} requests per GET measurement, up to ${OPTS.transitions} transitions per run; load average ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
  );
  const passwordHash = await argon2.hash(PASSWORD, { type: argon2.argon2id }); // once, for every generated user
  /** @type {FactorResult[]} */
  const results = [];
  for (const f of factors) results.push(await benchFactor(f, passwordHash));

  /** @type {`c${number}`} */
  const c = `c${OPTS.concurrency}`;
  /** @param {(string | number)[]} cells */
  const line = (cells) => `| ${cells.join(' | ')} |`;
  console.log(
    '\n' +
      line([
        'factor',
        'forms',
        'indicators',
        'gen s',
        'inbox division c1 p50/p95',
        `inbox division c${OPTS.concurrency} p50/p95`,
        'inbox bureau c1 p50/p95',
        `inbox bureau c${OPTS.concurrency} p50/p95`,
        'projects c1 p50/p95',
        `transition c1 p50/p99`,
        `transition c${OPTS.concurrency} p50/p99`,
      ]),
  );
  console.log(line(Array(11).fill('---')));
  for (const r of results) {
    /** @param {Summary | undefined} m @param {keyof Summary} [a] @param {keyof Summary} [b] */
    const pp = (m, a = 'p50', b = 'p95') => (m ? `${m[a]} / ${m[b]}` : '–');
    console.log(
      line([
        r.factor,
        r.generation.counts.goal_form.toLocaleString('en'),
        r.generation.counts.indicator.toLocaleString('en'),
        (r.generation.totalMs / 1000).toFixed(1),
        pp(r.inbox.division.c1),
        pp(r.inbox.division[c]),
        pp(r.inbox.bureau.c1),
        pp(r.inbox.bureau[c]),
        pp(r.projects.c1),
        pp(r.transitions.c1, 'p50', 'p99'),
        pp(r.transitions[c], 'p50', 'p99'),
      ]),
    );
  }
  const city = results.find((r) => r.factor === CITY_FACTOR);
  if (city) {
    log(
      `target: finance inbox p95 at city scale < ${TARGETS.cityInboxP95Ms} ms — division ${city.inbox.division.c1.p95} ms (c=1), ${city.inbox.division[c].p95} ms (c=${OPTS.concurrency}); bureau ${city.inbox.bureau.c1.p95} ms (c=1), ${city.inbox.bureau[c].p95} ms (c=${OPTS.concurrency})`,
    );
  }
  for (const r of results)
    log(
      `target: transition p50 < ${TARGETS.transitionP50Ms} ms — factor ${r.factor}: ${r.transitions.c1?.p50} ms (c=1), ${r.transitions[c]?.p50} ms (c=${OPTS.concurrency})`,
    );

  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(
    RESULTS_FILE,
    JSON.stringify(
      {
        startedAt,
        finishedAt: new Date(),
        options: OPTS,
        targets: TARGETS,
        machine: { cpus: os.cpus().length, node: process.version, loadAverageEnd: os.loadavg() },
        results,
      },
      null,
      2,
    ) + '\n',
  );
  log(`results written to ${RESULTS_FILE}`);
}

main()
  .then(() => cleanup())
  .catch(async (err) => {
    console.error(`[bench:workflow] failed: ${/** @type {Error} */ (err).stack ?? err}`);
    await cleanup();
    process.exitCode = 1;
  });

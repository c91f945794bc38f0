#!/usr/bin/env node
// @ts-check
/**
 * The floor as the yardstick (issue 10 point 9, docs/benchmarks.md "API ÷ floor"): how close the API comes to a
 * minimal server that runs the same SQL.
 *
 * Starts the built API (`node apps/api/dist/main.js`, fresh DATA_DIR, demo data) and, on its database, the floor
 * server (tools/bench/floor/server.mjs) twice: `same-sql` (the API's request transaction, session lookup and
 * statements, as jxt_app) and `data-only` (only the data statements, as the owner). The demo filer's biggest form
 * is grown to 35 indicators (GET), 50 more 35-indicator forms are made for the saves (PUT, one form per request in
 * flight, each save changes one 年度指标值 back and forth, so each records a history entry).
 *
 * First it proves the floors answer byte for byte what the API answers (GET form, list, and a PUT of each server
 * read back by another, with the same history entries). Then, per endpoint and concurrency (1, 10, 50), after a
 * warm-up, rounds of one run each of API, same-SQL floor and data-only floor, in alternating order (A F D, D F A …),
 * each run 1.5 s of requests, so that each API run has a floor run next to it under the same machine load. Printed: requests per second of
 * each, API ÷ floor per round and its median (and range) over the rounds, the 1-minute load average during the
 * runs, and CPU per request of the server process and of PostgreSQL.
 *
 * Usage: node tools/bench/floor/compare.mjs [--quick] [--pairs=N (7)] [--seconds=S (1.5)] [--only=get,list,put]
 *   [--concurrency=1,10,50] (also a section of `npm run bench`: tools/bench/run.mjs; --quick: 2 rounds of 0.5 s).
 *   Writes tools/bench/results/floor-latest.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appServerHarness } from '../lib/app-server.mjs';
import { prepareForm, saveRequest, totalIndicators } from '../lib/forms.mjs';
import { request, requestJson } from '../lib/http.mjs';
import { latencySummary } from '../lib/measure.mjs';
import { createRequire } from 'node:module';
import { cpuMsOf, freePort, kill, median, postmaster, round, sleep } from '../lib/process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
/** @type {typeof import('pg')} */
const pg = createRequire(join(ROOT, 'apps/api/package.json'))('pg');
const RESULTS_FILE = join(ROOT, 'tools/bench/results/floor-latest.json');
const SERVER = join(ROOT, 'tools/bench/floor/server.mjs');
const INDICATORS = 35;
const SAVE_FORMS = 50;
const YEAR = 2021;

/** @typedef {'api' | 'floor' | 'data'} ServerName */
/** @typedef {'get' | 'list' | 'put'} EndpointName */
/** @type {Record<ServerName, string>} */
const SERVER_LABELS = { api: 'API', floor: 'same-SQL floor', data: 'data-only floor' };
/** The application_name of each server's database connections (its pool; the API's session listener too). */
/** @type {Record<ServerName, string[]>} */
const BACKENDS = {
  api: ['jixiaotong-api', 'jixiaotong-session-cache'],
  floor: ['jixiaotong-floor-same-sql'],
  data: ['jixiaotong-floor-data-only'],
};

/** @type {Record<EndpointName, string>} */
const ENDPOINT_LABELS = {
  get: 'GET /api/forms/:id (35 indicators)',
  list: `GET /api/projects?year=${YEAR} (53 projects, page of 50)`,
  put: 'PUT /api/forms/:id (35 indicators)',
};

/**
 * @param {{ quick?: boolean, pairs?: number, seconds?: number, only?: EndpointName[], concurrency?: number[], log?: (m: string) => void }} options
 */
export async function benchFloor(options = {}) {
  const log = options.log ?? ((m) => console.log(`[bench:floor] ${m}`));
  const quick = options.quick ?? false;
  const pairs = options.pairs ?? (quick ? 2 : 7);
  const runMs = (options.seconds ?? (quick ? 0.5 : 1.5)) * 1000;
  const only = options.only ?? ['get', 'list', 'put'];
  const levels = options.concurrency ?? [1, 10, 50];

  const harness = appServerHarness({ root: ROOT, tag: 'bench:floor' });
  // The API's session secret keys the token hash; the floors need it too (passed in the environment, not argv).
  const secret = randomBytes(36).toString('base64url');
  /** @type {Set<import('node:child_process').ChildProcess>} */
  const floors = new Set();
  const stopFloors = () => {
    for (const child of floors) kill(child.pid ?? -1, 'SIGKILL');
  };
  process.on('exit', stopFloors);
  const agents = new Set();
  /** @type {(() => Promise<void>)[]} */
  const closers = [];
  try {
    const { dataDir } = harness.newDataDir('jxt-bench-floor-');
    const api = await harness.startServer(dataDir, { SEED_DEMO: 'true', SESSION_SECRET: secret });
    const pm = postmaster(dataDir);
    if (!pm) throw new Error('no postmaster.pid in the API DATA_DIR');
    const appPassword = readFileSync(join(dataDir, 'app-db-password'), 'utf8').trim();
    const appUrl = `postgres://jxt_app:${encodeURIComponent(appPassword)}@127.0.0.1:${pm.port}/jixiaotong`;

    const setupAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
    agents.add(setupAgent);
    const big = await prepareForm(setupAgent, api.base, INDICATORS, log);
    const saveForms = await makeSaveForms(setupAgent, api.base, big.token, big.form, big.body, log);

    // CPU of each server's own PostgreSQL backends, found by application_name (autovacuum and the other servers'
    // idle connections are not counted).
    const watcher = new pg.Client({ connectionString: api.ownerUrl, application_name: 'jixiaotong-bench-watcher' });
    await watcher.connect();
    closers.push(() => watcher.end());
    /** @param {ServerName} name */
    const backendCpu = async (name) => {
      const { rows } = await watcher.query('SELECT pid FROM pg_stat_activity WHERE application_name = ANY($1)', [
        BACKENDS[name],
      ]);
      return new Map(rows.map((r) => [r.pid, cpuMsOf(r.pid) ?? 0]));
    };

    /** @type {Record<ServerName, { base: string, pid: number, name: ServerName, backendCpu: () => Promise<Map<number, number>> }>} */
    const servers = {
      api: {
        base: api.base,
        pid: /** @type {number} */ (api.child.pid),
        name: 'api',
        backendCpu: () => backendCpu('api'),
      },
      floor: {
        ...(await startFloor('same-sql', { FLOOR_APP_URL: appUrl })),
        name: 'floor',
        backendCpu: () => backendCpu('floor'),
      },
      data: {
        ...(await startFloor('data-only', { FLOOR_OWNER_URL: api.ownerUrl })),
        name: 'data',
        backendCpu: () => backendCpu('data'),
      },
    };

    const calls = callsOf(big, saveForms);
    await proveSameAnswers(setupAgent, servers, big, saveForms, log);

    /** @type {any} */
    const results = {
      startedAt: new Date().toISOString(),
      machine: { nproc: os.availableParallelism(), cpu: os.cpus()[0]?.model, node: process.version },
      options: { quick, pairs, runSeconds: runMs / 1000, only, levels },
      form: { id: big.formId, indicators: INDICATORS, responseBytes: Buffer.byteLength(JSON.stringify(big.form)) },
      cells: [],
    };

    // One warm-up of every server on every endpoint: each pooled connection prepares its statements.
    for (const endpoint of only)
      for (const name of /** @type {ServerName[]} */ (['api', 'floor', 'data']))
        await runFor(servers[name], calls[endpoint], 10, runMs, agents);

    for (const endpoint of only) {
      for (const c of levels) {
        for (const name of /** @type {ServerName[]} */ (['api', 'floor', 'data']))
          await runFor(servers[name], calls[endpoint], c, runMs / 2, agents);
        /** @type {Record<ServerName, any[]>} */
        const runs = { api: [], floor: [], data: [] };
        for (let r = 0; r < pairs; r++) {
          /** @type {ServerName[]} */
          const order = r % 2 ? ['data', 'floor', 'api'] : ['api', 'floor', 'data'];
          for (const name of order) runs[name].push(await runFor(servers[name], calls[endpoint], c, runMs, agents));
        }
        const cell = summarise(endpoint, c, runs);
        results.cells.push(cell);
        log(
          `${endpoint.padEnd(4)} c=${String(c).padEnd(2)} API ${cell.api.rps} /s, floor ${cell.floor.rps} /s, data-only ${cell.data.rps} /s: ` +
            `API ÷ floor ${cell.ratioFloor.median} (${cell.ratioFloor.min}–${cell.ratioFloor.max}), ` +
            `÷ data-only ${cell.ratioData.median}; load ${cell.load.min}–${cell.load.max}`,
        );
      }
    }
    results.finishedAt = new Date().toISOString();
    mkdirSync(dirname(RESULTS_FILE), { recursive: true });
    writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
    printTable(results);
    console.log(`\nfigures written to ${RESULTS_FILE}`);
    return results;
  } finally {
    for (const close of closers) await close().catch(() => undefined);
    for (const agent of agents) agent.destroy();
    for (const child of floors) kill(child.pid ?? -1, 'SIGTERM');
    await sleep(200);
    stopFloors();
    process.off('exit', stopFloors);
    await harness.cleanup();
  }

  /**
   * @param {'same-sql' | 'data-only'} mode
   * @param {Record<string, string>} env
   */
  async function startFloor(mode, env) {
    const port = await freePort();
    const child = spawn(process.execPath, [SERVER, `--mode=${mode}`, `--port=${port}`], {
      cwd: ROOT,
      env: { ...process.env, ...env, FLOOR_SESSION_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    floors.add(child);
    let output = '';
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output = (output + c).slice(-5000)));
    const base = `http://127.0.0.1:${port}`;
    const deadline = performance.now() + 30_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`floor ${mode} exited (${child.exitCode}):\n${output}`);
      if (performance.now() > deadline) throw new Error(`floor ${mode} not up within 30 s:\n${output}`);
      const res = await request(false, base, 'GET', '/api/health', { timeoutMs: 1_000 }).catch(() => null);
      if (res?.status === 200) break;
      await sleep(50);
    }
    return { base, pid: /** @type {number} */ (child.pid) };
  }
}

/**
 * 50 more projects of the filer's unit in YEAR, each with a 35-indicator form like the big one (their own 项目编码).
 * Each gets two save requests that differ in one 年度指标值, so consecutive saves alternate and each records history.
 * @param {http.Agent} agent @param {string} base @param {string} token @param {any} big @param {any} bigBody
 * @param {(m: string) => void} log
 */
async function makeSaveForms(agent, base, token, big, bigBody, log) {
  const forms = [];
  for (let i = 0; i < SAVE_FORMS; i++) {
    const code = `BENCH-FLOOR-${String(i + 1).padStart(3, '0')}`;
    const created = await requestJson(agent, base, 'POST', '/api/projects', {
      token,
      body: {
        ...bigBody.project,
        code,
        name: `${big.project.name}（基准 ${i + 1}）`,
        organizationId: big.project.organizationId,
        year: YEAR,
      },
    });
    const fresh = await requestJson(agent, base, 'GET', `/api/forms/${created.formId}`, { token });
    const body = {
      ...bigBody,
      rowVersion: fresh.rowVersion,
      project: { ...bigBody.project, code, name: fresh.project.name },
    };
    body.indicators = stripIds(body.indicators);
    const saved = await requestJson(agent, base, 'PUT', `/api/forms/${fresh.id}`, { token, body });
    if (totalIndicators(saved) !== INDICATORS)
      throw new Error(`save form ${i + 1}: ${totalIndicators(saved)} indicators`);
    const a = saveRequest(saved);
    const b = structuredClone(a);
    const first = (b.indicators.year ?? [])[0].children[0].indicators[0];
    first.rawValue = first.rawValue === '>=97%' ? '>=98%' : '>=97%';
    forms.push({ id: saved.id, rowVersion: saved.rowVersion, bodies: [b, a], next: 0 });
  }
  log(`${SAVE_FORMS} more forms of ${INDICATORS} indicators for the saves`);
  return forms;
}

/** @param {any} sets */
const stripIds = (sets) => ({
  year: sets.year.map(stripGroup),
  longTerm: sets.longTerm ? sets.longTerm.map(stripGroup) : null,
});
/** @param {any} l1 */
const stripGroup = (l1) => ({
  code: l1.code,
  children: l1.children.map((/** @type {any} */ l2) => ({
    code: l2.code,
    indicators: l2.indicators.map((/** @type {any} */ i) => ({ ...i, id: undefined })),
  })),
});

/**
 * One request of each endpoint against a server (its latency in ms); every answer must be a 200. Saves take a free
 * form (one per request in flight) and carry its current rowVersion.
 * @param {any} big @param {any[]} saveForms
 */
function callsOf(big, saveForms) {
  const free = [...saveForms];
  const token = big.token;
  /** @param {{ status: number, text: string }} res @param {string} what */
  const ok = (res, what) => {
    if (res.status !== 200) throw new Error(`${what}: HTTP ${res.status} ${res.text.slice(0, 300)}`);
  };
  return {
    /** @param {http.Agent} agent @param {string} base */
    get: async (agent, base) => {
      const res = await request(agent, base, 'GET', `/api/forms/${big.formId}`, { token });
      ok(res, 'GET form');
      return res.ms;
    },
    /** @param {http.Agent} agent @param {string} base */
    list: async (agent, base) => {
      const res = await request(agent, base, 'GET', `/api/projects?year=${YEAR}`, { token });
      ok(res, 'GET list');
      return res.ms;
    },
    /** @param {http.Agent} agent @param {string} base */
    put: async (agent, base) => {
      const form = free.pop();
      if (!form) throw new Error('more saves in flight than forms');
      try {
        const body = { ...form.bodies[form.next], rowVersion: form.rowVersion };
        const res = await request(agent, base, 'PUT', `/api/forms/${form.id}`, { token, body });
        ok(res, 'PUT form');
        form.rowVersion = JSON.parse(res.text).rowVersion;
        form.next = 1 - form.next;
        return res.ms;
      } finally {
        free.push(form);
      }
    },
  };
}

/**
 * Calls at concurrency c against one server for `ms` (the calls in flight then finish), with the load average and
 * CPU per request of the server process and of its PostgreSQL backends. Runs by time, not by count, so that API and floor runs stay short and next to each other.
 * @param {{ base: string, pid: number, backendCpu: () => Promise<Map<number, number>> }} server
 * @param {(agent: http.Agent, base: string) => Promise<number>} call @param {number} c @param {number} ms
 * @param {Set<http.Agent>} agents
 */
async function runFor(server, call, c, ms, agents) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: c });
  agents.add(agent);
  try {
    const load = os.loadavg()[0];
    const node0 = cpuMsOf(server.pid);
    const pg0 = await server.backendCpu();
    /** @type {number[]} */
    const times = [];
    const t0 = performance.now();
    const deadline = t0 + ms;
    let last = t0;
    await Promise.all(
      Array.from({ length: c }, async () => {
        while (performance.now() < deadline) {
          times.push(await call(agent, server.base));
          last = performance.now();
        }
      }),
    );
    const node1 = cpuMsOf(server.pid);
    const pg1 = await server.backendCpu();
    // Backends opened during the run count from zero; one that ended meanwhile is lost (pools keep theirs).
    let pgMs = 0;
    for (const [pid, ms1] of pg1) pgMs += ms1 - (pg0.get(pid) ?? 0);
    const m = latencySummary(times, last - t0);
    /** @param {number | null} a @param {number | null} b */
    const per = (a, b) => (a == null || b == null || b < a ? null : round((b - a) / times.length, 3));
    return {
      n: times.length,
      rps: m.perSecond,
      p50: m.p50,
      p99: m.p99,
      load: round(load, 2),
      cpuMsPerRequest: { server: per(node0, node1), postgres: per(0, pgMs) },
    };
  } finally {
    agent.destroy();
    agents.delete(agent);
  }
}

/** @param {any} run CPU ms per request of a server and its PostgreSQL backends */
const cpuOf = (run) => (run.cpuMsPerRequest.server ?? NaN) + (run.cpuMsPerRequest.postgres ?? NaN);

/**
 * @param {EndpointName} endpoint @param {number} c @param {Record<ServerName, any[]>} runs
 */
function summarise(endpoint, c, runs) {
  /** @param {number[]} xs */
  const spread = (xs) => ({
    median: round(median(xs), 3),
    min: round(Math.min(...xs), 3),
    max: round(Math.max(...xs), 3),
  });
  /** @param {any[]} rs */
  const of = (rs) => ({
    rps: round(median(rs.map((r) => r.rps)), 0),
    p50: round(median(rs.map((r) => r.p50)), 2),
    p99: round(median(rs.map((r) => r.p99)), 2),
    cpuMsPerRequest: {
      server: round(median(rs.map((r) => r.cpuMsPerRequest.server)), 3),
      postgres: round(median(rs.map((r) => r.cpuMsPerRequest.postgres)), 3),
    },
  });
  const loads = [...runs.api, ...runs.floor, ...runs.data].map((r) => r.load);
  return {
    endpoint,
    concurrency: c,
    requestsPerRun: round(median(runs.api.map((r) => r.n)), 0),
    pairs: runs.api.length,
    api: of(runs.api),
    floor: of(runs.floor),
    data: of(runs.data),
    ratioFloor: spread(runs.api.map((r, i) => r.rps / runs.floor[i].rps)),
    // Less sensitive to the machine's other load: the floor's CPU per request (server and its PostgreSQL
    // backends) over the API's, per round.
    cpuRatioFloor: spread(runs.api.map((r, i) => cpuOf(runs.floor[i]) / cpuOf(r))),
    ratioData: spread(runs.api.map((r, i) => r.rps / runs.data[i].rps)),
    load: { min: round(Math.min(...loads), 2), max: round(Math.max(...loads), 2) },
    runs,
  };
}

/**
 * The floors must answer what the API answers, byte for byte: GET form and list from each; a save through each
 * server read back through another (a save answers the form as a GET then reads it); and the history entries the
 * floors write equal the API's for the same change.
 * @param {http.Agent} agent @param {Record<ServerName, { base: string }>} servers @param {any} big
 * @param {any[]} saveForms @param {(m: string) => void} log
 */
async function proveSameAnswers(agent, servers, big, saveForms, log) {
  const token = big.token;
  /** @param {ServerName} name @param {'GET' | 'PUT'} method @param {string} path @param {unknown} [body] */
  const send = async (name, method, path, body) => {
    const res = await request(agent, servers[name].base, method, path, { token, body });
    if (res.status !== 200) throw new Error(`${SERVER_LABELS[name]} ${method} ${path}: HTTP ${res.status} ${res.text}`);
    return res.text;
  };
  /** @param {string} what @param {string} a @param {string} b @param {ServerName} nameB */
  const same = (what, a, b, nameB) => {
    if (a === b) return;
    let at = 0;
    while (at < a.length && a[at] === b[at]) at++;
    throw new Error(
      `${what}: the ${SERVER_LABELS[nameB]} answers differently from the API at byte ${at}:\n  API:   …${a.slice(Math.max(0, at - 80), at + 120)}\n  floor: …${b.slice(Math.max(0, at - 80), at + 120)}`,
    );
  };
  for (const path of [`/api/forms/${big.formId}`, `/api/projects?year=${YEAR}`]) {
    const fromApi = await send('api', 'GET', path);
    for (const name of /** @type {ServerName[]} */ (['floor', 'data']))
      same(`GET ${path}`, fromApi, await send(name, 'GET', path), name);
  }
  const form = saveForms[0];
  const path = `/api/forms/${form.id}`;
  /** @param {ServerName} saver @param {ServerName} reader */
  const saveAndRead = async (saver, reader) => {
    const saved = await send(saver, 'PUT', path, { ...form.bodies[form.next], rowVersion: form.rowVersion });
    form.rowVersion = JSON.parse(saved).rowVersion;
    form.next = 1 - form.next;
    const read = await send(reader, 'GET', path);
    if (saver === 'api') same(`PUT ${path} by the API, read by the ${SERVER_LABELS[reader]}`, saved, read, reader);
    else same(`PUT ${path} by the ${SERVER_LABELS[saver]}, read by the API`, read, saved, saver);
  };
  await saveAndRead('api', 'floor');
  await saveAndRead('floor', 'api');
  await saveAndRead('api', 'data');
  await saveAndRead('data', 'api');
  // History: the API's save (A→B), then the same-SQL floor's (B→A), the API's (A→B), the data-only floor's (B→A).
  const history = await requestJson(agent, servers.api.base, 'GET', `${path}/history`, { token });
  const saves = history.filter((/** @type {any} */ e) => e.kind === 'save').slice(-4);
  /** @param {any} e */
  const content = (e) => JSON.stringify({ ...e, id: undefined, at: undefined, rowVersion: undefined });
  if (saves.length !== 4 || content(saves[0]) !== content(saves[2]) || content(saves[1]) !== content(saves[3]))
    throw new Error(`the floors' history entries differ from the API's:\n${JSON.stringify(saves, null, 1)}`);
  log(
    'the floors answer byte for byte what the API answers (GET form, list, PUT read back) and write the same history',
  );
}

/** @param {any} results */
function printTable(results) {
  const rows = [
    [
      'endpoint',
      'c',
      'API /s',
      'floor /s',
      'data /s',
      'API÷floor (min–max)',
      'API÷data',
      'CPU floor÷API',
      'load',
      'CPU ms/req API|floor (node, pg)',
    ],
  ];
  for (const cell of results.cells) {
    rows.push([
      cell.endpoint,
      String(cell.concurrency),
      String(cell.api.rps),
      String(cell.floor.rps),
      String(cell.data.rps),
      `${cell.ratioFloor.median.toFixed(2)} (${cell.ratioFloor.min.toFixed(2)}–${cell.ratioFloor.max.toFixed(2)})`,
      cell.ratioData.median.toFixed(2),
      cell.cpuRatioFloor.median.toFixed(2),
      `${cell.load.min}–${cell.load.max}`,
      `${cell.api.cpuMsPerRequest.server}, ${cell.api.cpuMsPerRequest.postgres} | ${cell.floor.cpuMsPerRequest.server}, ${cell.floor.cpuMsPerRequest.postgres}`,
    ]);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  console.log(
    `\nAPI ÷ floor, medians of ${results.options.pairs} alternating rounds (${Object.values(ENDPOINT_LABELS).join('; ')}):`,
  );
  for (const [i, r] of rows.entries()) {
    console.log(r.map((x, j) => x.padEnd(widths[j])).join('  '));
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

// ------------------------------------------------------------------------------------------------

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const argv = process.argv.slice(2);
  for (const a of argv) {
    if (!/^--(quick|pairs=\d+|seconds=[\d.]+|only=[a-z,]+|concurrency=[\d,]+)$/.test(a)) {
      console.error(
        `unknown option ${a}\nusage: node tools/bench/floor/compare.mjs [--quick] [--pairs=N] [--seconds=S] [--only=get,list,put] [--concurrency=1,10,50]`,
      );
      process.exit(2);
    }
  }
  /** @param {string} name */
  const opt = (name) => argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  benchFloor({
    quick: argv.includes('--quick'),
    pairs: opt('pairs') ? Number(opt('pairs')) : undefined,
    seconds: opt('seconds') ? Number(opt('seconds')) : undefined,
    only: /** @type {EndpointName[] | undefined} */ (opt('only')?.split(',')),
    concurrency: opt('concurrency')?.split(',').map(Number),
  }).catch((err) => {
    console.error(`\n[bench:floor] FAILED: ${err.stack ?? err}`);
    process.exitCode = 1;
  });
}

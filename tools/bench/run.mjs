#!/usr/bin/env node
// @ts-check
/**
 * npm run bench — measures the speed targets (see docs/benchmarks.md):
 *
 *  1. start: `node apps/api/dist/main.js` with a fresh temporary DATA_DIR (cold: initdb, migrations,
 *     demo seed) until GET /api/health answers 200, then again on the same DATA_DIR (warm).
 *     Median of 3 each. Also `npm start` as a whole (cold and warm, once) and the api build
 *     (Nx cache hit and, in the full run, without the cache).
 *  2. read: GET /api/forms/:id of a 35-indicator form (made by PUT from the demo's biggest form),
 *     200 warm-up requests, then 3000 at concurrency 10 over loopback keep-alive connections,
 *     as the demo `filer` (every request runs in its row-level-security transaction).
 *     Then the same form as .xlsx (GET …/export.xlsx, issue 13), 50 at concurrency 1: p50 and p95.
 *  3. floor: API ÷ a minimal Fastify + pg server running the same SQL (tools/bench/floor/compare.mjs), for
 *     GET form, the project list and PUT form at concurrency 1, 10 and 50, in alternating rounds.
 *  4. Excel (issue 13): tools/bench/import.mjs (a 100-form workbook imported and confirmed) and
 *     tools/bench/bulk-export.mjs (1,000 forms as one workbook and as a .zip, with the server's memory), each as its
 *     own process with its own server and figures (20 forms and the workbook only with --quick).
 *
 * Figures are reported, not asserted: the exit code is non-zero only when something fails
 * (a server does not start, a response is not 200 or has the wrong number of indicators …).
 * Every server started here is stopped (SIGTERM, then SIGKILL, then its PostgreSQL) and every
 * temporary DATA_DIR removed, also on failure or Ctrl-C.
 *
 * Options: --quick (1 repetition, 500 requests, no uncached build: a smoke run)
 *          --reps=N --requests=N --concurrency=N --warmup=N
 *          --no-build (skip the build timings) --no-npm-start (skip the `npm start` runs)
 *          --no-floor (skip section 3) --floor-only (only section 3) --pairs=N (its rounds, default 7)
 *          --no-excel (skip section 4)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { request } from './lib/http.mjs';
import { benchFloor } from './floor/compare.mjs';
import { prepareForm as prepareBigForm, totalIndicators } from './lib/forms.mjs';
import {
  childrenOf,
  cpuMsOf,
  freePort,
  kill,
  makeDataDir,
  median,
  percentile,
  postmaster,
  removeDataDir,
  round,
  sleep,
  stopLeftoverPostgres,
} from './lib/process.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_FILE = join(ROOT, 'tools/bench/results/latest.json');
const MAIN = 'apps/api/dist/main.js';

// ------------------------------------------------------------------------------------------------
// options

const argv = process.argv.slice(2);
/** @param {string} name */
const flag = (name) => argv.includes(`--${name}`);
/** @param {string} name @param {number} fallback */
const numberOption = (name, fallback) => {
  const hit = argv.find((a) => a.startsWith(`--${name}=`));
  if (!hit) return fallback;
  const value = Number(hit.slice(name.length + 3));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
  return value;
};
for (const a of argv) {
  if (
    !/^--(quick|no-build|no-npm-start|no-floor|no-excel|floor-only|(reps|requests|concurrency|warmup|pairs)=\d+)$/.test(
      a,
    )
  ) {
    console.error(
      `unknown option ${a}\nusage: node tools/bench/run.mjs [--quick] [--reps=N] [--requests=N] [--concurrency=N] [--warmup=N] [--no-build] [--no-npm-start] [--no-floor | --floor-only] [--pairs=N] [--no-excel]`,
    );
    process.exit(2);
  }
}
const QUICK = flag('quick');
const OPTS = {
  quick: QUICK,
  reps: numberOption('reps', QUICK ? 1 : 3),
  warmup: numberOption('warmup', QUICK ? 50 : 200),
  requests: numberOption('requests', QUICK ? 500 : 3000),
  concurrency: numberOption('concurrency', 10),
  sequentialRequests: QUICK ? 100 : 500,
  indicators: 35,
  build: !flag('no-build'),
  uncachedBuild: !QUICK && !flag('no-build'),
  npmStart: !flag('no-npm-start'),
  floor: !flag('no-floor'),
  floorOnly: flag('floor-only'),
  excel: !flag('no-excel'),
  pairs: numberOption('pairs', QUICK ? 2 : 7),
};

const TARGETS = {
  coldStartMs: 15_000,
  warmStartMs: 5_000,
  readP50Ms: 10,
  readP99Ms: 30,
  exportXlsxMs: 200,
};

const START_TIMEOUT_MS = 180_000;
const STOP_TIMEOUT_MS = 30_000;
const HEALTH_POLL_MS = 50;

// ------------------------------------------------------------------------------------------------
// small helpers

/** @param {string} msg */
const log = (msg) => console.log(`[bench] ${msg}`);
// ------------------------------------------------------------------------------------------------
// resources to clean up: temp dirs and servers

/**
 * @typedef {object} BenchServer  one started server (node, or npm → node), in its own process group
 * @property {string} label
 * @property {string} dataDir
 * @property {number} port
 * @property {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @property {number} pid  its process group
 * @property {{ t: number, text: string }[]} lines  its output, with ms since spawn
 * @property {number | null | undefined} exitCode  undefined while it runs
 * @property {NodeJS.Signals | null | undefined} exitSignal
 * @property {Promise<void>} exited
 * @property {Promise<StopResult> | null} stopped
 * @property {number} healthyMs  ms from spawn to the first healthy answer (once healthy)
 * @property {number} healthAttempts
 * @property {string} base  http://127.0.0.1:<port>
 */
/**
 * @typedef {object} StopResult
 * @property {number} stopMs
 * @property {boolean} forced
 * @property {boolean} leftoverPostgres
 * @property {number | null | undefined} exitCode
 * @property {NodeJS.Signals | null | undefined} signal
 */

/** @type {Set<string>} */
const tempDirs = new Set();
/** @type {Set<BenchServer>} */
const servers = new Set();

/**
 * Stops a server: SIGTERM to its process group (node, or npm → node), wait, SIGKILL fallback,
 * then make sure its PostgreSQL is gone. Returns the time to exit and whether force was needed.
 * @param {BenchServer} server
 * @returns {Promise<StopResult>}
 */
async function stopServer(server) {
  if (server.stopped) return server.stopped;
  server.stopped = (async () => {
    const t0 = performance.now();
    let forced = false;
    if (server.exitCode === undefined) {
      kill(-server.pid, 'SIGTERM');
      const exited = await Promise.race([server.exited.then(() => true), sleep(STOP_TIMEOUT_MS).then(() => false)]);
      if (!exited) {
        forced = true;
        kill(-server.pid, 'SIGKILL');
        await Promise.race([server.exited, sleep(5_000)]);
      }
    } else {
      kill(-server.pid, 'SIGKILL'); // stray group members (npm's children), if any
    }
    const stopMs = performance.now() - t0;
    const leftover = await stopLeftoverPostgres(server.dataDir);
    servers.delete(server);
    return { stopMs, forced, leftoverPostgres: leftover, exitCode: server.exitCode, signal: server.exitSignal };
  })();
  return server.stopped;
}

/** @type {Promise<void> | null} */
let cleaningUp = null;
function cleanup() {
  cleaningUp ??= (async () => {
    for (const server of [...servers]) await stopServer(server).catch(() => undefined);
    for (const holder of [...tempDirs]) {
      try {
        removeDataDir(holder, tempDirs);
      } catch (err) {
        console.error(`[bench] could not remove ${holder}: ${/** @type {Error} */ (err).message}`);
      }
    }
  })();
  return cleaningUp;
}

// Last resort when the process exits without cleanup (should not happen): synchronous kills and removal.
process.on('exit', () => {
  for (const server of servers) {
    kill(-server.pid, 'SIGKILL');
    const pid = postmaster(server.dataDir)?.pid;
    if (pid) kill(pid, 'SIGQUIT');
  }
  for (const holder of tempDirs) {
    try {
      rmSync(holder, { recursive: true, force: true });
    } catch {
      // nothing more to do
    }
  }
});
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(sig, () => {
    console.error(`\n[bench] ${sig}: stopping servers and removing temporary data`);
    cleanup()
      .catch((err) => console.error(`[bench] cleanup failed: ${err}`))
      .finally(() => process.exit(130));
  });
}

// ------------------------------------------------------------------------------------------------
// starting a server and timing it

/** @param {string} dataDir @param {number} port */
function serverEnv(dataDir, port) {
  /** @type {NodeJS.ProcessEnv} */
  const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' };
  // the bench measures the default: embedded PostgreSQL with the demo seed
  for (const name of [
    'DATABASE_URL',
    'APP_DATABASE_URL',
    'NODE_ENV',
    'SEED_DEMO',
    'LOG_LEVEL',
    'SESSION_SECRET',
    'JWT_SECRET',
  ])
    delete env[name];
  return env;
}

/**
 * GET a URL on a fresh connection; resolves { status, body } or rejects (e.g. ECONNREFUSED).
 * @param {string} url
 * @returns {Promise<{ status: number | undefined, body: string }>}
 */
function getOnce(url, timeoutMs = 2_000) {
  return new Promise((resolveGet, reject) => {
    const req = http.get(url, { agent: false, timeout: timeoutMs }, (res) => {
      /** @type {Buffer[]} */
      const chunks = [];
      res.on('data', (/** @type {Buffer} */ c) => chunks.push(c));
      res.on('end', () => resolveGet({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/**
 * Spawns `command args` with DATA_DIR and PORT, polls /api/health every 50 ms until 200 with
 * status ok. Returns the running server and the timings (ms since spawn) of its log lines.
 * @param {{ label: string, dataDir: string, command?: string, args?: string[] }} options
 * @returns {Promise<BenchServer>}
 */
async function startServer({ label, dataDir, command = process.execPath, args = [MAIN] }) {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(command, args, {
    cwd: ROOT,
    env: serverEnv(dataDir, port),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true, // own process group: SIGTERM/SIGKILL reach npm and node together
  });
  // No pid: the spawn failed, and says why in its 'error' event.
  if (child.pid === undefined)
    throw new Error(`${label}: could not start ${command}: ${await new Promise((fail) => child.once('error', fail))}`);
  const base = `http://127.0.0.1:${port}`;
  /** @type {BenchServer} */
  const server = {
    label,
    dataDir,
    port,
    child,
    pid: child.pid,
    lines: [],
    exitCode: undefined,
    exitSignal: undefined,
    stopped: null,
    exited: new Promise((r) => {
      child.on('exit', (code, signal) => {
        server.exitCode = code;
        server.exitSignal = signal;
        r();
      });
      child.on('error', (err) => {
        server.lines.push({ t: performance.now() - t0, text: `spawn error: ${err.message}` });
        server.exitCode = -1;
        r();
      });
    }),
    healthyMs: NaN, // set below, once healthy
    healthAttempts: 0,
    base,
  };
  servers.add(server);
  /** @param {Buffer} chunk */
  const onData = (chunk) => {
    const t = performance.now() - t0;
    for (const text of chunk.toString('utf8').split('\n')) if (text.trim()) server.lines.push({ t, text });
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);

  const deadline = t0 + START_TIMEOUT_MS;
  let attempts = 0;
  let lastError = '';
  for (;;) {
    if (server.exitCode !== undefined) {
      throw new Error(
        `${label}: the server exited (code ${server.exitCode}, signal ${server.exitSignal}) before it was healthy:\n${tail(server)}`,
      );
    }
    if (performance.now() > deadline)
      throw new Error(`${label}: not healthy within ${START_TIMEOUT_MS} ms (${lastError}):\n${tail(server)}`);
    const tryAt = performance.now();
    attempts++;
    try {
      const res = await getOnce(`${base}/api/health`);
      if (res.status === 200 && JSON.parse(res.body).status === 'ok') break;
      lastError = `health ${res.status}`;
    } catch (err) {
      const error = /** @type {NodeJS.ErrnoException} */ (err);
      lastError = error.code ?? error.message;
    }
    const wait = HEALTH_POLL_MS - (performance.now() - tryAt);
    if (wait > 0) await sleep(wait);
  }
  server.healthyMs = performance.now() - t0;
  server.healthAttempts = attempts;
  return server;
}

/** @param {BenchServer} server */
function tail(server, n = 30) {
  return server.lines
    .slice(-n)
    .map((l) => `    ${l.text}`)
    .join('\n');
}

/**
 * Splits a start into phases from main.ts' log lines (times are when the line reached us).
 * @param {BenchServer} server
 * @returns {Record<string, number | null> | null}
 */
function phasesOf(server) {
  /** @param {RegExp} re @returns {{ t: number, n: number } | null} the line's time and its figure (NaN if none) */
  const at = (re) => {
    for (const l of server.lines) {
      const m = re.exec(l.text);
      if (m) return { t: l.t, n: m[1] === undefined ? NaN : Number(m[1]) };
    }
    return null;
  };
  const initdb = at(/initdb done in (\d+) ms/);
  const pgReady = at(/PostgreSQL ready on \S+ in (\d+) ms/);
  const migrated = at(/migrations applied/);
  const seeded = at(/demo data loaded/);
  const listening = at(/listening on \S+ .*in (\d+) ms/);
  const built = at(/Successfully ran target build/); // only under `npm start`: Nx's summary line
  if (!pgReady || !listening) return null;
  const dbSpawned = pgReady.t - pgReady.n; // when the postgres server was spawned
  const beforeDb = initdb ? initdb.t - initdb.n : dbSpawned; // node boot, module loading, binaries check, data dir
  const schemaDone = seeded?.t ?? migrated?.t ?? null;
  return {
    ...(built ? { npmAndNxBuildMs: round(built.t) } : {}),
    nodeAndPrepareMs: round(beforeDb - (built?.t ?? 0)),
    initdbMs: initdb ? initdb.n : null,
    postgresStartMs: pgReady.n,
    migrationsMs: migrated ? round(migrated.t - pgReady.t) : null,
    demoSeedMs: seeded && migrated ? round(seeded.t - migrated.t) : null,
    // cold: app role + Nest boot + listen; warm: also the (empty) migration and seed checks
    appBootMs: round(listening.t - (schemaDone ?? pgReady.t)),
    firstHealthyMs: round(server.healthyMs - listening.t),
    mainReportedMs: listening.n, // "listening … in N ms" measured inside main()
  };
}

/**
 * @param {string} label
 * @param {string} dataDir
 * @param {{ command?: string, args?: string[] }} [options]
 */
async function timedStart(label, dataDir, options = {}) {
  const server = await startServer({ label, dataDir, ...options });
  const healthyMs = server.healthyMs;
  const phases = phasesOf(server);
  const stop = await stopServer(server);
  if (stop.forced || stop.leftoverPostgres || stop.exitCode !== 0) {
    log(
      `note: ${label} stop: exit code ${stop.exitCode}, signal ${stop.signal}, forced ${stop.forced}, leftover postgres ${stop.leftoverPostgres}`,
    );
  }
  log(`${label.padEnd(22)} healthy after ${healthyMs.toFixed(0).padStart(6)} ms (stop ${stop.stopMs.toFixed(0)} ms)`);
  return {
    healthyMs: round(healthyMs),
    stopMs: round(stop.stopMs),
    stopClean: !stop.forced && !stop.leftoverPostgres && stop.exitCode === 0,
    phases,
  };
}

// ------------------------------------------------------------------------------------------------
// build timing

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ ms: number, output: string }>}
 */
function runCommand(command, args, env = process.env) {
  return new Promise((resolveRun, reject) => {
    const t0 = performance.now();
    const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c) => (output += c));
    child.stderr.on('data', (c) => (output += c));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolveRun({ ms, output });
      else reject(new Error(`${command} ${args.join(' ')} failed (code ${code}):\n${output.slice(-3000)}`));
    });
  });
}

async function benchBuild() {
  const nx = join(ROOT, 'node_modules/.bin/nx');
  /** @type {{ cachedMs?: number | null, uncachedMs?: number | null }} */
  const result = {};
  // what `npm start` runs first; Nx replays the cached output when nothing changed
  const cached = await runCommand(nx, ['run', 'api:build', '--output-style=static']);
  result.cachedMs = round(cached.ms, 0);
  log(`nx run api:build (cache hit)      ${cached.ms.toFixed(0)} ms`);
  if (OPTS.uncachedBuild) {
    // a fresh clone after npm ci has no Nx cache: api and the libs it depends on are compiled
    const full = await runCommand(nx, ['run', 'api:build', '--output-style=static', '--skip-nx-cache']);
    result.uncachedMs = round(full.ms, 0);
    log(`nx run api:build --skip-nx-cache  ${full.ms.toFixed(0)} ms`);
  }
  return result;
}

/** The demo seed hashes 5 passwords with argon2id (m=64 MiB, t=3, p=4), one after the other. */
async function benchArgon2() {
  const require = createRequire(join(ROOT, 'apps/api/package.json'));
  const argon2 = require('argon2');
  await argon2.hash('warm-up', { type: argon2.argon2id });
  const t0 = performance.now();
  for (let i = 0; i < 5; i++) await argon2.hash('demo', { type: argon2.argon2id });
  const ms = performance.now() - t0;
  log(`argon2id hash x5 (demo seed)       ${ms.toFixed(0)} ms`);
  return { fiveHashesMs: round(ms, 0) };
}

// ------------------------------------------------------------------------------------------------
// start benchmark

async function benchStart() {
  /** @typedef {Awaited<ReturnType<typeof timedStart>>} TimedStart */
  /** @type {TimedStart[]} */
  const cold = [];
  /** @type {TimedStart[]} */
  const warm = [];
  /** @type {{ holder: string, dataDir: string } | null} */
  let keep = null;
  for (let i = 1; i <= OPTS.reps; i++) {
    const { holder, dataDir } = makeDataDir('jxt-bench-', tempDirs);
    cold.push(await timedStart(`cold start ${i}/${OPTS.reps}`, dataDir));
    warm.push(await timedStart(`warm start ${i}/${OPTS.reps}`, dataDir));
    if (i === OPTS.reps) keep = { holder, dataDir };
    else removeDataDir(holder, tempDirs);
  }
  /** @param {TimedStart[]} runs */
  const summary = (runs) => ({
    medianMs: round(median(runs.map((r) => r.healthyMs))),
    minMs: round(Math.min(...runs.map((r) => r.healthyMs ?? NaN))),
    maxMs: round(Math.max(...runs.map((r) => r.healthyMs ?? NaN))),
    medianPhases: medianPhases(runs.flatMap((r) => (r.phases ? [r.phases] : []))),
    runs,
  });
  if (!keep) throw new Error('--reps must be at least 1');
  return { cold: summary(cold), warm: summary(warm), keep };
}

/** @param {Record<string, number | null>[]} list */
function medianPhases(list) {
  if (!list.length) return null;
  /** @type {Record<string, number | null>} */
  const out = {};
  for (const key of Object.keys(list[0])) out[key] = round(median(list.map((p) => p[key])));
  return out;
}

async function benchNpmStart() {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { holder, dataDir } = makeDataDir('jxt-bench-', tempDirs);
  try {
    const cold = await timedStart('npm start (cold)', dataDir, { command: npm, args: ['start'] });
    const warm = await timedStart('npm start (warm)', dataDir, { command: npm, args: ['start'] });
    return { coldMs: cold.healthyMs, warmMs: warm.healthyMs, cold, warm };
  } finally {
    removeDataDir(holder, tempDirs);
  }
}

// ------------------------------------------------------------------------------------------------
// read benchmark

/**
 * n GETs with `concurrency` workers; every response must be 200 with the expected indicator count.
 * @param {http.Agent} agent
 * @param {string} base
 * @param {string} path
 * @param {string} token
 * @param {number} n
 * @param {number} concurrency
 */
async function load(agent, base, path, token, n, concurrency) {
  /** @type {(number | null)[]} */
  const latencies = new Array(n);
  let next = 0;
  let failures = 0;
  /** @type {string[]} */
  const failureSamples = [];
  let bytes = 0;
  /** @param {number} i @param {string} why */
  const fail = (i, why) => {
    failures++;
    if (failureSamples.length < 5) failureSamples.push(`#${i}: ${why}`);
  };
  const t0 = performance.now();
  const worker = async () => {
    for (;;) {
      const i = next++;
      if (i >= n) return;
      try {
        const res = await request(agent, base, 'GET', path, { token });
        latencies[i] = res.ms;
        bytes += Buffer.byteLength(res.text);
        if (res.status !== 200) fail(i, `HTTP ${res.status} ${res.text.slice(0, 200)}`);
        else {
          const count = totalIndicators(JSON.parse(res.text));
          if (count !== OPTS.indicators) fail(i, `${count} indicators`);
        }
      } catch (err) {
        latencies[i] = null;
        fail(i, /** @type {Error} */ (err).message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  const wallMs = performance.now() - t0;
  const sorted = latencies.filter((x) => x != null).sort((a, b) => a - b);
  const mean = sorted.reduce((a, b) => a + b, 0) / sorted.length;
  return {
    requests: n,
    concurrency,
    failures,
    failureSamples,
    p50Ms: round(percentile(sorted, 50), 2),
    p90Ms: round(percentile(sorted, 90), 2),
    p99Ms: round(percentile(sorted, 99), 2),
    maxMs: round(sorted[sorted.length - 1], 2),
    minMs: round(sorted[0], 2),
    meanMs: round(mean, 2),
    throughputRps: round((n / wallMs) * 1000, 0),
    wallMs: round(wallMs, 0),
    meanResponseBytes: Math.round(bytes / n),
    /** @type {{ node: number | null, postgres: number | null, benchClient: number | null } | undefined} */
    cpuMsPerRequest: undefined,
  };
}

/** CPU time of the node server and of its PostgreSQL (postmaster + all backends) @param {BenchServer} server */
function serverCpu(server) {
  const nodeMs = cpuMsOf(server.pid);
  const pm = postmaster(server.dataDir)?.pid;
  let pgMs = null;
  if (pm) {
    pgMs = cpuMsOf(pm) ?? 0;
    for (const pid of childrenOf(pm)) pgMs += cpuMsOf(pid) ?? 0;
  }
  return { nodeMs, pgMs };
}

/** @param {string} dataDir */
async function benchRead(dataDir) {
  const server = await startServer({ label: 'read server (warm)', dataDir });
  const agent = new http.Agent({ keepAlive: true, maxSockets: OPTS.concurrency });
  try {
    const { token, formId, projectName, seedIndicators } = await prepareBigForm(
      agent,
      server.base,
      OPTS.indicators,
      log,
    );
    const path = `/api/forms/${formId}`;
    const warmup = await load(agent, server.base, path, token, OPTS.warmup, OPTS.concurrency);
    log(`warm-up: ${OPTS.warmup} requests, p50 ${warmup.p50Ms} ms`);

    const cpu0 = serverCpu(server);
    const client0 = process.cpuUsage();
    const main = await load(agent, server.base, path, token, OPTS.requests, OPTS.concurrency);
    const client1 = process.cpuUsage(client0);
    const cpu1 = serverCpu(server);
    /** @param {number | null} a @param {number | null} b */
    const perRequest = (a, b) => (a == null || b == null ? null : round((b - a) / OPTS.requests, 2));
    // the client shares the machine's cores with the server: its own CPU is reported too
    main.cpuMsPerRequest = {
      node: perRequest(cpu0.nodeMs, cpu1.nodeMs),
      postgres: perRequest(cpu0.pgMs, cpu1.pgMs),
      benchClient: round((client1.user + client1.system) / 1000 / OPTS.requests, 2),
    };
    log(
      `concurrency ${OPTS.concurrency}: ${OPTS.requests} requests, p50 ${main.p50Ms} ms, p99 ${main.p99Ms} ms, ${main.throughputRps} req/s`,
    );

    // diagnostic: the same request one at a time (service time without queueing)
    const sequential = await load(agent, server.base, path, token, OPTS.sequentialRequests, 1);
    log(`concurrency 1: ${OPTS.sequentialRequests} requests, p50 ${sequential.p50Ms} ms, p99 ${sequential.p99Ms} ms`);

    // diagnostic: the health check (one SELECT 1, no auth, no transaction) at the same concurrency
    const health = await loadHealthBaseline(agent, server.base, Math.min(OPTS.requests, 1000), OPTS.concurrency);

    const exportXlsx = await benchExport(agent, server.base, `${path}/export.xlsx`, token);
    log(`export.xlsx: ${exportXlsx.n} requests one at a time, p50 ${exportXlsx.p50Ms} ms, p95 ${exportXlsx.p95Ms} ms`);
    return {
      formId,
      projectName,
      seedIndicators,
      indicators: OPTS.indicators,
      warmup,
      main,
      sequential,
      healthBaseline: health,
      exportXlsx,
    };
  } finally {
    agent.destroy();
    await stopServer(server);
  }
}

/**
 * Issue 13's single export: the same form as an .xlsx in the official layout (read, laid out by exceljs, written),
 * requested one at a time after 5 unmeasured ones. Fails on any answer but 200 with a zip (an .xlsx) body.
 * @param {http.Agent} agent
 * @param {string} base
 * @param {string} path
 * @param {string} token
 */
async function benchExport(agent, base, path, token) {
  const n = OPTS.quick ? 10 : 50;
  /** @type {number[]} */
  const latencies = [];
  let bytes = 0;
  for (let i = -5; i < n; i++) {
    const res = await request(agent, base, 'GET', path, { token });
    if (res.status !== 200 || !res.text.startsWith('PK'))
      throw new Error(`GET ${path}: HTTP ${res.status} ${res.text.slice(0, 200)}`);
    if (i < 0) continue;
    latencies.push(res.ms);
    bytes = Buffer.byteLength(res.text);
  }
  const sorted = [...latencies].sort((a, b) => a - b);
  return { n, p50Ms: round(median(sorted), 1), p95Ms: round(percentile(sorted, 95), 1), bytes };
}

/**
 * `load` checks the indicator count of every response; /api/health has none, so only its status is checked.
 * @param {http.Agent} agent
 * @param {string} base
 * @param {number} n
 * @param {number} concurrency
 */
async function loadHealthBaseline(agent, base, n, concurrency) {
  /** @type {number[]} */
  const latencies = [];
  let failures = 0;
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < n) {
        const res = await request(agent, base, 'GET', '/api/health');
        if (res.status !== 200) failures++;
        latencies.push(res.ms);
      }
    }),
  );
  const wallMs = performance.now() - t0;
  latencies.sort((a, b) => a - b);
  return {
    requests: n,
    concurrency,
    failures,
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
    throughputRps: round((n / wallMs) * 1000, 0),
  };
}

// ------------------------------------------------------------------------------------------------
// report

function machine() {
  const cpus = os.cpus();
  const nproc = os.availableParallelism?.() ?? cpus.length;
  return {
    nproc,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryGiB: round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    loadAverage1m: round(os.loadavg()[0], 2),
  };
}

/** @param {number | null | undefined} value @param {number} target */
function ratio(value, target) {
  return value == null ? null : round(value / target, 2);
}

/** @param {Results} results */
function printTable(results) {
  /** @type {string[][]} */
  const rows = [];
  /** @param {string} what @param {number | null | undefined} value @param {string} unit @param {number} [target] */
  const row = (what, value, unit, target) => {
    const r = target ? ratio(value, target) : null;
    rows.push([
      what,
      value == null ? '—' : `${value} ${unit}`,
      target ? `< ${target} ${unit}` : '',
      r == null ? '' : `${r}×`,
      r == null ? '' : r < 1 ? 'ok' : 'MISSED',
    ]);
  };
  const s = results.start;
  row(`cold start → healthy (median of ${OPTS.reps})`, s?.cold.medianMs, 'ms', TARGETS.coldStartMs);
  row(`warm start → healthy (median of ${OPTS.reps})`, s?.warm.medianMs, 'ms', TARGETS.warmStartMs);
  if (results.npmStart) {
    row('npm start, cold (cached build)', results.npmStart.coldMs, 'ms', TARGETS.coldStartMs);
    row('npm start, warm (cached build)', results.npmStart.warmMs, 'ms', TARGETS.warmStartMs);
  }
  if (results.build) {
    row('nx run api:build, cache hit', results.build.cachedMs, 'ms');
    if (results.build.uncachedMs != null) row('nx run api:build, no cache', results.build.uncachedMs, 'ms');
  }
  const read = results.read;
  if (read) {
    const m = read.main;
    row(`GET /api/forms/:id p50 (c=${m.concurrency}, n=${m.requests})`, m.p50Ms, 'ms', TARGETS.readP50Ms);
    row('GET /api/forms/:id p90', m.p90Ms, 'ms');
    row('GET /api/forms/:id p99', m.p99Ms, 'ms', TARGETS.readP99Ms);
    row('GET /api/forms/:id max', m.maxMs, 'ms');
    row('GET /api/forms/:id throughput', m.throughputRps, 'req/s');
    row('GET /api/forms/:id p50 at c=1', read.sequential.p50Ms, 'ms');
    row('GET /api/forms/:id p99 at c=1', read.sequential.p99Ms, 'ms');
    row('CPU per request: node server', m.cpuMsPerRequest?.node, 'ms');
    row('CPU per request: postgres', m.cpuMsPerRequest?.postgres, 'ms');
    row('CPU per request: bench client', m.cpuMsPerRequest?.benchClient, 'ms');
    const h = read.healthBaseline;
    row(`GET /api/health p50 (c=${h.concurrency})`, h.p50Ms, 'ms');
    row('GET /api/health throughput', h.throughputRps, 'req/s');
    const x = read.exportXlsx;
    row(`GET /api/forms/:id/export.xlsx p50 (c=1, n=${x.n})`, x.p50Ms, 'ms', TARGETS.exportXlsxMs);
    row('GET /api/forms/:id/export.xlsx p95', x.p95Ms, 'ms', TARGETS.exportXlsxMs);
  }
  const header = ['measure', 'value', 'target', 'ratio', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  /** @param {string[]} r */
  const line = (r) => r.map((c, i) => String(c).padEnd(widths[i])).join('  ');
  console.log('\n' + line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));

  /** @param {string} title @param {Record<string, number | null> | null | undefined} p */
  const phaseTable = (title, p) => {
    if (!p) return;
    console.log(`\n${title} (median ms; from the server's log lines):`);
    for (const [k, v] of Object.entries(p)) console.log(`  ${k.padEnd(20)} ${v ?? '—'}`);
  };
  phaseTable('cold start phases', s?.cold.medianPhases);
  phaseTable('warm start phases', s?.warm.medianPhases);
  if (results.argon2)
    console.log(`\nargon2id, 5 hashes one after the other (the demo seed's users): ${results.argon2.fiveHashesMs} ms`);
  const mc = results.machine;
  console.log(
    `\nmachine: ${mc.nproc} cpus (${mc.cpuModel}), ${mc.memoryGiB} GiB, node ${mc.node}, ${mc.platform}; load average ${mc.loadAverage1m} at start, ${mc.loadAverage1mAtEnd} at end`,
  );
}

// ------------------------------------------------------------------------------------------------

/**
 * What the run writes to tools/bench/results/latest.json.
 * @typedef {object} Results
 * @property {string} startedAt
 * @property {string} [finishedAt]
 * @property {typeof OPTS} options
 * @property {typeof TARGETS} targets
 * @property {ReturnType<typeof machine> & { loadAverage1mAtEnd?: number | null }} machine
 * @property {Awaited<ReturnType<typeof benchBuild>>} [build]
 * @property {Awaited<ReturnType<typeof benchArgon2>>} [argon2]
 * @property {Omit<Awaited<ReturnType<typeof benchStart>>, 'keep'>} [start]
 * @property {Awaited<ReturnType<typeof benchNpmStart>>} [npmStart]
 * @property {Awaited<ReturnType<typeof benchRead>>} [read]
 */

async function main() {
  if (!existsSync(join(ROOT, MAIN)))
    throw new Error(`${MAIN} is missing: run npx nx run api:build first (npm run bench does)`);
  if (OPTS.floorOnly) {
    await benchFloor({ quick: OPTS.quick, pairs: OPTS.pairs });
    return;
  }
  /** @type {Results} */
  const results = { startedAt: new Date().toISOString(), options: OPTS, targets: TARGETS, machine: machine() };
  log(`${OPTS.quick ? 'quick' : 'full'} run on ${results.machine.nproc} cpus, node ${process.version}`);

  if (OPTS.build) results.build = await benchBuild();
  results.argon2 = await benchArgon2();

  const start = await benchStart();
  results.start = { cold: start.cold, warm: start.warm };
  if (OPTS.npmStart) results.npmStart = await benchNpmStart();

  const read = await benchRead(start.keep.dataDir);
  results.read = read;
  removeDataDir(start.keep.holder, tempDirs);

  results.finishedAt = new Date().toISOString();
  results.machine.loadAverage1mAtEnd = round(os.loadavg()[0], 2);
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, JSON.stringify(results, null, 2) + '\n');
  printTable(results);
  console.log(`\nfigures written to ${RESULTS_FILE}`);

  /** @type {string[]} */
  const errors = [];
  if (read.warmup.failures)
    errors.push(`${read.warmup.failures} failed warm-up requests: ${read.warmup.failureSamples.join('; ')}`);
  if (read.main.failures) errors.push(`${read.main.failures} failed requests: ${read.main.failureSamples.join('; ')}`);
  if (read.healthBaseline.failures) errors.push(`${read.healthBaseline.failures} failed /api/health requests`);
  if (read.sequential.failures)
    errors.push(`${read.sequential.failures} failed sequential requests: ${read.sequential.failureSamples.join('; ')}`);
  const unclean = [...start.cold.runs, ...start.warm.runs].filter((r) => !r.stopClean).length;
  if (unclean) console.log(`note: ${unclean} server(s) did not stop cleanly on SIGTERM (see the log above)`);
  if (errors.length) throw new Error(errors.join('\n'));

  // Section 3 writes its own figures (floor-latest.json) and prints its own table.
  if (OPTS.floor) {
    console.log('');
    await benchFloor({ quick: OPTS.quick, pairs: OPTS.pairs });
  }

  if (OPTS.excel) {
    for (const [script, args] of /** @type {[string, string[]][]} */ ([
      ['tools/bench/import.mjs', OPTS.quick ? ['--forms=20'] : []],
      ['tools/bench/bulk-export.mjs', OPTS.quick ? ['--formats=xlsx'] : []],
    ])) {
      console.log('');
      await runInherited(process.execPath, [script, ...args]);
    }
  }
}

/**
 * A bench of its own (it starts and removes its own server), its output shown as it comes.
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<void>}
 */
function runInherited(command, args) {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolveRun() : reject(new Error(`${command} ${args.join(' ')} failed (code ${code})`)),
    );
  });
}

main()
  .then(() => cleanup())
  .catch(async (err) => {
    console.error(`\n[bench] FAILED: ${err.stack ?? err}`);
    await cleanup();
    process.exitCode = 1;
  });

// @ts-check
// The built app as a benchmark runs it: `node apps/api/dist/main.js` on a temporary DATA_DIR (its embedded
// PostgreSQL, no demo seed), waited on until /api/health answers, with the owner connection string of its
// database. Every server started and every temporary folder made through one harness is stopped and
// removed by `cleanup()`, and also on Ctrl-C, SIGTERM, SIGHUP or a crash of the benchmark itself.
import { spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { request } from './http.mjs';
import { freePort, kill, makeDataDir, postmaster, removeDataDir, sleep, stopLeftoverPostgres } from './process.mjs';

/**
 * @typedef {object} AppServer  one running `node apps/api/dist/main.js`
 * @property {string} dataDir
 * @property {number} port
 * @property {string} base  http://127.0.0.1:<port>
 * @property {import('node:child_process').ChildProcessByStdio<null, import('node:stream').Readable, import('node:stream').Readable>} child
 * @property {number} pid  its process group (detached)
 * @property {string[]} lines  the last 200 lines it printed
 * @property {number | null | undefined} exitCode  undefined while it runs
 * @property {Promise<void>} exited
 * @property {Promise<void> | null} stopped
 * @property {string} ownerUrl  the owner connection of its database
 */

/**
 * `tag` prefixes the harness's messages (e.g. 'bench:evaluation'); `root` is the repository (the server's cwd).
 * Returns { newDataDir(prefix), dropDataDir(holder), startServer(dataDir), stopServer(server), cleanup() }.
 * @param {{ root: string, tag: string, main?: string, healthyWithinMs?: number }} options
 */
export function appServerHarness({ root, tag, main = 'apps/api/dist/main.js', healthyWithinMs = 180_000 }) {
  /** @type {Set<string>} */
  const tempDirs = new Set();
  /** @type {Set<AppServer>} */
  const servers = new Set();

  /** @param {AppServer} server */
  async function stopServer(server) {
    server.stopped ??= (async () => {
      if (server.exitCode === undefined) {
        kill(-server.pid, 'SIGTERM');
        if (!(await Promise.race([server.exited.then(() => true), sleep(30_000).then(() => false)]))) {
          kill(-server.pid, 'SIGKILL');
          await Promise.race([server.exited, sleep(5_000)]);
        }
      }
      await stopLeftoverPostgres(server.dataDir);
      servers.delete(server);
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
          console.error(`[${tag}] could not remove ${holder}: ${/** @type {Error} */ (err).message}`);
        }
      }
    })();
    return cleaningUp;
  }

  // Last resort when the process exits without cleanup() (an uncaught error, process.exit elsewhere).
  process.on('exit', () => {
    for (const server of servers) {
      kill(-server.pid, 'SIGKILL');
      const pid = postmaster(server.dataDir)?.pid;
      if (pid) kill(pid, 'SIGQUIT');
    }
    for (const holder of tempDirs) rmSync(holder, { recursive: true, force: true });
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(sig, () => {
      console.error(`\n[${tag}] ${sig}: stopping servers and removing temporary data`);
      cleanup()
        .catch((err) => console.error(`[${tag}] cleanup failed: ${err}`))
        .finally(() => process.exit(130));
    });
  }

  /**
   * `extraEnv` overrides the defaults (e.g. SEED_DEMO: 'true' for the demo data); `nodeArgs` go before the script
   * (e.g. --cpu-prof, which NODE_OPTIONS does not take).
   * @param {string} dataDir
   * @param {NodeJS.ProcessEnv} [extraEnv]
   * @param {string[]} [nodeArgs]
   * @returns {Promise<AppServer>}
   */
  async function startServer(dataDir, extraEnv = {}, nodeArgs = []) {
    const port = await freePort();
    /** @type {NodeJS.ProcessEnv} */
    const env = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'false' };
    for (const name of ['DATABASE_URL', 'APP_DATABASE_URL', 'NODE_ENV', 'LOG_LEVEL', 'SESSION_SECRET', 'JWT_SECRET'])
      delete env[name];
    Object.assign(env, extraEnv);
    const child = spawn(process.execPath, [...nodeArgs, main], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    // No pid: the spawn failed, and says why in its 'error' event.
    if (child.pid === undefined)
      throw new Error(`could not start ${main}: ${await new Promise((fail) => child.once('error', fail))}`);
    /** @type {AppServer} */
    const server = {
      dataDir,
      port,
      child,
      pid: child.pid,
      lines: [],
      exitCode: undefined,
      stopped: null,
      base: `http://127.0.0.1:${port}`,
      exited: new Promise((resolveExit) => {
        child.on('exit', (code) => {
          server.exitCode = code;
          resolveExit();
        });
        child.on('error', () => {
          server.exitCode = -1;
          resolveExit();
        });
      }),
      ownerUrl: '', // set below, once it is healthy
    };
    servers.add(server);
    /** @param {Buffer} chunk */
    const keepLines = (chunk) => {
      for (const text of chunk.toString('utf8').split('\n')) if (text.trim()) server.lines.push(text);
      if (server.lines.length > 200) server.lines.splice(0, server.lines.length - 200);
    };
    child.stdout.on('data', keepLines);
    child.stderr.on('data', keepLines);
    const deadline = performance.now() + healthyWithinMs;
    for (;;) {
      if (server.exitCode !== undefined)
        throw new Error(`the server exited (code ${server.exitCode}):\n${server.lines.slice(-20).join('\n')}`);
      if (performance.now() > deadline)
        throw new Error(
          `the server was not healthy within ${healthyWithinMs / 1000} s:\n${server.lines.slice(-20).join('\n')}`,
        );
      const res = await request(false, server.base, 'GET', '/api/health', { timeoutMs: 2_000 }).catch(() => null);
      if (res?.status === 200) break;
      await sleep(100);
    }
    const pm = postmaster(dataDir);
    if (!pm) throw new Error(`the server is healthy but ${dataDir}/postgres has no postmaster.pid`);
    const password = readFileSync(join(dataDir, 'postgres', 'superuser-password'), 'utf8').trim();
    server.ownerUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pm.port}/jixiaotong`;
    return server;
  }

  return {
    newDataDir: (/** @type {string} */ prefix) => makeDataDir(prefix, tempDirs),
    dropDataDir: (/** @type {string} */ holder) => removeDataDir(holder, tempDirs),
    startServer,
    stopServer,
    cleanup,
  };
}

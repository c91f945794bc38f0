// @ts-check
// Helpers shared by the benchmark scripts: numbers, ports, processes, the temporary DATA_DIRs the app's
// embedded PostgreSQL runs in, and stopping a PostgreSQL that outlived its node process.
import { chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import { join } from 'node:path';

/** @param {number} ms @returns {Promise<void>} */
export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
/** @param {number | null | undefined} x @returns {number | null} */
export const round = (x, digits = 1) =>
  x == null || Number.isNaN(x) ? null : Math.round(x * 10 ** digits) / 10 ** digits;

/** @param {(number | null | undefined)[]} xs @returns {number | null} */
export const median = (xs) => {
  const s = /** @type {number[]} */ (xs.filter((x) => x != null)).sort((a, b) => a - b);
  if (!s.length) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * Nearest-rank percentile of a sorted array; `p` is a percentage (50, 95). A fraction (0.95) would read the fastest
 * value as every percentile — two benches printed minima that way — so it is refused.
 * @param {number[]} sorted
 * @param {number} p
 */
export const percentile = (sorted, p) => {
  if (!(p >= 1 && p <= 100)) throw new RangeError(`percentile takes a percentage from 1 to 100, not ${p}`);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

/** @returns {Promise<number>} */
export function freePort() {
  return new Promise((resolvePort, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (srv.address());
      srv.close(() => resolvePort(port));
    });
  });
}

/** True while the process exists and is not a zombie (Linux /proc). @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (err) {
    return /** @type {NodeJS.ErrnoException} */ (err).code === 'EPERM';
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true;
  }
}

/** @param {number} pid @param {NodeJS.Signals} signal */
export function kill(pid, signal) {
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false;
  }
}

/** A temporary folder the `postgres` OS user can enter (the app runs PostgreSQL as `postgres` when we are root). */
/** @param {string} prefix @param {Set<string>} registry */
export function makeDataDir(prefix, registry) {
  const holder = mkdtempSync(join(os.tmpdir(), prefix));
  chmodSync(holder, 0o755);
  registry.add(holder);
  return { holder, dataDir: join(holder, 'data') };
}

/** @param {string} holder @param {Set<string>} registry */
export function removeDataDir(holder, registry) {
  rmSync(holder, { recursive: true, force: true });
  registry.delete(holder);
}

/**
 * pid and port of the embedded PostgreSQL of a DATA_DIR, from its postmaster.pid.
 * @param {string} dataDir
 * @returns {{ pid: number, port: number } | null}
 */
export function postmaster(dataDir) {
  try {
    const lines = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
    const pid = Number.parseInt(lines[0], 10);
    return pid > 0 ? { pid, port: Number.parseInt(lines[3], 10) } : null;
  } catch {
    return null;
  }
}

/** The app's PostgreSQL runs detached (own process group); if node died without stopping it, stop it here. */
export async function stopLeftoverPostgres(/** @type {string} */ dataDir) {
  const pid = postmaster(dataDir)?.pid;
  if (!pid || !isAlive(pid)) return false;
  kill(pid, 'SIGINT'); // fast shutdown
  /** @type {[NodeJS.Signals, number][]} */
  const escalation = [
    ['SIGQUIT', 10_000],
    ['SIGKILL', 5_000],
  ];
  for (const [sig, wait] of escalation) {
    const deadline = Date.now() + wait;
    while (Date.now() < deadline && isAlive(pid)) await sleep(50);
    if (!isAlive(pid)) break;
    kill(pid, sig);
  }
  return true;
}

/** utime + stime of a process in ms (Linux), or null @param {number} pid @returns {number | null} */
export function cpuMsOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** pids whose parent is `ppid` (Linux /proc) @param {number} ppid */
export function childrenOf(ppid) {
  /** @type {number[]} */
  const out = [];
  /** @type {string[]} */
  let entries = [];
  try {
    entries = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const e of entries) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = readFileSync(`/proc/${e}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[1]) === ppid) out.push(Number(e));
    } catch {
      // gone
    }
  }
  return out;
}

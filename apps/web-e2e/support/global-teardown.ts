import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function stop(pid: number, timeoutMs: number): Promise<void> {
  if (!alive(pid)) return;
  process.kill(pid, 'SIGTERM');
  const until = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
}

/** Stops the app the global setup started (on SIGTERM it stops its PostgreSQL itself) and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const pid = Number(process.env.JXT_E2E_PID);
  const dir = process.env.JXT_E2E_DIR;
  if (pid) {
    await stop(pid, 20_000);
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  if (!dir) return;
  // After a SIGKILL of Node the embedded server keeps running: stop it by its postmaster.pid.
  const postmaster = join(dir, 'data', 'postgres', 'postmaster.pid');
  if (existsSync(postmaster)) {
    const serverPid = Number(readFileSync(postmaster, 'utf8').split('\n')[0]);
    if (serverPid) await stop(serverPid, 10_000);
  }
  rmSync(dir, { recursive: true, force: true });
}

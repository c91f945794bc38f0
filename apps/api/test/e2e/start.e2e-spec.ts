import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { GoalForm, LoginResponse, ProjectListResponse } from '@jxt/contracts';
import { toSaveRequest } from '@jxt/domain';
import { makeThrowawayDataDir, startEmbeddedServer } from '../../src/database/embedded/embedded-server';
import { withDatabase } from '../../src/database/urls';
import { Client } from 'pg';

const ROOT = resolve(__dirname, '../../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

const holders: string[] = [];
afterAll(() => holders.splice(0).forEach((holder) => rmSync(holder, { recursive: true, force: true })));

/** A DATA_DIR the unprivileged postgres user can reach (mkdtemp makes 0700 folders); removed after the file. */
function dataDir(): string {
  const holder = mkdtempSync(join(tmpdir(), 'jxt-start-'));
  chmodSync(holder, 0o755);
  holders.push(holder);
  return join(holder, 'data');
}

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

function start(command: string[], env: Record<string, string>, port: number): Running {
  const child = spawn(command[0], command.slice(1), {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return { child, port, output: () => output, exited };
}

async function healthy(app: Running, timeoutMs = 60000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (app.child.exitCode !== null) throw new Error(`app exited (${app.child.exitCode}):\n${app.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${app.port}/api/health`);
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`not healthy in ${timeoutMs} ms:\n${app.output()}`);
}

async function api<T>(
  app: Running,
  path: string,
  init: RequestInit & { token?: string } = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(`http://127.0.0.1:${app.port}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}) },
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

const loginAs = async (app: Running, username: string, password = 'demo') =>
  api<LoginResponse>(app, '/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) });

const postmasterRunning = (dir: string) => existsSync(join(dir, 'postgres', 'postmaster.pid'));
const passwordFilesInTmp = () => readdirSync(tmpdir()).filter((f) => f.startsWith('pg-password'));

describe('npm start on the embedded default', () => {
  const dir = dataDir();

  it('starts cold with the demo data, keeps a change across a SIGTERM and a warm restart, and stops PostgreSQL with it', async () => {
    const passwordFilesBefore = passwordFilesInTmp();
    const cold = start([process.execPath, MAIN], { DATA_DIR: dir }, await freePort());
    await healthy(cold);
    const login = await loginAs(cold, 'filer');
    expect(login.status).toBe(200);
    const token = login.body.accessToken;
    const list = await api<ProjectListResponse>(cold, '/api/projects?year=2021', { token });
    expect(list.body.items.map((p) => p.name)).toEqual(['市民服务', '项目服务管理', '网络信息系统运行与维护']);
    const formId = list.body.items[2].formId;
    const form = (await api<GoalForm>(cold, `/api/forms/${formId}`, { token })).body;
    const request = toSaveRequest(form);
    request.annualGoal = `${form.annualGoal}\n10、重启后仍在`;
    expect(
      (await api(cold, `/api/forms/${formId}`, { method: 'PUT', token, body: JSON.stringify(request) })).status,
    ).toBe(200);

    cold.child.kill('SIGTERM');
    expect(await cold.exited).toBe(0);
    expect(postmasterRunning(dir)).toBe(false);
    expect(passwordFilesInTmp()).toEqual(passwordFilesBefore);

    const warm = start([process.execPath, MAIN], { DATA_DIR: dir }, await freePort());
    await healthy(warm);
    expect(warm.output()).not.toContain('demo data loaded');
    const again = await loginAs(warm, 'filer');
    const saved = await api<GoalForm>(warm, `/api/forms/${formId}`, { token: again.body.accessToken });
    expect(saved.body.annualGoal).toContain('10、重启后仍在');
    warm.child.kill('SIGINT');
    expect(await warm.exited).toBe(0);
    expect(postmasterRunning(dir)).toBe(false);
  });

  it('recovers after the app was killed with SIGKILL (stale postmaster.pid, server left running)', async () => {
    const first = start([process.execPath, MAIN], { DATA_DIR: dir }, await freePort());
    await healthy(first);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = start([process.execPath, MAIN], { DATA_DIR: dir }, await freePort());
    await healthy(second);
    expect((await loginAs(second, 'admin')).status).toBe(200);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });

  it('stops node and PostgreSQL when npm start itself gets SIGTERM', async () => {
    const npm = start(['npm', 'start', '--silent'], { DATA_DIR: dir }, await freePort());
    await healthy(npm, 90000);
    npm.child.kill('SIGTERM');
    await npm.exited;
    const until = Date.now() + 10000;
    while (postmasterRunning(dir) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
    expect(postmasterRunning(dir)).toBe(false);
    await expect(fetch(`http://127.0.0.1:${npm.port}/api/health`)).rejects.toThrow();
  });
});

describe('a production start', () => {
  it.each([
    ['SESSION_SECRET', { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', SESSION_SECRET: '' }],
    ['DATABASE_URL', { DATABASE_URL: '', SESSION_SECRET: 'p'.repeat(40) }],
  ])('refuses to start without %s, saying so in one line', async (name, env) => {
    const app = start(
      [process.execPath, MAIN],
      { NODE_ENV: 'production', DATA_DIR: dataDir(), ...env },
      await freePort(),
    );
    expect(await app.exited).toBe(1);
    expect(app.output().trim()).toBe(`[jixiaotong] ${name} is required when NODE_ENV=production`);
  });

  it('on an external database migrates and serves, but never creates the demo users', async () => {
    const holder = await makeThrowawayDataDir();
    const server = await startEmbeddedServer({ dataDir: holder.dataDir, fast: true });
    try {
      const databaseUrl = withDatabase(server.url, 'jxt_production');
      const env = {
        NODE_ENV: 'production',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET: 'p'.repeat(40),
        APP_DB_PASSWORD: 'prod-app-password',
        DATA_DIR: dataDir(),
      };
      const app = start([process.execPath, MAIN], env, await freePort());
      await healthy(app);
      expect((await loginAs(app, 'filer')).status).toBe(401);
      const owner = new Client({ connectionString: databaseUrl });
      await owner.connect();
      const { rows } = await owner.query(
        'SELECT (SELECT count(*)::int FROM tenant) AS tenants, (SELECT count(*)::int FROM app_user) AS users',
      );
      await owner.end();
      expect(rows[0]).toEqual({ tenants: 0, users: 0 });
      app.child.kill('SIGTERM');
      expect(await app.exited).toBe(0);
    } finally {
      await server.stop();
      await holder.remove();
    }
  });
});

describe('supervision of the embedded server', () => {
  const started: Running[] = [];
  // a failed assertion must not leave the apps (and their PostgreSQL) running
  afterAll(async () => {
    for (const app of started.filter((a) => a.child.exitCode === null && a.child.signalCode === null)) {
      app.child.kill('SIGTERM');
      await app.exited;
    }
  });
  interface Answer {
    startedAt: number;
    endedAt: number;
    status: number; // 0: no answer (refused, reset, or no answer within 8 s)
  }

  /** Authenticated GETs one after another until `done()`; every answer is recorded. */
  async function load(app: Running, token: string, answers: Answer[], done: () => boolean): Promise<void> {
    while (!done()) {
      const startedAt = Date.now();
      let status = 0;
      try {
        const response = await fetch(`http://127.0.0.1:${app.port}/api/projects?year=2021`, {
          headers: { authorization: `Bearer ${token}` },
          signal: AbortSignal.timeout(8000),
        });
        await response.arrayBuffer();
        status = response.status;
      } catch {
        // recorded as status 0
      }
      answers.push({ startedAt, endedAt: Date.now(), status });
    }
  }

  const postmasterPid = (dir: string): number =>
    Number(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);

  /** ms from the kill to the first 200 of a request sent once the new postmaster existed. */
  const recoveredAfter = (answers: Answer[], killedAt: number, newServerAt: number): number | undefined => {
    const first = answers.find((a) => a.status === 200 && a.startedAt >= newServerAt);
    return first && first.endedAt - killedAt;
  };

  it('restarts PostgreSQL killed with SIGKILL under load: 503 meanwhile, then 200 within 5 s, no API restart; a process pinned by DATABASE_URL reconnects too', async () => {
    const dir = dataDir();
    const app = start([process.execPath, MAIN], { DATA_DIR: dir }, await freePort());
    started.push(app);
    await healthy(app);
    const pgPort = Number(readFileSync(join(dir, 'postgres', 'jxt-port'), 'utf8'));
    const password = readFileSync(join(dir, 'postgres', 'superuser-password'), 'utf8').trim();
    // A second API process on the same database, pinned to the embedded server's port by DATABASE_URL.
    const pinned = start(
      [process.execPath, MAIN],
      {
        DATA_DIR: dir,
        DATABASE_URL: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/jixiaotong`,
      },
      await freePort(),
    );
    started.push(pinned);
    await healthy(pinned);
    const appPid = app.child.pid;
    const pinnedPid = pinned.child.pid;

    const token = (await loginAs(app, 'filer')).body.accessToken;
    const list = await api<ProjectListResponse>(app, '/api/projects?year=2021', { token });
    const formId = list.body.items[0].formId;
    const form = (await api<GoalForm>(app, `/api/forms/${formId}`, { token })).body;
    const request = toSaveRequest(form);
    request.annualGoal = `${form.annualGoal}\n提交于数据库重启之前`;
    expect(
      (await api(app, `/api/forms/${formId}`, { method: 'PUT', token, body: JSON.stringify(request) })).status,
    ).toBe(200);

    const answers: Answer[] = [];
    const pinnedAnswers: Answer[] = [];
    let stopLoad = false;
    const workers = [
      load(app, token, answers, () => stopLoad),
      load(app, token, answers, () => stopLoad),
      load(app, token, answers, () => stopLoad),
      load(pinned, token, pinnedAnswers, () => stopLoad),
    ];
    await new Promise((r) => setTimeout(r, 500));

    const killed = postmasterPid(dir);
    const killedAt = Date.now();
    process.kill(killed, 'SIGKILL');
    let newServerAt = Infinity;
    const until = Date.now() + 20000;
    while (Date.now() < until) {
      if (newServerAt === Infinity && existsSync(join(dir, 'postgres', 'postmaster.pid'))) {
        const pid = (() => {
          try {
            return postmasterPid(dir);
          } catch {
            return killed;
          }
        })();
        if (pid && pid !== killed) newServerAt = Date.now();
      }
      if (
        recoveredAfter(answers, killedAt, newServerAt) !== undefined &&
        recoveredAfter(pinnedAnswers, killedAt, newServerAt) !== undefined
      )
        break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await new Promise((r) => setTimeout(r, 300));
    stopLoad = true;
    await Promise.all(workers);

    const recovered = recoveredAfter(answers, killedAt, newServerAt);
    const pinnedRecovered = recoveredAfter(pinnedAnswers, killedAt, newServerAt);
    const all = [...answers, ...pinnedAnswers];
    const count = (status: number) => all.filter((a) => a.status === status).length;
    const slowest = Math.max(...all.map((a) => a.endedAt - a.startedAt));
    const restartLine = /PostgreSQL restarted on 127\.0\.0\.1:(\d+) in (\d+) ms/.exec(app.output());
    console.log(
      `[supervision] recovered in ${recovered} ms (first 200 of an authenticated GET after kill -9 of the postmaster; ` +
        `supervisor's restart ${restartLine?.[2]} ms; pinned process ${pinnedRecovered} ms); ` +
        `${all.length} requests: ${count(200)} × 200, ${count(503)} × 503, slowest ${slowest} ms`,
    );

    expect(recovered).toBeDefined();
    expect(recovered!).toBeLessThan(5000);
    expect(pinnedRecovered).toBeDefined();
    expect(pinnedRecovered!).toBeLessThan(5000);
    expect(all.filter((a) => a.status !== 200 && a.status !== 503)).toEqual([]); // never a 500, never no answer
    expect(count(503)).toBeGreaterThan(0);
    expect(slowest).toBeLessThan(6000); // nothing waits beyond the 5 s connect timeout
    // no API restart: the same processes served before and after
    expect(app.child.pid).toBe(appPid);
    expect(app.child.exitCode).toBeNull();
    expect(pinned.child.pid).toBe(pinnedPid);
    expect(pinned.child.exitCode).toBeNull();
    // the same port, a new postmaster
    expect(Number(restartLine?.[1])).toBe(pgPort);
    expect(postmasterPid(dir)).not.toBe(killed);
    expect(readFileSync(join(dir, 'postgres', 'postmaster.pid'), 'utf8').split('\n')[3]).toBe(String(pgPort));
    expect(app.output()).toContain(`exited unexpectedly (killed by SIGKILL); restarting it on 127.0.0.1:${pgPort}`);

    // the change committed before the kill is there
    const saved = await api<GoalForm>(app, `/api/forms/${formId}`, { token });
    expect(saved.body.annualGoal).toContain('提交于数据库重启之前');

    // both session caches listen again, and a logout in one process ends the session in the other
    const listening = Date.now() + 15000;
    while (
      !(
        app.output().includes('session cache: listening again') &&
        pinned.output().includes('session cache: listening again')
      ) &&
      Date.now() < listening
    )
      await new Promise((r) => setTimeout(r, 100));
    expect(app.output()).toContain('session cache: listening again');
    expect(pinned.output()).toContain('session cache: listening again');
    expect((await api(app, '/api/auth/me', { token })).status).toBe(200);
    expect((await api(pinned, '/api/auth/logout', { method: 'POST', token, body: '{}' })).status).toBe(204);
    expect((await api(app, '/api/auth/me', { token })).status).toBe(401);

    // a stop is not a crash: no restart behind it
    pinned.child.kill('SIGTERM');
    expect(await pinned.exited).toBe(0);
    app.child.kill('SIGTERM');
    expect(await app.exited).toBe(0);
    expect(postmasterRunning(dir)).toBe(false);
    expect(app.output().match(/exited unexpectedly/g)).toHaveLength(1);
  });
});

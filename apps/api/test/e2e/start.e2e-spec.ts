import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, chmodSync, readdirSync, rmSync } from 'node:fs';
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

import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');
const MAIN = join(ROOT, 'apps/api/dist/main.js');
const WEB_INDEX = join(ROOT, 'apps/web/dist/index.html');

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/**
 * Starts the built app as `npm start` does (node apps/api/dist/main.js) on a free port with a fresh
 * DATA_DIR: its own embedded PostgreSQL, migrated and loaded with the demo tenant. Builds nothing.
 * The teardown finds the process and the folder through the environment variables set here.
 */
export default async function globalSetup(): Promise<void> {
  for (const [file, what] of [
    [MAIN, 'the API'],
    [WEB_INDEX, 'the SPA'],
  ]) {
    if (!existsSync(file)) throw new Error(`${what} is not built (${file} missing): run \`npm run build\` first`);
  }
  // mkdtemp makes a 0700 folder; the embedded PostgreSQL runs as the OS user postgres and must enter it.
  const holder = mkdtempSync(join(tmpdir(), 'jxt-web-e2e-'));
  chmodSync(holder, 0o755);
  const port = await freePort();
  const log = join(holder, 'app.log');
  const out = openSync(log, 'a');
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    // Not production (which needs DATABASE_URL and loads no demo data), whatever the caller's shell says.
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: join(holder, 'data'),
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      APP_DATABASE_URL: '',
      SEED_DEMO: 'true',
    },
    stdio: ['ignore', out, out],
  });
  process.env.JXT_E2E_PID = String(child.pid);
  process.env.JXT_E2E_DIR = holder;
  const baseURL = `http://127.0.0.1:${port}`;

  // Playwright runs no teardown when the setup throws: stop the app (it stops its PostgreSQL) and clean up here.
  const fail = async (message: string): Promise<never> => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await Promise.race([new Promise((r) => child.once('exit', r)), new Promise((r) => setTimeout(r, 15_000))]);
    }
    const output = readFileSync(log, 'utf8');
    rmSync(holder, { recursive: true, force: true });
    throw new Error(`${message}\n${output}`);
  };
  const until = Date.now() + 90_000;
  for (;;) {
    if (child.exitCode !== null) await fail(`the app exited with ${child.exitCode} before it was healthy:`);
    try {
      const response = await fetch(`${baseURL}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) await fail('the app was not healthy within 90 s:');
    await new Promise((r) => setTimeout(r, 200));
  }
  process.env.JXT_E2E_BASE_URL = baseURL;
}

#!/usr/bin/env node
// @ts-check
// `npm run dev`: the API (built once, embedded PostgreSQL, port 3000) and the SPA from Vite's dev server with
// hot reload on http://localhost:5173, which proxies /api to the API. Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const port = process.env.PORT ?? '3000';
const children = [
  spawn('npm', ['start', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, PORT: port } }),
  // Vite's own entry, not npx: a signal must reach the server itself.
  spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), '--port', '5173', '--strictPort'], {
    cwd: join(root, 'apps/web'),
    stdio: 'inherit',
    env: { ...process.env, API_URL: `http://localhost:${port}` },
  }),
];
let stopping = false;
/** @param {NodeJS.Signals} signal */
const stop = (signal) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
for (const child of children) child.on('exit', () => stop('SIGTERM'));
await Promise.all(children.map((child) => new Promise((done) => child.on('exit', done))));

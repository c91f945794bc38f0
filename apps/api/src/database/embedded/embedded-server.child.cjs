// @ts-check
// Child process for embedded-server.spec.ts: plain CommonJS that requires the compiled module.
// usage: node embedded-server.child.cjs <compiled embedded-server.js> <dataDir> <mode>
//   mode "hang":    start, insert a row, print READY <json>, wait (the parent SIGKILLs us)
//   mode "signals": start, open an idle pool connection, stopOnSignals; print READY, wait for
//                   SIGTERM/SIGINT; prints STOPPED <signal> and exits 0
'use strict';
const [, , modulePath, dataDir, mode] = process.argv;
const { startEmbeddedServer, stopOnSignals, ignoreAdminShutdownErrors } = require(modulePath);
const { Client, Pool } = require('pg');

(async () => {
  const server = await startEmbeddedServer({ dataDir, fast: true });
  if (mode === 'hang') {
    const c = new Client({ connectionString: server.url });
    await c.connect();
    await c.query('create table if not exists survivors (id int primary key)');
    await c.query('insert into survivors values (1) on conflict do nothing');
    await c.end();
    process.stdout.write(`READY ${JSON.stringify({ port: server.port })}\n`);
    setInterval(() => undefined, 1000);
    return;
  }
  if (mode === 'signals') {
    const pool = new Pool({ connectionString: server.url, idleTimeoutMillis: 0 });
    let otherErrors = 0;
    ignoreAdminShutdownErrors(pool, () => otherErrors++);
    await pool.query('select 1'); // leaves one idle connection that gets 57P01 at shutdown
    stopOnSignals(server, (/** @type {string} */ signal, /** @type {unknown} */ error) => {
      // give the pool's socket a moment to report 57P01 (it must not crash us)
      setTimeout(() => {
        process.stdout.write(`STOPPED ${signal} ${error ? String(error) : 'ok'} otherErrors=${otherErrors}\n`);
        process.exit(0);
      }, 200);
    });
    process.stdout.write(`READY ${JSON.stringify({ port: server.port })}\n`);
    setInterval(() => undefined, 1000);
    return;
  }
  throw new Error(`unknown mode ${mode}`);
})().catch((err) => {
  process.stderr.write(`CHILD FAILED ${err && err.stack ? err.stack : String(err)}\n`);
  process.exit(1);
});

import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { createApp } from './create-app';
import { ensureAppRole } from './database/app-role';
import { openDatabaseServer } from './database/database-server';
import { ensureDatabase, runMigrations } from './database/schema-tools';
import { loadDemoData } from './seeds/demo-seed';

/**
 * npm start: the database (embedded unless DATABASE_URL), migrations, the app role,
 * the demo data on the embedded default's first start, then the HTTP server.
 */
async function main(): Promise<void> {
  const started = Date.now();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(`[jixiaotong] ${err.message}`);
    process.exit(1);
  }
  const log = (message: string) => console.log(`[jixiaotong] ${message}`);
  // The embedded server's own chatter (initdb, postgres) only with LOG_LEVEL=debug.
  const serverLog = (message: string) => {
    if (config.logLevel === 'debug' || !/^\[(initdb|postgres)\]/.test(message)) log(message);
  };
  const database = await openDatabaseServer(config, serverLog, { supervise: true });
  let app: Awaited<ReturnType<typeof createApp>> | null = null;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Before anything else: the same signal may reach the embedded postmaster (a service manager stops the whole
    // group), and its exit must not be taken for a crash to recover from.
    database.holdRestarts();
    log(`${signal}: stopping`);
    await app?.close().catch(() => undefined);
    await database.close().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    await ensureDatabase(database.ownerUrl);
    const applied = await runMigrations(database.ownerUrl);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
    if (config.seedDemo && (await loadDemoData(database.ownerUrl)))
      log('demo data loaded (users filer, supervisor, finance, reviewer, admin; password demo)');
    const appDatabaseUrl = await ensureAppRole(database.ownerUrl, config);
    app = await createApp({ config, appDatabaseUrl });
    await app.listen({ port: config.port, host: config.host });
    log(`listening on http://localhost:${config.port} (API docs /api/docs) in ${Date.now() - started} ms`);
  } catch (err) {
    console.error(err);
    await database.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();

import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { withDatabase } from './urls';

export interface DatabaseServer {
  /** Owner connection to the app's database (migrations, seeding). */
  ownerUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

export const APP_DATABASE_NAME = 'jixiaotong';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres, started here — or, with
 * `shareRunning`, the one the running app started (operator commands that may run beside the app: db:backup).
 */
export async function openDatabaseServer(
  config: AppConfig,
  log: (msg: string) => void = () => undefined,
  { shareRunning = false }: { shareRunning?: boolean } = {},
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return { ownerUrl: config.databaseUrl, embedded: false, close: async () => undefined };
  }
  // Loaded lazily: a process pointed at DATABASE_URL never touches the embedded binaries.
  const { startEmbeddedServer, runningServerUrl } = await import('./embedded/embedded-server');
  const running = shareRunning ? await runningServerUrl(join(config.dataDir, 'postgres')) : null;
  if (running)
    return { ownerUrl: withDatabase(running, APP_DATABASE_NAME), embedded: true, close: async () => undefined };
  const server = await startEmbeddedServer({ dataDir: join(config.dataDir, 'postgres'), log });
  return {
    ownerUrl: withDatabase(server.url, APP_DATABASE_NAME),
    embedded: true,
    close: () => server.stop(),
  };
}

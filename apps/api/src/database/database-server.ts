import { join } from 'node:path';
import type { AppConfig } from '../config/app-config';
import { withDatabase } from './urls';

export interface DatabaseServer {
  /** Owner connection to the app's database (migrations, seeding). */
  ownerUrl: string;
  embedded: boolean;
  /** The process is stopping: a supervised embedded server that exits from now on is not started again. */
  holdRestarts(): void;
  close(): Promise<void>;
}

export const APP_DATABASE_NAME = 'jixiaotong';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR/postgres, started here — or, with
 * `shareRunning`, the one the running app started (operator commands that may run beside the app: db:backup). With
 * `supervise` (npm start) the embedded server is restarted whenever it exits while the process runs.
 */
export async function openDatabaseServer(
  config: AppConfig,
  log: (msg: string) => void = () => undefined,
  { shareRunning = false, supervise = false }: { shareRunning?: boolean; supervise?: boolean } = {},
): Promise<DatabaseServer> {
  if (config.databaseUrl) {
    return {
      ownerUrl: config.databaseUrl,
      embedded: false,
      holdRestarts: () => undefined,
      close: async () => undefined,
    };
  }
  // Loaded lazily: a process pointed at DATABASE_URL never touches the embedded binaries.
  const { startEmbeddedServer, runningServerUrl } = await import('./embedded/embedded-server');
  const running = shareRunning ? await runningServerUrl(join(config.dataDir, 'postgres')) : null;
  if (running)
    return {
      ownerUrl: withDatabase(running, APP_DATABASE_NAME),
      embedded: true,
      holdRestarts: () => undefined,
      close: async () => undefined,
    };
  // The app supervises its server: restarted, on the same port, if it exits while the app runs (ADR 0018).
  const server = await startEmbeddedServer({ dataDir: join(config.dataDir, 'postgres'), log, supervise });
  return {
    ownerUrl: withDatabase(server.url, APP_DATABASE_NAME),
    embedded: true,
    holdRestarts: () => server.holdRestarts(),
    close: () => server.stop(),
  };
}

import { DataSource, type DataSourceOptions } from 'typeorm';
import { CONNECT_TIMEOUT_MS } from './connect-timeout';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
}

/** One place that builds a TypeORM DataSource: same entities and migrations for app, CLI and tests. */
export function createDataSource({
  url,
  poolSize = 10,
  applicationName = 'jixiaotong',
}: DataSourceSettings): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    // gen_random_uuid() is built into PostgreSQL 13+; the app role may not create extensions.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    synchronize: false,
    migrationsRun: false,
    logging: false,
    applicationName,
    connectTimeoutMS: CONNECT_TIMEOUT_MS,
    extra: { max: poolSize },
  };
  return new DataSource(options);
}

/** Idle pooled connections get 57P01 when the server shuts down; log instead of crashing. */
export function guardPoolErrors(dataSource: DataSource, log: (message: string) => void = () => undefined): void {
  const driver = dataSource.driver as unknown as { master?: { on(event: 'error', cb: (err: Error) => void): void } };
  driver.master?.on('error', (err) => log(`database pool: ${err.message}`));
}

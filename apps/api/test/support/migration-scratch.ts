import { randomBytes } from 'node:crypto';
import type { QueryRunner } from 'typeorm';
import { createDataSource } from '../../src/database/data-source';
import { MIGRATIONS } from '../../src/database/migrations';
import { adminQuery } from '../../src/database/schema-tools';
import { quoteIdent, withDatabase } from '../../src/database/urls';

type Migration = (typeof MIGRATIONS)[number];

export interface MigrationScratch {
  /** The owner's connection to the scratch database, for rows written in the schema as it was. */
  readonly q: QueryRunner;
  /** Runs the migration under test and every later one, as an upgrade of a running district would. */
  migrateRest(): Promise<void>;
  /** Drops the scratch database. */
  close(): Promise<void>;
}

/**
 * A database of its own, migrated up to just before `migration`: a migration spec writes data as it was then, runs
 * the rest and checks what became of it.
 */
export async function migratedUpTo(migration: Migration): Promise<MigrationScratch> {
  const serverUrl = process.env.JXT_TEST_OWNER_URL!;
  const name = `jxt_migrate_${randomBytes(5).toString('hex')}`;
  const cut = MIGRATIONS.indexOf(migration);
  if (cut < 0) throw new Error(`${migration.name} is not in MIGRATIONS`);
  await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)}`);
  const ds = createDataSource({ url: withDatabase(serverUrl, name), poolSize: 1 });
  await ds.initialize();
  const q = ds.createQueryRunner();
  for (const Earlier of MIGRATIONS.slice(0, cut)) await new Earlier().up(q);
  return {
    q,
    migrateRest: async () => {
      for (const Later of MIGRATIONS.slice(cut)) await new Later().up(q);
    },
    close: async () => {
      await q.release();
      await ds.destroy();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    },
  };
}

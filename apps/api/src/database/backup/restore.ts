import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  END_OF_TABLE,
  type BackupHeader,
  type BackupTrailer,
  type TableHeader,
} from './backup-format';
import {
  appliedMigrations,
  brokenForeignKeys,
  copyInStatement,
  nonEmptyTables,
  resetSequences,
  setTextFormat,
  tablesInDependencyOrder,
} from './catalog';

/** A refusal the operator can act on (exit 1 with this message, nothing written). */
export class RestoreRefused extends Error {}

export interface RestoreSummary {
  schemaVersion: string;
  tenant: BackupHeader['tenant'];
  rows: Record<string, number>;
}

/**
 * Loads a backup into an empty, migrated database in one transaction as the owner. Triggers are off inside it
 * (`session_replication_role = replica`): the lock and append-only guards would refuse the locked forms' rows, and
 * the rows are loaded as they were. Foreign keys, which are triggers too, are checked afterwards.
 */
export async function restoreBackup(ownerUrl: string, file: string): Promise<RestoreSummary> {
  const gunzip = createGunzip();
  const input = createReadStream(file);
  input.on('error', (err) => gunzip.destroy(err));
  const lines = createInterface({ input: input.pipe(gunzip), crlfDelay: Infinity })[Symbol.asyncIterator]();
  const next = async (): Promise<string> => {
    const r = await lines.next();
    if (r.done) throw new RestoreRefused(`${file} ends early: the backup is incomplete`);
    return r.value;
  };
  const json = <T>(line: string, what: string): T => {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new RestoreRefused(`${file} is not a 绩效通 backup (its ${what} is not JSON)`);
    }
  };

  const client = new Client({ connectionString: ownerUrl, application_name: 'jixiaotong-restore' });
  await client.connect();
  try {
    let header: BackupHeader;
    try {
      header = json<BackupHeader>(await next(), 'first line');
    } catch (err) {
      throw err instanceof RestoreRefused ? err : new RestoreRefused(`${file} is not a gzip'd 绩效通 backup`);
    }
    if (header.format !== BACKUP_FORMAT) throw new RestoreRefused(`${file} is not a 绩效通 backup`);
    if (header.formatVersion !== BACKUP_FORMAT_VERSION)
      throw new RestoreRefused(
        `${file} has backup format ${header.formatVersion}; this release reads format ${BACKUP_FORMAT_VERSION}`,
      );

    await setTextFormat(client);
    await client.query('BEGIN');
    const applied = await appliedMigrations(client);
    const current = applied.at(-1) ?? '(none)';
    if (!applied.includes(header.schemaVersion))
      throw new RestoreRefused(
        `the backup's schema version ${header.schemaVersion} is newer than this database's (${current}), or unknown to it: restore with the release that wrote the backup`,
      );
    if (header.schemaVersion !== current)
      throw new RestoreRefused(
        `the backup's schema version ${header.schemaVersion} is older than this database's (${current}): restore it with the release that wrote it, then upgrade (migrations run on start)`,
      );

    const known = new Map((await tablesInDependencyOrder(client)).map((t) => [t.name, t]));
    for (const name of header.tables)
      if (!known.has(name)) throw new RestoreRefused(`the backup has table ${name}, which this database lacks`);
    const filled = await nonEmptyTables(client, [...known.keys()]);
    if (filled.length)
      throw new RestoreRefused(
        `the database is not empty (rows in ${filled.join(', ')}): restore only into an empty, migrated database`,
      );

    await client.query('SET LOCAL session_replication_role = replica');
    const rows: Record<string, number> = {};
    for (const expected of header.tables) {
      const table = json<TableHeader>(await next(), 'table header');
      if (table.table !== expected)
        throw new RestoreRefused(`${file}: table ${expected} expected, ${table.table} found`);
      const columns = known.get(table.table)!.columns;
      if (table.columns.join(',') !== columns.join(','))
        throw new RestoreRefused(`${file}: the columns of ${table.table} differ from this database's`);
      const load = client.query(copyFrom(copyInStatement(table.table, table.columns)));
      let count = 0;
      for (;;) {
        const line = await next();
        if (line === END_OF_TABLE) break;
        count++;
        if (!load.write(line + '\n')) await once(load, 'drain');
      }
      load.end();
      await finished(load);
      rows[table.table] = count;
    }
    const trailer = json<BackupTrailer>(await next(), 'last line');
    for (const name of header.tables)
      if (trailer.rows?.[name] !== rows[name])
        throw new RestoreRefused(`${file}: ${name} has ${rows[name]} rows, the backup says ${trailer.rows?.[name]}`);

    await client.query('SET LOCAL session_replication_role = origin');
    const broken = await brokenForeignKeys(client);
    if (broken.length) throw new RestoreRefused(`the backup breaks foreign keys: ${broken.join('; ')}`);
    await resetSequences(client);
    await client.query('COMMIT');
    return { schemaVersion: header.schemaVersion, tenant: header.tenant, rows };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    await client.end();
    input.destroy();
  }
}

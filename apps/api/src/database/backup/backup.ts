import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  END_OF_TABLE,
  type BackupHeader,
  type BackupTrailer,
} from './backup-format';
import { copyOutStatement, findTenant, schemaVersion, setTextFormat, tablesInDependencyOrder } from './catalog';

export interface BackupOptions {
  /** A tenant's id, code or name: only its rows (and its tenant row) are written. */
  tenant?: string;
  /**
   * Called with the exported snapshot id before any table is read, while the backup's transaction holds it: another
   * connection may `SET TRANSACTION SNAPSHOT` to see exactly what the backup sees (the tests do).
   */
  onSnapshot?: (snapshotId: string) => Promise<void>;
}

export interface BackupSummary {
  file: string;
  schemaVersion: string;
  tenant: BackupHeader['tenant'];
  rows: Record<string, number>;
}

/**
 * Writes every table of the public schema (but sessions, login counters and the session cache counter) to `file`,
 * read inside one REPEATABLE READ READ ONLY transaction: one consistent snapshot while the app keeps writing.
 */
export async function writeBackup(ownerUrl: string, file: string, options: BackupOptions = {}): Promise<BackupSummary> {
  const client = new Client({ connectionString: ownerUrl, application_name: 'jixiaotong-backup' });
  await client.connect();
  const partial = `${file}.partial`;
  try {
    await setTextFormat(client);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The first statement takes the snapshot every later read of this transaction sees.
    const snapshot = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0].id;
    const version = await schemaVersion(client);
    if (!version) throw new Error('the database has no applied migration: nothing to back up');
    const tenant = options.tenant ? await findTenant(client, options.tenant) : null;
    // A tenant's backup holds the tables that have a tenant_id (and its tenant row); a table without one would be
    // shared data, and none exists today but the excluded ones (docs/operations.md).
    const tables = (await tablesInDependencyOrder(client)).filter(
      (t) => !tenant || t.hasTenantId || t.name === 'tenant',
    );
    if (options.onSnapshot) await options.onSnapshot(snapshot);

    const gzip = createGzip();
    const written = pipeline(gzip, createWriteStream(partial, { mode: 0o600 }));
    // Awaited below; a failure before that is reported there, not as an unhandled rejection.
    void written.catch(() => undefined);
    const write = async (text: string | Buffer) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    };
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      schemaVersion: version,
      createdAt: new Date().toISOString(),
      tenant,
      tables: tables.map((t) => t.name),
    };
    const rows: Record<string, number> = {};
    try {
      await write(JSON.stringify(header) + '\n');
      for (const table of tables) {
        await write(JSON.stringify({ table: table.name, columns: table.columns }) + '\n');
        const out = client.query(copyTo(copyOutStatement(table, tenant?.id ?? null)));
        // Rows counted as lines: COPY's text format escapes newlines inside values, so each row ends with the only
        // one (the stream's rowCount is set by a later protocol message than its end, so it may still read 0).
        let count = 0;
        for await (const chunk of out as AsyncIterable<Buffer>) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) count++;
          await write(chunk);
        }
        rows[table.name] = count;
        await write(END_OF_TABLE + '\n');
      }
      const trailer: BackupTrailer = { end: true, rows };
      gzip.end(JSON.stringify(trailer) + '\n');
      await written;
    } catch (err) {
      gzip.destroy(err as Error);
      await written.catch(() => undefined);
      throw err;
    }
    await client.query('COMMIT');
    await rename(partial, file);
    return { file, schemaVersion: version, tenant, rows };
  } catch (err) {
    await rm(partial, { force: true });
    throw err;
  } finally {
    await client.end();
  }
}

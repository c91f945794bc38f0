import type { Client } from 'pg';
import { quoteIdent } from '../urls';

/**
 * What a backup reads from the catalog: the public schema's tables in dependency order with their stored columns,
 * the schema version, and the tables that are never backed up. SQL lives here (src/database/ may hold it).
 */

/** Not data to keep: sessions and login counters start afresh, the session cache counter belongs to the server. */
export const EXCLUDED_TABLES: readonly string[] = [
  'schema_migration',
  'user_session',
  'login_attempt',
  'session_cache_epoch',
];

export interface TableInfo {
  name: string;
  /** Stored columns in table order (generated columns are left out: PostgreSQL computes them again). */
  columns: string[];
  hasTenantId: boolean;
}

/**
 * The session settings under which PostgreSQL's text output is read back exactly: UTC times in ISO form, all float
 * digits. Backup and restore both set them, so numeric, timestamptz, jsonb and arrays round-trip as PostgreSQL wrote them.
 */
export async function setTextFormat(client: Client): Promise<void> {
  await client.query(
    `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, YMD'; SET IntervalStyle = 'postgres'; SET extra_float_digits = 3; SET client_encoding = 'UTF8'`,
  );
}

/** The newest applied migration's name (TypeORM's `schema_migration` table), or null on an unmigrated database. */
export async function schemaVersion(client: Client): Promise<string | null> {
  return (await appliedMigrations(client)).at(-1) ?? null;
}

/** Applied migrations, oldest first. */
export async function appliedMigrations(client: Client): Promise<string[]> {
  const exists = await client.query<{ found: boolean }>(
    `SELECT to_regclass('public.schema_migration') IS NOT NULL AS found`,
  );
  if (!exists.rows[0].found) return [];
  const rows = await client.query<{ name: string }>(`SELECT name FROM schema_migration ORDER BY "timestamp", id`);
  return rows.rows.map((r) => r.name);
}

/** Every table of the public schema but the excluded ones, parents before children (foreign keys). */
export async function tablesInDependencyOrder(client: Client): Promise<TableInfo[]> {
  const tables = await client.query<{ name: string; columns: string[] }>(
    `SELECT c.relname AS name,
            array(SELECT a.attname::text FROM pg_attribute a
                   WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
                   ORDER BY a.attnum) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
      ORDER BY c.relname`,
  );
  const edges = await client.query<{ child: string; parent: string }>(
    `SELECT ch.relname AS child, pa.relname AS parent
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'`,
  );
  const kept = tables.rows.filter((t) => !EXCLUDED_TABLES.includes(t.name));
  const parents = new Map<string, Set<string>>(kept.map((t) => [t.name, new Set<string>()]));
  for (const e of edges.rows)
    if (e.child !== e.parent && parents.has(e.child) && parents.has(e.parent)) parents.get(e.child)!.add(e.parent);
  // Kahn's order, alphabetical among equals so that two backups of one schema list tables alike.
  const ordered: string[] = [];
  const placed = new Set<string>();
  while (ordered.length < kept.length) {
    const ready = kept.find((t) => !placed.has(t.name) && [...parents.get(t.name)!].every((p) => placed.has(p)));
    // A cycle between tables (none today) would still load: the restore skips foreign-key checks and verifies after.
    const next = ready ?? kept.find((t) => !placed.has(t.name))!;
    ordered.push(next.name);
    placed.add(next.name);
  }
  const byName = new Map(kept.map((t) => [t.name, t]));
  return ordered.map((name) => {
    const t = byName.get(name)!;
    return { name, columns: t.columns, hasTenantId: t.columns.includes('tenant_id') };
  });
}

/** The tenant named by id, code or name; refuses none or several. */
export async function findTenant(client: Client, key: string): Promise<{ id: string; code: string; name: string }> {
  const found = await client.query<{ id: string; code: string; name: string }>(
    `SELECT id, code, name FROM tenant WHERE id::text = $1 OR code = $1 OR name = $1 ORDER BY code`,
    [key],
  );
  if (found.rows.length === 0) throw new Error(`no tenant has the id, code or name "${key}"`);
  if (found.rows.length > 1)
    throw new Error(`"${key}" names several tenants (${found.rows.map((t) => t.code).join(', ')}); give the id`);
  return found.rows[0];
}

/** The COPY statement that writes one table (or one tenant's rows of it) in PostgreSQL's text format. */
export function copyOutStatement(table: TableInfo, tenantId: string | null): string {
  const columns = table.columns.map(quoteIdent).join(', ');
  let where = '';
  if (tenantId !== null) {
    if (!/^[0-9a-f-]{36}$/.test(tenantId)) throw new Error(`not a tenant id: ${tenantId}`);
    where = table.name === 'tenant' ? ` WHERE id = '${tenantId}'` : ` WHERE tenant_id = '${tenantId}'`;
  }
  return `COPY (SELECT ${columns} FROM ${quoteIdent(table.name)}${where}) TO STDOUT`;
}

export function copyInStatement(table: string, columns: string[]): string {
  return `COPY ${quoteIdent(table)} (${columns.map(quoteIdent).join(', ')}) FROM STDIN`;
}

/** Tables among `names` that hold any row. */
export async function nonEmptyTables(client: Client, names: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const name of names) {
    const r = await client.query<{ found: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${quoteIdent(name)}) AS found`);
    if (r.rows[0].found) found.push(name);
  }
  return found;
}

/**
 * Foreign keys that the loaded rows break: the restore loads with triggers (and so foreign-key checks) off, then asks
 * every foreign key of the public schema whether each non-null reference finds its row.
 */
export async function brokenForeignKeys(client: Client): Promise<string[]> {
  const keys = await client.query<{
    name: string;
    child: string;
    parent: string;
    childCols: string[];
    parentCols: string[];
  }>(
    `SELECT k.conname AS name, ch.relname AS child, pa.relname AS parent,
            array(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.i) AS "childCols",
            array(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, i)
                   JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.i) AS "parentCols"
       FROM pg_constraint k
       JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = k.connamespace
      WHERE k.contype = 'f' AND n.nspname = 'public'
      ORDER BY k.conname`,
  );
  const broken: string[] = [];
  for (const k of keys.rows) {
    const notNull = k.childCols.map((c) => `c.${quoteIdent(c)} IS NOT NULL`).join(' AND ');
    const match = k.childCols.map((c, i) => `p.${quoteIdent(k.parentCols[i])} = c.${quoteIdent(c)}`).join(' AND ');
    const r = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM ${quoteIdent(k.child)} c
        WHERE ${notNull} AND NOT EXISTS (SELECT 1 FROM ${quoteIdent(k.parent)} p WHERE ${match})`,
    );
    if (r.rows[0].n > 0) broken.push(`${k.name} (${k.child} → ${k.parent}: ${r.rows[0].n} rows)`);
  }
  return broken;
}

/** Moves every serial/identity sequence past the largest value its column holds, so new rows get fresh ids. */
export async function resetSequences(client: Client): Promise<void> {
  const owned = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT c.relname AS "table", a.attname AS "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) AS sequence
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
  );
  for (const s of owned.rows)
    await client.query(
      `SELECT setval($1, COALESCE((SELECT max(${quoteIdent(s.column)}) FROM ${quoteIdent(s.table)}), 0) + 1, false)`,
      [s.sequence],
    );
}

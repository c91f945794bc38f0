import { Client } from 'pg';
import { createTestDatabase } from '../../support/test-app';

/**
 * Every foreign key, read from the catalogue, has an index that starts with its referencing columns. PostgreSQL
 * looks child rows up by those columns whenever a parent row is deleted or its key changes (RESTRICT, CASCADE,
 * SET NULL), and the app filters on them (a node's children, an organisation's users): without an index each such
 * lookup reads the whole child table, inside the transaction that holds the parent's lock.
 *
 * In a key (x_id, tenant_id) → parent (id, tenant_id), x_id alone already picks the rows (the parent's id is its
 * primary key), so an index starting with x_id is enough.
 */
const NO_INDEX_NEEDED: Record<string, string> = {
  scoring_job_policy_fk:
    'scoring_policy rows are append-only (a trigger refuses UPDATE and DELETE), so no check ever looks jobs up by ' +
    'policy, and no query filters jobs by it',
};

interface ForeignKey {
  name: string;
  child: string;
  parent: string;
  columns: string[];
  referenced: string[];
  parentPrimaryKey: string[];
}

interface IndexInfo {
  name: string;
  table: string;
  /** Column names in index order; null for an expression. */
  columns: (string | null)[];
  predicate: string | null;
}

describe('indexes on foreign keys', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: Client;
  let keys: ForeignKey[];
  let indexes: IndexInfo[];

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
    keys = (
      await owner.query<ForeignKey>(`
        SELECT con.conname AS name, con.conrelid::regclass::text AS child, con.confrelid::regclass::text AS parent,
               ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, n)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
               ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, n)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.n) AS referenced,
               ARRAY(SELECT a.attname::text FROM pg_index i, unnest(i.indkey) WITH ORDINALITY k(attnum, n), pg_attribute a
                     WHERE i.indrelid = con.confrelid AND i.indisprimary AND a.attrelid = con.confrelid
                       AND a.attnum = k.attnum ORDER BY k.n) AS "parentPrimaryKey"
        FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace
        WHERE con.contype = 'f' AND n.nspname = current_schema()
        ORDER BY 1`)
    ).rows;
    indexes = (
      await owner.query<IndexInfo>(`
        SELECT i.indexrelid::regclass::text AS name, i.indrelid::regclass::text AS table,
               ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(attnum, n)
                     LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.n) AS columns,
               pg_get_expr(i.indpred, i.indrelid) AS predicate
        FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND i.indisvalid`)
    ).rows;
  });
  afterAll(async () => {
    await owner.end();
    await db.drop();
  });

  /** The column sets an index must start with for the key's lookups (any order within the set). */
  function leadingSets(fk: ForeignKey): string[][] {
    const sets = [fk.columns];
    const tenant = fk.columns.indexOf('tenant_id');
    if (tenant >= 0 && fk.referenced[tenant] === 'tenant_id') {
      const rest = fk.referenced.filter((c) => c !== 'tenant_id');
      if (rest.length === fk.parentPrimaryKey.length && rest.every((c) => fk.parentPrimaryKey.includes(c)))
        sets.push(fk.columns.filter((c) => c !== 'tenant_id'));
    }
    return sets;
  }

  /** A partial index serves the key's lookups only when its condition is that a key column is set. */
  const servesEveryKey = (index: IndexInfo, columns: string[]) =>
    index.predicate === null || columns.some((c) => index.predicate === `(${c} IS NOT NULL)`);

  function indexFor(fk: ForeignKey): IndexInfo | undefined {
    return indexes.find(
      (index) =>
        index.table === fk.child &&
        leadingSets(fk).some((set) => {
          const lead = index.columns.slice(0, set.length);
          return lead.length === set.length && set.every((c) => lead.includes(c)) && servesEveryKey(index, fk.columns);
        }),
    );
  }

  it('finds the foreign keys in the catalogue', () => {
    expect(keys.map((fk) => fk.name)).toEqual(
      expect.arrayContaining(['organization_parent_fk', 'app_user_organization_fk', 'indicator_form_fk']),
    );
  });

  it('has an index starting with the columns of every foreign key (or a reason why one needs none)', () => {
    const missing = keys
      .filter((fk) => !(fk.name in NO_INDEX_NEEDED) && !indexFor(fk))
      .map((fk) => `${fk.name}: ${fk.child} (${fk.columns}) → ${fk.parent}`);
    expect(missing).toEqual([]);
  });

  it('lists as needing no index only foreign keys that exist and have none', () => {
    const stale = Object.keys(NO_INDEX_NEEDED).filter((name) => {
      const fk = keys.find((k) => k.name === name);
      return !fk || indexFor(fk);
    });
    expect(stale).toEqual([]);
  });

  it('indexes the keys the issue names: organisation children, users and sessions by organisation and user', () => {
    const covering = (name: string) => indexFor(keys.find((fk) => fk.name === name)!)?.name;
    expect(covering('organization_parent_fk')).toBe('organization_parent_idx');
    expect(covering('app_user_organization_fk')).toBe('app_user_tenant_organization_idx');
    expect(covering('user_session_user_fk')).toBe('user_session_user_idx');
    expect(covering('goal_form_carried_from_fk')).toBe('goal_form_carried_from_idx');
  });
});

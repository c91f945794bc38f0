import { Client } from 'pg';
import { pendingSchemaChanges } from '../../../src/database/schema-tools';
import { createTestDatabase } from '../../support/test-app';

describe('schema', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let owner: Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    owner = new Client({ connectionString: db.ownerUrl });
    await owner.connect();
  });
  afterAll(async () => {
    await owner.end();
    await db.drop();
  });

  it('has migrations that match the entities exactly (a pending entity change fails here)', async () => {
    const { up } = await pendingSchemaChanges(db.ownerUrl);
    expect(up).toEqual([]);
  });

  it('enables row-level security with a tenant policy on every table that holds a tenant_id', async () => {
    const { rows } = await owner.query<{ table_name: string; rls: boolean; policies: number }>(`
      SELECT c.relname AS table_name, c.relrowsecurity AS rls,
             (SELECT count(*)::int FROM pg_policies p WHERE p.tablename = c.relname) AS policies
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
        AND (EXISTS (SELECT 1 FROM information_schema.columns i WHERE i.table_name = c.relname AND i.column_name = 'tenant_id')
             OR c.relname = 'tenant')
      ORDER BY 1`);
    expect(rows.length).toBeGreaterThanOrEqual(10);
    expect(rows.filter((r) => !r.rls || r.policies < 1)).toEqual([]);
  });

  it('gives the app role no ownership, no superuser and no way around row-level security', async () => {
    const {
      rows: [role],
    } = await owner.query(
      `SELECT rolsuper, rolbypassrls, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = 'jxt_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false, rolcreaterole: false, rolcreatedb: false });
    const { rows: owned } = await owner.query(
      `SELECT relname FROM pg_class WHERE relowner = (SELECT oid FROM pg_roles WHERE rolname = 'jxt_app')`,
    );
    expect(owned).toEqual([]);
  });
});

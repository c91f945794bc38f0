import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: row-level security on import_batch like every tenant table. The app role stores a preview, marks
 * it confirmed (with what the confirm did) and deletes expired ones; nothing else of a stored preview changes.
 */
export class ImportBatchIsolation1796480000001 implements MigrationInterface {
  name = 'ImportBatchIsolation1796480000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_batch ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON import_batch USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON import_batch FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON import_batch TO jxt_app`);
    await q.query(`GRANT UPDATE (confirmed_at, result) ON import_batch TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON import_batch FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON import_batch`);
    await q.query(`ALTER TABLE import_batch DISABLE ROW LEVEL SECURITY`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Written by hand: row-level security and grants for workflow_deadline, like every tenant table. */
export class DeadlineIsolation1795779100000 implements MigrationInterface {
  name = 'DeadlineIsolation1795779100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE workflow_deadline ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON workflow_deadline USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON workflow_deadline FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON workflow_deadline TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON workflow_deadline FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON workflow_deadline`);
    await q.query(`ALTER TABLE workflow_deadline DISABLE ROW LEVEL SECURITY`);
  }
}

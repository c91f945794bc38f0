import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: row-level security on notification like every tenant table. The app role reads and inserts its
 * tenant's rows and may change only whether a message was read or e-mailed; it never deletes one.
 */
export class NotificationIsolation1796410000002 implements MigrationInterface {
  name = 'NotificationIsolation1796410000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON notification USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON notification FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON notification TO jxt_app`);
    await q.query(`GRANT UPDATE (read_at, emailed_at) ON notification TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON notification FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON notification`);
    await q.query(`ALTER TABLE notification DISABLE ROW LEVEL SECURITY`);
  }
}

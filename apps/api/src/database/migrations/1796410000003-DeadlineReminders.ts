import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 截止提醒: the per-tenant reminder_setting (as its entity says, with row-level security like every tenant table), the
 * idempotency of reminders (notification_dedup_key, from AddNotifications), and reminder_tenants(): the run of the
 * scheduled job starts before any tenant is known, so this SECURITY DEFINER function names the tenants that have a
 * 提交 deadline still ahead (ids only); the run then works in one transaction per tenant, under row-level security.
 */
export class DeadlineReminders1796410000003 implements MigrationInterface {
  name = 'DeadlineReminders1796410000003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "reminder_setting" ("tenant_id" uuid NOT NULL, "days_before" smallint array NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a30a5bbca282036e62da8b0ba8" PRIMARY KEY ("tenant_id"))`,
    );
    await q.query(
      `ALTER TABLE "reminder_setting" ADD CONSTRAINT "reminder_setting_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await q.query(`ALTER TABLE reminder_setting ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON reminder_setting USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON reminder_setting FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON reminder_setting TO jxt_app`);

    await q.query(`CREATE FUNCTION reminder_tenants() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
        SELECT DISTINCT d.tenant_id FROM workflow_deadline d
        WHERE d.kind = 'submit' AND d.due_date >= (now() AT TIME ZONE 'Asia/Shanghai')::date
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION reminder_tenants() FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION reminder_tenants() TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION reminder_tenants()`);
    await q.query(`DROP TABLE "reminder_setting"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: form_event is tenant data (row-level security like every tenant table) and append-only.
 * The app role may only read and insert, and a trigger refuses UPDATE and DELETE for every role, the owner
 * included, so the history cannot be rewritten by the code or by hand.
 */
export class FormHistoryAppendOnly1795778400000 implements MigrationInterface {
  name = 'FormHistoryAppendOnly1795778400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE form_event ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON form_event USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON form_event FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON form_event TO jxt_app`);
    await q.query(`GRANT USAGE ON SEQUENCE form_event_id_seq TO jxt_app`);
    await q.query(`CREATE FUNCTION form_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'form_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await q.query(`CREATE TRIGGER form_event_append_only BEFORE UPDATE OR DELETE ON form_event
      FOR EACH ROW EXECUTE FUNCTION form_event_append_only()`);
    await q.query(`CREATE TRIGGER form_event_no_truncate BEFORE TRUNCATE ON form_event
      FOR EACH STATEMENT EXECUTE FUNCTION form_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER form_event_no_truncate ON form_event`);
    await q.query(`DROP TRIGGER form_event_append_only ON form_event`);
    await q.query(`DROP FUNCTION form_event_append_only()`);
    await q.query(`REVOKE ALL ON form_event FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON form_event`);
    await q.query(`ALTER TABLE form_event DISABLE ROW LEVEL SECURITY`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

const TENANT_TABLES = ['scoring_policy', 'self_evaluation', 'evaluation_indicator', 'evaluation_event', 'scoring_job'];

/**
 * Written by hand: row-level security and grants for the self-evaluation tables, and two append-only rules:
 * a scoring policy version is never changed (a final 自评表 keeps the version that scored it), and the
 * evaluation history is never rewritten. Triggers refuse UPDATE, DELETE and TRUNCATE for every role.
 */
export class SelfEvaluationIsolation1795784500000 implements MigrationInterface {
  name = 'SelfEvaluationIsolation1795784500000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TENANT_TABLES) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
      );
      await q.query(`REVOKE ALL ON ${table} FROM PUBLIC`);
    }
    await q.query(`GRANT SELECT, INSERT ON scoring_policy, evaluation_event TO jxt_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE ON self_evaluation, evaluation_indicator, scoring_job TO jxt_app`);
    await q.query(`GRANT USAGE ON SEQUENCE evaluation_event_id_seq TO jxt_app`);
    await q.query(`CREATE FUNCTION append_only_refusal() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['scoring_policy', 'evaluation_event']) {
      await q.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION append_only_refusal()`,
      );
      await q.query(
        `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION append_only_refusal()`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['scoring_policy', 'evaluation_event']) {
      await q.query(`DROP TRIGGER ${table}_no_truncate ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_append_only ON ${table}`);
    }
    await q.query(`DROP FUNCTION append_only_refusal()`);
    for (const table of TENANT_TABLES) {
      await q.query(`REVOKE ALL ON ${table} FROM jxt_app`);
      await q.query(`DROP POLICY tenant_isolation ON ${table}`);
      await q.query(`ALTER TABLE ${table} DISABLE ROW LEVEL SECURITY`);
    }
    await q.query(`REVOKE USAGE ON SEQUENCE evaluation_event_id_seq FROM jxt_app`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: row-level security on quality_policy like every tenant table, and append-only like
 * scoring_policy (a change is a new version; the trigger refuses UPDATE, DELETE and TRUNCATE for every role).
 */
export class QualityPolicyIsolation1796510000001 implements MigrationInterface {
  name = 'QualityPolicyIsolation1796510000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE quality_policy ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON quality_policy USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON quality_policy FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON quality_policy TO jxt_app`);
    await q.query(
      `CREATE TRIGGER quality_policy_append_only BEFORE UPDATE OR DELETE ON quality_policy FOR EACH ROW EXECUTE FUNCTION append_only_refusal()`,
    );
    await q.query(
      `CREATE TRIGGER quality_policy_no_truncate BEFORE TRUNCATE ON quality_policy FOR EACH STATEMENT EXECUTE FUNCTION append_only_refusal()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER quality_policy_no_truncate ON quality_policy`);
    await q.query(`DROP TRIGGER quality_policy_append_only ON quality_policy`);
    await q.query(`REVOKE ALL ON quality_policy FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON quality_policy`);
    await q.query(`ALTER TABLE quality_policy DISABLE ROW LEVEL SECURITY`);
  }
}

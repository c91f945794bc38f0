import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Written by hand: row-level security on indicator_library_entry like every tenant table. The app role adds entries,
 * edits their content and retires them (retired_at); it never deletes one (forms of earlier years used it) nor moves it
 * to another owner or tier.
 */
export class IndicatorLibraryIsolation1796520000001 implements MigrationInterface {
  name = 'IndicatorLibraryIsolation1796520000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE indicator_library_entry ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON indicator_library_entry USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON indicator_library_entry FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON indicator_library_entry TO jxt_app`);
    await q.query(
      `GRANT UPDATE (name, name_initials, level1_code, level2_code, nature, measure_unit, value_form, definition,
        calculation_method, function_class_codes, project_tags, updated_at, retired_at) ON indicator_library_entry TO jxt_app`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`REVOKE ALL ON indicator_library_entry FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON indicator_library_entry`);
    await q.query(`ALTER TABLE indicator_library_entry DISABLE ROW LEVEL SECURITY`);
  }
}

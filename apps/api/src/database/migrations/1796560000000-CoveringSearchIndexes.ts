import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM cannot declare INCLUDE or DESC; the entities name these two indexes with
// `synchronize: false`). Both keep their leading columns, so what used them before still does (the foreign key of
// indicator_library_entry's owner, the lookup of a year's forms by 功能分类科目); both now carry what the library
// search and the similar projects of the suggestions read, so those are index-only scans (ADR 0035).
export class CoveringSearchIndexes1796560000000 implements MigrationInterface {
  name = 'CoveringSearchIndexes1796560000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."indicator_library_owner_idx"`);
    await queryRunner.query(
      `CREATE INDEX "indicator_library_owner_idx" ON "indicator_library_entry" ("organization_id", "tenant_id") INCLUDE ("id", "tier", "retired_at", "level1_code", "level2_code", "name", "name_initials", "function_class_codes")`,
    );
    await queryRunner.query(`DROP INDEX "public"."goal_form_year_function_class_idx"`);
    await queryRunner.query(
      `CREATE INDEX "goal_form_year_function_class_idx" ON "goal_form" ("tenant_id", "year", "function_class_code", "project_id", "revision" DESC) INCLUDE ("id", "project_name", "organization_path")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."goal_form_year_function_class_idx"`);
    await queryRunner.query(
      `CREATE INDEX "goal_form_year_function_class_idx" ON "goal_form" ("tenant_id", "year", "function_class_code") `,
    );
    await queryRunner.query(`DROP INDEX "public"."indicator_library_owner_idx"`);
    await queryRunner.query(
      `CREATE INDEX "indicator_library_owner_idx" ON "indicator_library_entry" ("organization_id", "tenant_id") `,
    );
  }
}

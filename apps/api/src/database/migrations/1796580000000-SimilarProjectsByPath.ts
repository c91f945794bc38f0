import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM cannot declare INCLUDE or DESC; the entity names the index with `synchronize: false`).
// goal_form_year_function_class_idx is keyed by the organisation path after the 功能分类科目, so the similar projects
// in the caller's scope are a range of it (one per subtree of the scope) instead of a filter over every form of the
// class: a unit's filer read 10,000 index entries at city scale to find its 20 (ADR 0036). A project's forms share its
// path, so (path, project, revision DESC) still gives each project's latest form first.
export class SimilarProjectsByPath1796580000000 implements MigrationInterface {
  name = 'SimilarProjectsByPath1796580000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."goal_form_year_function_class_idx"`);
    await queryRunner.query(
      `CREATE INDEX "goal_form_year_function_class_idx" ON "goal_form" ("tenant_id", "year", "function_class_code", "organization_path", "project_id", "revision" DESC) INCLUDE ("id", "project_name")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."goal_form_year_function_class_idx"`);
    await queryRunner.query(
      `CREATE INDEX "goal_form_year_function_class_idx" ON "goal_form" ("tenant_id", "year", "function_class_code", "project_id", "revision" DESC) INCLUDE ("id", "project_name", "organization_path")`,
    );
  }
}

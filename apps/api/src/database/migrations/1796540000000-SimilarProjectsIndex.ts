import type { MigrationInterface, QueryRunner } from 'typeorm';

// As `npm run db:generate -- SimilarProjectsIndex` writes it from the entities: the suggestions of issue 14 point 2
// find the year's forms of a 功能分类科目 by this index (ADR 0034), not by a scan of the year's forms.
export class SimilarProjectsIndex1796540000000 implements MigrationInterface {
  name = 'SimilarProjectsIndex1796540000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "goal_form_year_function_class_idx" ON "goal_form" ("tenant_id", "year", "function_class_code") `,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."goal_form_year_function_class_idx"`);
  }
}

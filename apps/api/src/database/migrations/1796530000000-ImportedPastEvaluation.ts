import type { MigrationInterface, QueryRunner } from 'typeorm';

// A past 自评表 imported as a record of its year (docs/domain.md §4.1): the revision and the 自评表 say they were
// imported, and the printed scores are kept beside the computed (written as `npm run db:generate` writes it).
export class ImportedPastEvaluation1796530000000 implements MigrationInterface {
  name = 'ImportedPastEvaluation1796530000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "goal_form" ADD "origin" character varying(10) NOT NULL DEFAULT 'system'`);
    await queryRunner.query(
      `ALTER TABLE "self_evaluation" ADD "origin" character varying(10) NOT NULL DEFAULT 'system'`,
    );
    await queryRunner.query(`ALTER TABLE "self_evaluation" ADD "printed_budget_weight" numeric`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" ADD "printed_budget_score" numeric`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" ADD "printed_total" numeric`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" ADD "printed_grade" character varying(20)`);
    await queryRunner.query(`ALTER TABLE "evaluation_indicator" ADD "printed_score" numeric`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evaluation_indicator" DROP COLUMN "printed_score"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" DROP COLUMN "printed_grade"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" DROP COLUMN "printed_total"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" DROP COLUMN "printed_budget_score"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" DROP COLUMN "printed_budget_weight"`);
    await queryRunner.query(`ALTER TABLE "self_evaluation" DROP COLUMN "origin"`);
    await queryRunner.query(`ALTER TABLE "goal_form" DROP COLUMN "origin"`);
  }
}

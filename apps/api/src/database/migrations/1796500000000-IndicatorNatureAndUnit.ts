import type { MigrationInterface, QueryRunner } from 'typeorm';

// 指标性质 and 度量单位 as printed (written as `npm run db:generate` writes it; `db:check` finds no difference).
export class IndicatorNatureAndUnit1796500000000 implements MigrationInterface {
  name = 'IndicatorNatureAndUnit1796500000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" ADD "nature" character varying(50)`);
    await queryRunner.query(`ALTER TABLE "indicator" ADD "measure_unit" character varying(50)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "measure_unit"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "nature"`);
  }
}

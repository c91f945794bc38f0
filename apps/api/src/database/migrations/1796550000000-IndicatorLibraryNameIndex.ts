import type { MigrationInterface, QueryRunner } from 'typeorm';

// The form's read looks up the 指标库's typical 度量单位 by indicator name (the 适当性 check of units, docs/domain.md
// §3.3): by tenant and name, active entries only.
export class IndicatorLibraryNameIndex1796550000000 implements MigrationInterface {
  name = 'IndicatorLibraryNameIndex1796550000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "indicator_library_name_idx" ON "indicator_library_entry" ("tenant_id", "name") WHERE retired_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."indicator_library_name_idx"`);
  }
}

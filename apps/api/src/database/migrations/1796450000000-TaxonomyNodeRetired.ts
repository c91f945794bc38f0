import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 停用 of a 一级/二级指标 (docs/domain.md §3): a node the year's forms use is retired, never removed, so those forms
 * still print and check it while no form takes it up anew. The table keeps its row-level security and grants
 * (TenantIsolation): a new column needs neither.
 */
export class TaxonomyNodeRetired1796450000000 implements MigrationInterface {
  name = 'TaxonomyNodeRetired1796450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "indicator_taxonomy" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "indicator_taxonomy" DROP COLUMN "retired_at"`);
  }
}

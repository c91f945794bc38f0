import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand (TypeORM cannot declare INCLUDE, DESC or a partial covering index; the entity names both with
// `synchronize: false`). indicator_library_owner_idx becomes indicator_library_slot_idx: the same leading columns
// (the owner's foreign key, the search's scan per visible owner), then 二级指标, tier (nearest first) and id, so the
// suggestions read each owner's entries of a 二级指标 in their rank order and stop at the few they need. The partial
// index holds only the entries tagged with a 功能分类科目, which the suggestions look for first (ADR 0036).
export class SuggestionSlotIndexes1796570000000 implements MigrationInterface {
  name = 'SuggestionSlotIndexes1796570000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."indicator_library_owner_idx"`);
    await queryRunner.query(
      `CREATE INDEX "indicator_library_slot_idx" ON "indicator_library_entry" ("organization_id", "tenant_id", "level2_code", "tier" DESC, "id") INCLUDE ("retired_at", "level1_code", "name", "name_initials", "function_class_codes")`,
    );
    await queryRunner.query(
      `CREATE INDEX "indicator_library_tagged_idx" ON "indicator_library_entry" ("organization_id", "tenant_id", "level2_code", "tier" DESC, "id") INCLUDE ("retired_at", "level1_code", "name", "function_class_codes") WHERE "function_class_codes" <> '{}'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."indicator_library_tagged_idx"`);
    await queryRunner.query(`DROP INDEX "public"."indicator_library_slot_idx"`);
    await queryRunner.query(
      `CREATE INDEX "indicator_library_owner_idx" ON "indicator_library_entry" ("organization_id", "tenant_id") INCLUDE ("id", "tier", "retired_at", "level1_code", "level2_code", "name", "name_initials", "function_class_codes")`,
    );
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// As `npm run db:generate -- QualityChecks` writes it from the entities: issue 14's per-year quality policy, an
// indicator's reason for a target weaker than last year's, and the 审核要点 a reviewer ticks with a 退回.
export class QualityChecks1796510000000 implements MigrationInterface {
  name = 'QualityChecks1796510000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "quality_policy" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "tenant_id" uuid NOT NULL, "year" integer NOT NULL, "version" integer NOT NULL, "policy" jsonb NOT NULL, "created_by" uuid, "created_by_name" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "quality_policy_version_key" UNIQUE ("tenant_id", "year", "version"), CONSTRAINT "PK_3127145a05801cb9b325bf54fd7" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "quality_policy" ADD CONSTRAINT "quality_policy_tenant_fk" FOREIGN KEY ("tenant_id") REFERENCES "tenant"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "indicator" ADD "weaker_target_reason" text`);
    await queryRunner.query(`ALTER TABLE "form_event" ADD "review_points" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "form_event" DROP COLUMN "review_points"`);
    await queryRunner.query(`ALTER TABLE "indicator" DROP COLUMN "weaker_target_reason"`);
    await queryRunner.query(`ALTER TABLE "quality_policy" DROP CONSTRAINT "quality_policy_tenant_fk"`);
    await queryRunner.query(`DROP TABLE "quality_policy"`);
  }
}

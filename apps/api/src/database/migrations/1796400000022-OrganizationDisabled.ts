import type { MigrationInterface, QueryRunner } from 'typeorm';

/** 停用 of an organisation (组织机构 of the admin): a unit that has members or projects is disabled, not deleted. */
export class OrganizationDisabled1796400000022 implements MigrationInterface {
  name = 'OrganizationDisabled1796400000022';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organization" ADD "disabled" boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organization" DROP COLUMN "disabled"`);
  }
}

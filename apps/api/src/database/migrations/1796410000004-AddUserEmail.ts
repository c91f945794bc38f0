import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The address 消息提醒 are e-mailed to (optional; only used when SMTP is configured). */
export class AddUserEmail1796410000004 implements MigrationInterface {
  name = 'AddUserEmail1796410000004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" ADD "email" character varying(254)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "app_user" DROP COLUMN "email"`);
  }
}

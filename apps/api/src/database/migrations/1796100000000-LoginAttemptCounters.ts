import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * login_attempt becomes one counter row per key instead of one row per failed login: a login locks the rows of its
 * user name and address and counts itself before any password is checked, so a burst of parallel attempts cannot
 * check more passwords than the limits allow (issue 11). The old rows are only recent failures: they are dropped.
 */
export class LoginAttemptCounters1796100000000 implements MigrationInterface {
  name = 'LoginAttemptCounters1796100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_attempt"`);
    await q.query(
      `CREATE TABLE "login_attempt" ("key" character varying(200) NOT NULL, "failures" integer NOT NULL DEFAULT 0,
        "first_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "blocked_until" TIMESTAMP WITH TIME ZONE, CONSTRAINT "login_attempt_pkey" PRIMARY KEY ("key"))`,
    );
    // Not tenant data (no RLS): the login path counts before any tenant is known.
    await q.query(`REVOKE ALL ON login_attempt FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON login_attempt TO jxt_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "login_attempt"`);
    await q.query(
      `CREATE TABLE "login_attempt" ("id" BIGSERIAL NOT NULL, "key" character varying(200) NOT NULL,
        "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_72829cd4f7424e3cdfd46c476c0" PRIMARY KEY ("id"))`,
    );
    await q.query(`CREATE INDEX "login_attempt_key_time_idx" ON "login_attempt" ("key", "attempted_at")`);
    await q.query(`GRANT SELECT, INSERT, DELETE ON login_attempt TO jxt_app`);
    await q.query(`GRANT USAGE ON SEQUENCE login_attempt_id_seq TO jxt_app`);
  }
}

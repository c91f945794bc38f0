import PgBoss from 'pg-boss';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_SCHEMA, QUEUE_OPTIONS } from '../jobs/queues';

/** pg-boss's own queue for cron schedules (its timekeeper moves a due schedule's job through it). */
const CRON_QUEUE = '__pgboss__send-it';

/**
 * The job runner (docs/adr/0021-job-runner.md): pg-boss 10's schema, made by the owner, since the app role may not
 * run DDL. The plan is the pinned version's own (`getConstructionPlans`) without its BEGIN/COMMIT, as this migration
 * runs in a transaction of its own; the app starts pg-boss with `migrate: false`, so a version whose schema differs
 * refuses to start until a migration brings its `getMigrationPlans`. Each queue is created here too (a queue is a
 * table partition). jxt_app may read and write the job tables (no row-level security there: payloads carry ids only)
 * and call none of the DDL functions.
 */
export class JobRunner1796410000000 implements MigrationInterface {
  name = 'JobRunner1796410000000';

  async up(q: QueryRunner): Promise<void> {
    const plan = PgBoss.getConstructionPlans(JOB_SCHEMA)
      .replace(/^\s*BEGIN;\s*$/m, '')
      .replace(/^\s*COMMIT;\s*$/m, '');
    await q.query(plan);
    for (const [name, options] of Object.entries({ ...QUEUE_OPTIONS, [CRON_QUEUE]: {} })) {
      await q.query(`SELECT ${JOB_SCHEMA}.create_queue($1, $2)`, [
        name,
        JSON.stringify({ policy: 'standard', ...options }),
      ]);
    }
    await q.query(`REVOKE ALL ON SCHEMA ${JOB_SCHEMA} FROM PUBLIC`);
    await q.query(`GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO jxt_app`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO jxt_app`);
    // Queues a later migration creates are tables the owner makes: the app role may use them too.
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO jxt_app`,
    );
    await q.query(
      `REVOKE ALL ON FUNCTION ${JOB_SCHEMA}.create_queue(text, json), ${JOB_SCHEMA}.delete_queue(text) FROM PUBLIC`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA ${JOB_SCHEMA} REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM jxt_app`,
    );
    await q.query(`DROP SCHEMA ${JOB_SCHEMA} CASCADE`);
  }
}

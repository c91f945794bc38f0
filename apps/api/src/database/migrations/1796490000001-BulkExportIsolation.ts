import type { MigrationInterface, QueryRunner } from 'typeorm';
import { JOB_SCHEMA, QUEUE_OPTIONS } from '../jobs/queues';

/** The queues of 批量导出 (docs/adr/0028-bulk-export.md), made as the owner like the others (a queue is DDL). */
const QUEUES = ['bulk-export', 'export-cleanup'] as const;

/**
 * Written by hand: row-level security on export_job like every tenant table (the app role reads, inserts and updates
 * its tenant's rows, never deletes one), and the job runner's queues for the export and the hourly cleanup of expired
 * files. A database made from scratch already has the queues (the JobRunner migration creates every queue of
 * QUEUE_OPTIONS): only a missing one is created.
 */
export class BulkExportIsolation1796490000001 implements MigrationInterface {
  name = 'BulkExportIsolation1796490000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE export_job ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON export_job USING (tenant_id = app_current_tenant()) WITH CHECK (tenant_id = app_current_tenant())`,
    );
    await q.query(`REVOKE ALL ON export_job FROM PUBLIC`);
    await q.query(`GRANT SELECT, INSERT ON export_job TO jxt_app`);
    await q.query(
      `GRANT UPDATE (status, total, done, file_name, file_size, started_at, heartbeat_at, finished_at, expires_at, error) ON export_job TO jxt_app`,
    );
    for (const name of QUEUES) {
      await q.query(
        `SELECT ${JOB_SCHEMA}.create_queue($1, $2) WHERE NOT EXISTS (SELECT 1 FROM ${JOB_SCHEMA}.queue WHERE name = $1)`,
        [name, JSON.stringify({ policy: 'standard', ...QUEUE_OPTIONS[name] })],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const name of QUEUES) await q.query(`SELECT ${JOB_SCHEMA}.delete_queue($1)`, [name]);
    await q.query(`REVOKE ALL ON export_job FROM jxt_app`);
    await q.query(`DROP POLICY tenant_isolation ON export_job`);
    await q.query(`ALTER TABLE export_job DISABLE ROW LEVEL SECURITY`);
  }
}

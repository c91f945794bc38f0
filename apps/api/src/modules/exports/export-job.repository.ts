import { Injectable } from '@nestjs/common';
import type { ExportFormat, ExportJobStatus, ExportKind } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { ExportJobEntity } from '../../database/entities/export-job.entity';

/** An export job as its creator reads it; `status` is `expired` once the file's time is up. */
export type ExportJobRow = Pick<
  ExportJobEntity,
  | 'id'
  | 'kind'
  | 'year'
  | 'format'
  | 'status'
  | 'total'
  | 'done'
  | 'fileName'
  | 'createdAt'
  | 'startedAt'
  | 'finishedAt'
  | 'expiresAt'
  | 'error'
> & { fileSize: number | null };

/** What the worker reads: the job and the scope it was asked in. */
export type ExportJobWorkRow = Pick<
  ExportJobEntity,
  'id' | 'tenantId' | 'kind' | 'year' | 'format' | 'status' | 'scopePaths' | 'fileName'
>;

const COLUMNS = `j.id, j.kind, j.year, j.format,
  CASE WHEN j.status = 'done' AND j.expires_at <= now() THEN 'expired' ELSE j.status END AS status,
  j.total, j.done, j.file_name AS "fileName", j.file_size::float8 AS "fileSize", j.created_at AS "createdAt",
  j.started_at AS "startedAt", j.finished_at AS "finishedAt", j.expires_at AS "expiresAt", j.error`;

const INSERT = sql<
  ExportJobRow,
  [
    tenantId: string,
    userId: string,
    kind: ExportKind,
    year: number,
    format: ExportFormat,
    scopePaths: string[],
    fileName: string,
    total: number,
  ]
>(
  'exportJobs.insert',
  `INSERT INTO export_job AS j (tenant_id, created_by, kind, year, format, scope_paths, status, file_name, total)
   VALUES ($1, $2, $3, $4, $5, $6, 'queued', $7, $8) RETURNING ${COLUMNS}`,
);

// Only the user who asked sees a job: anyone else of the tenant gets nothing (404).
const OF_USER = sql<ExportJobRow, [id: string, userId: string]>(
  'exportJobs.ofUser',
  `SELECT ${COLUMNS} FROM export_job j WHERE j.id = $1 AND j.created_by = $2`,
);

const LATEST_OF_USER = sql<ExportJobRow, [userId: string, limit: number]>(
  'exportJobs.latestOfUser',
  `SELECT ${COLUMNS} FROM export_job j WHERE j.created_by = $1 ORDER BY j.created_at DESC, j.id LIMIT $2`,
);

const WORK = sql<ExportJobWorkRow, [id: string]>(
  'exportJobs.work',
  `SELECT id, tenant_id AS "tenantId", kind, year, format, status, scope_paths AS "scopePaths", file_name AS "fileName"
   FROM export_job WHERE id = $1`,
);

const START = sql<object, [id: string, total: number]>(
  'exportJobs.start',
  `UPDATE export_job SET status = 'running', total = $2, done = 0, error = NULL, started_at = now(), heartbeat_at = now()
   WHERE id = $1`,
);

const ADD_PROGRESS = sql<object, [id: string, done: number]>(
  'exportJobs.addProgress',
  `UPDATE export_job SET done = LEAST(done + $2, total), heartbeat_at = now() WHERE id = $1`,
);

const FINISH = sql<object, [id: string, fileSize: number, ttlHours: number]>(
  'exportJobs.finish',
  `UPDATE export_job SET status = 'done', done = total, file_size = $2, finished_at = now(), heartbeat_at = now(),
     expires_at = now() + make_interval(hours => $3)
   WHERE id = $1`,
);

const SET_STATUS = sql<object, [id: string, status: ExportJobStatus, error: string | null]>(
  'exportJobs.setStatus',
  `UPDATE export_job SET status = $2::text, error = $3, heartbeat_at = now(),
     finished_at = CASE WHEN $2::text IN ('failed') THEN now() END
   WHERE id = $1`,
);

/** export_job (批量导出, docs/adr/0028-bulk-export.md): the app role reads, inserts and updates; it never deletes. */
@Injectable()
export class ExportJobRepository {
  insert(
    db: Db,
    job: {
      tenantId: string;
      userId: string;
      kind: ExportKind;
      year: number;
      format: ExportFormat;
      scopePaths: string[];
      fileName: string;
      total: number;
    },
  ): Promise<ExportJobRow> {
    return db
      .one(INSERT, [job.tenantId, job.userId, job.kind, job.year, job.format, job.scopePaths, job.fileName, job.total])
      .then((row) => row!);
  }

  ofUser(db: Db, id: string, userId: string): Promise<ExportJobRow | undefined> {
    return db.one(OF_USER, [id, userId]);
  }

  latestOfUser(db: Db, userId: string, limit: number): Promise<ExportJobRow[]> {
    return db.rows(LATEST_OF_USER, [userId, limit]);
  }

  work(db: Db, id: string): Promise<ExportJobWorkRow | undefined> {
    return db.one(WORK, [id]);
  }

  async start(db: Db, id: string, total: number): Promise<void> {
    await db.run(START, [id, total]);
  }

  async addProgress(db: Db, id: string, done: number): Promise<void> {
    await db.run(ADD_PROGRESS, [id, done]);
  }

  async finish(db: Db, id: string, fileSize: number, ttlHours: number): Promise<void> {
    await db.run(FINISH, [id, fileSize, ttlHours]);
  }

  async setStatus(db: Db, id: string, status: ExportJobStatus, error: string | null): Promise<void> {
    await db.run(SET_STATUS, [id, status, error]);
  }
}

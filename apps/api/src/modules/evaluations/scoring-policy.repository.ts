import { Injectable } from '@nestjs/common';
import type { ScoringJobStatus, ScoringPolicy } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { ScoringJobEntity } from '../../database/entities/scoring-job.entity';
import type { ScoringPolicyEntity } from '../../database/entities/scoring-policy.entity';

/** One stored version of a year's 评分规则, with how many final 自评表 it scored. */
export type ScoringPolicyVersionRow = Pick<
  ScoringPolicyEntity,
  'id' | 'year' | 'version' | 'policy' | 'createdAt' | 'createdByName'
> & { finalEvaluations: number };

const VERSION_COLUMNS = `p.id, p.year, p.version, p.policy, p.created_at AS "createdAt", p.created_by_name AS "createdByName",
  (SELECT count(*)::int FROM self_evaluation e WHERE e.policy_id = p.id AND e.status = 'final') AS "finalEvaluations"`;

const CURRENT = sql<ScoringPolicyVersionRow, [year: number]>(
  'scoringPolicies.current',
  `SELECT ${VERSION_COLUMNS} FROM scoring_policy p WHERE p.year = $1 ORDER BY p.version DESC LIMIT 1`,
);

const VERSIONS = sql<ScoringPolicyVersionRow, [year: number]>(
  'scoringPolicies.versions',
  `SELECT ${VERSION_COLUMNS} FROM scoring_policy p WHERE p.year = $1 ORDER BY p.version DESC`,
);

const BY_ID = sql<ScoringPolicyVersionRow, [id: string]>(
  'scoringPolicies.byId',
  `SELECT ${VERSION_COLUMNS} FROM scoring_policy p WHERE p.id = $1`,
);

/** A stored version as scoring uses it. */
export type StoredPolicyRow = Pick<ScoringPolicyEntity, 'id' | 'version' | 'policy'>;

const LATEST_STORED = sql<StoredPolicyRow, [year: number]>(
  'scoringPolicies.latestStored',
  `SELECT id, version, policy FROM scoring_policy WHERE year = $1 ORDER BY version DESC LIMIT 1`,
);

const INSERT_FIRST = sql<StoredPolicyRow, [tenantId: string, year: number, policy: ScoringPolicy]>(
  'scoringPolicies.insertFirst',
  `INSERT INTO scoring_policy (tenant_id, year, version, policy) VALUES ($1, $2, 1, $3)
   ON CONFLICT (tenant_id, year, version) DO NOTHING RETURNING id, version, policy`,
);

const LOCK_YEAR = sql<object, [tenantId: string, year: number]>(
  'scoringPolicies.lockYear',
  `SELECT pg_advisory_xact_lock(hashtextextended($1::text || ':' || $2::text, 0))`,
);

const LATEST_VERSION = sql<{ version: number }, [year: number]>(
  'scoringPolicies.latestVersion',
  `SELECT coalesce(max(version), 0) AS version FROM scoring_policy WHERE year = $1`,
);

const INSERT_VERSION = sql<
  { id: string },
  [tenantId: string, year: number, version: number, policy: ScoringPolicy, userId: string, userName: string]
>(
  'scoringPolicies.insertVersion',
  `INSERT INTO scoring_policy (tenant_id, year, version, policy, created_by, created_by_name) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
);

/** A 重新评分 job with its progress. */
export type ScoringJobRow = Pick<
  ScoringJobEntity,
  'id' | 'year' | 'policyId' | 'policyVersion' | 'status' | 'total' | 'done' | 'startedAt' | 'finishedAt' | 'error'
>;

/** A running job that has not written a batch for this long died with its process (a batch takes ~0.2 s). */
const HEARTBEAT_TIMEOUT_S = 60;

const INSERT_JOB = sql<
  ScoringJobRow,
  [tenantId: string, year: number, policyId: string, policyVersion: number, userId: string]
>(
  'scoringJobs.insert',
  `INSERT INTO scoring_job (tenant_id, year, policy_id, policy_version, status, total, created_by)
   VALUES ($1, $2, $3, $4, 'queued', (SELECT count(*) FROM self_evaluation WHERE year = $2 AND status <> 'final'), $5)
   RETURNING id, year, policy_id AS "policyId", policy_version AS "policyVersion", status, total, done, started_at AS "startedAt",
     finished_at AS "finishedAt", error`,
);

/**
 * Jobs as users see them: one that is queued or running but whose process stopped writing (a crash, a killed
 * server) is reported as failed, so no progress bar waits for ever. $2 is the message it then carries.
 */
const SELECT_JOBS = `SELECT id, year, policy_id AS "policyId", policy_version AS "policyVersion", total, done, started_at AS "startedAt",
    finished_at AS "finishedAt", CASE WHEN stale THEN 'failed' ELSE status END AS status,
    CASE WHEN stale THEN $2::text ELSE error END AS error
  FROM (SELECT j.*, j.status IN ('queued', 'running') AND coalesce(j.heartbeat_at, j.created_at) < now() - interval '${HEARTBEAT_TIMEOUT_S} seconds' AS stale
        FROM scoring_job j) j`;

const JOB_BY_ID = sql<ScoringJobRow, [id: string, interruptedMessage: string]>(
  'scoringJobs.byId',
  `${SELECT_JOBS} WHERE id = $1`,
);

const LATEST_JOBS = sql<ScoringJobRow, [year: number, interruptedMessage: string]>(
  'scoringJobs.latest',
  `${SELECT_JOBS} WHERE year = $1 ORDER BY created_at DESC LIMIT 10`,
);

/** What the job runner needs: the job and the policy version it scores with. */
export type ScoringJobWorkRow = Pick<ScoringJobEntity, 'id' | 'year' | 'policyId' | 'policyVersion' | 'status'> &
  Pick<ScoringPolicyEntity, 'policy'>;

const JOB_WORK = sql<ScoringJobWorkRow, [id: string]>(
  'scoringJobs.work',
  `SELECT j.id, j.year, j.policy_id AS "policyId", j.policy_version AS "policyVersion", j.status, p.policy
   FROM scoring_job j JOIN scoring_policy p ON p.id = j.policy_id WHERE j.id = $1`,
);

const SET_JOB_STATUS = sql<object, [id: string, status: ScoringJobStatus, error: string | null]>(
  'scoringJobs.setStatus',
  `UPDATE scoring_job SET status = $2::text, error = $3, heartbeat_at = now(),
     done = CASE $2::text WHEN 'done' THEN total WHEN 'running' THEN 0 ELSE done END,
     finished_at = CASE WHEN $2::text IN ('running', 'queued') THEN NULL ELSE now() END, started_at = coalesce(started_at, now())
   WHERE id = $1`,
);

const ADD_PROGRESS = sql<object, [id: string, scored: number]>(
  'scoringJobs.addProgress',
  `UPDATE scoring_job SET done = LEAST(done + $2, total), heartbeat_at = now() WHERE id = $1`,
);

/**
 * scoring_policy (评分规则 per tenant and year, versioned; the database refuses UPDATE and DELETE) and scoring_job
 * (重新评分 and its progress). Both are tenant-wide by design: every role reads the rules that score its 自评表,
 * the admin changes them for the whole tenant. Row-level security keeps them inside the tenant.
 */
@Injectable()
export class ScoringPolicyRepository {
  current(db: Db, year: number): Promise<ScoringPolicyVersionRow | undefined> {
    return db.one(CURRENT, [year]);
  }

  versions(db: Db, year: number): Promise<ScoringPolicyVersionRow[]> {
    return db.rows(VERSIONS, [year]);
  }

  byId(db: Db, id: string): Promise<ScoringPolicyVersionRow | undefined> {
    return db.one(BY_ID, [id]);
  }

  latestStored(db: Db, year: number): Promise<StoredPolicyRow | undefined> {
    return db.one(LATEST_STORED, [year]);
  }

  /** Stores `policy` as version 1 of the year; undefined when another transaction stored one first. */
  insertFirst(db: Db, tenantId: string, year: number, policy: ScoringPolicy): Promise<StoredPolicyRow | undefined> {
    return db.one(INSERT_FIRST, [tenantId, year, policy]);
  }

  /** Serialises saves of one tenant's year: the advisory lock is released at commit. */
  async lockYear(db: Db, tenantId: string, year: number): Promise<void> {
    await db.rows(LOCK_YEAR, [tenantId, year]);
  }

  /** The year's newest version number, 0 when none is stored. */
  async latestVersion(db: Db, year: number): Promise<number> {
    return (await db.one(LATEST_VERSION, [year]))?.version ?? 0;
  }

  async insertVersion(
    db: Db,
    v: { tenantId: string; year: number; version: number; policy: ScoringPolicy; userId: string; userName: string },
  ): Promise<string> {
    const [row] = await db.rows(INSERT_VERSION, [v.tenantId, v.year, v.version, v.policy, v.userId, v.userName]);
    return row.id;
  }

  /** Records a queued job for the year's evaluations that are not final. */
  async insertJob(
    db: Db,
    job: { tenantId: string; year: number; policyId: string; policyVersion: number; userId: string },
  ): Promise<ScoringJobRow> {
    const [row] = await db.rows(INSERT_JOB, [job.tenantId, job.year, job.policyId, job.policyVersion, job.userId]);
    return row;
  }

  /** A job as users see it; `interruptedMessage` is the error of one whose process died. */
  jobById(db: Db, id: string, interruptedMessage: string): Promise<ScoringJobRow | undefined> {
    return db.one(JOB_BY_ID, [id, interruptedMessage]);
  }

  /** The year's ten newest jobs, as users see them. */
  latestJobs(db: Db, year: number, interruptedMessage: string): Promise<ScoringJobRow[]> {
    return db.rows(LATEST_JOBS, [year, interruptedMessage]);
  }

  jobWork(db: Db, id: string): Promise<ScoringJobWorkRow | undefined> {
    return db.one(JOB_WORK, [id]);
  }

  /** Sets a job's status (and error), with its heartbeat, start and finish times. */
  async setJobStatus(db: Db, id: string, status: ScoringJobStatus, error: string | null = null): Promise<void> {
    await db.run(SET_JOB_STATUS, [id, status, error]);
  }

  /** Counts a scored batch and beats the heartbeat. */
  async addJobProgress(db: Db, id: string, scored: number): Promise<void> {
    await db.run(ADD_PROGRESS, [id, scored]);
  }
}

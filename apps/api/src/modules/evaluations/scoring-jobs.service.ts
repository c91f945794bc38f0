import { Inject, Injectable, Logger, NotFoundException, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource, EntityManager } from 'typeorm';
import type { ScoringJob, ScoringJobStatus, ScoringPolicy } from '@jxt/contracts';
import { runInTenantScope, tenantScope, type AuthUser } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { SCORING_ROW_COLUMNS, storeScores, type ScoringRow } from './evaluation-scoring';

interface JobRow {
  id: string;
  year: number;
  policy_id: string;
  policy_version: number;
  status: ScoringJobStatus;
  total: number;
  done: number;
  started_at: Date | null;
  finished_at: Date | null;
  error: string | null;
}

/** Evaluations scored per transaction: each batch commits, so progress is visible and locks are short. */
const BATCH_SIZE = 250;
/** A running job that has not written a batch for this long died with its process (a batch takes ~0.2 s). */
const HEARTBEAT_TIMEOUT_S = 60;
export const INTERRUPTED_MESSAGE = '重新评分已中断（服务曾停止），请点击“重新评分”再次发起';

/**
 * Reads jobs as users see them: one that is queued or running but whose process stopped writing (a crash, a
 * killed server) is reported as failed, so no progress bar waits for ever. $2 is the message it then carries.
 */
const SELECT_JOBS = `SELECT id, year, policy_id, policy_version, total, done, started_at, finished_at,
    CASE WHEN stale THEN 'failed' ELSE status END AS status, CASE WHEN stale THEN $2::text ELSE error END AS error
  FROM (SELECT j.*, j.status IN ('queued', 'running') AND coalesce(j.heartbeat_at, j.created_at) < now() - interval '${HEARTBEAT_TIMEOUT_S} seconds' AS stale
        FROM scoring_job j) j`;

function toJob(row: JobRow): ScoringJob {
  return {
    id: row.id,
    year: row.year,
    policyVersion: row.policy_version,
    status: row.status,
    total: row.total,
    done: row.done,
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    error: row.error,
  };
}

/**
 * 重新评分: after a policy change, every evaluation of the year that is not final is scored again under the
 * new version, in the background and in batches, with its progress in scoring_job. Final evaluations keep
 * the version that scored them. The job runs in the API process that accepted the change.
 */
@Injectable()
export class ScoringJobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(ScoringJobsService.name);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(@Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource) {}

  /** Records the job in the request's transaction; it starts once that transaction has committed. */
  async start(year: number, policy: { id: string; version: number }): Promise<ScoringJob> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<JobRow>(
      manager,
      `INSERT INTO scoring_job (tenant_id, year, policy_id, policy_version, status, total, created_by)
       VALUES ($1, $2, $3, $4, 'queued', (SELECT count(*) FROM self_evaluation WHERE year = $2 AND status <> 'final'), $5)
       RETURNING id, year, policy_id, policy_version, status, total, done, started_at, finished_at, error`,
      [user.tenantId, year, policy.id, policy.version, user.userId],
    );
    const run = this.run(row.id, user).catch((err: Error) =>
      this.logger.error(`scoring job ${row.id} failed: ${err.stack ?? err.message}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
    return toJob(row);
  }

  async get(id: string): Promise<ScoringJob> {
    const { manager } = tenantScope();
    const [row] = await queryRows<JobRow>(manager, `${SELECT_JOBS} WHERE id = $1`, [id, INTERRUPTED_MESSAGE]);
    if (!row) throw new NotFoundException('评分任务不存在');
    return toJob(row);
  }

  async latest(year: number): Promise<ScoringJob[]> {
    const { manager } = tenantScope();
    return (
      await queryRows<JobRow>(manager, `${SELECT_JOBS} WHERE year = $1 ORDER BY created_at DESC LIMIT 10`, [
        year,
        INTERRUPTED_MESSAGE,
      ])
    ).map(toJob);
  }

  /** Waits for running jobs (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  private inTransaction<T>(user: AuthUser, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.tenant_id', $1, true), set_config('app.user_id', $2, true)`, [
        user.tenantId,
        user.userId,
      ]);
      return runInTenantScope({ user, manager }, () => work(manager));
    });
  }

  private async run(jobId: string, user: AuthUser): Promise<void> {
    const setStatus = (m: EntityManager, status: ScoringJobStatus, error: string | null = null) =>
      queryRows(
        m,
        `UPDATE scoring_job SET status = $2::text, error = $3, heartbeat_at = now(), done = CASE WHEN $2::text = 'done' THEN total ELSE done END,
                      finished_at = CASE WHEN $2::text = 'running' THEN NULL ELSE now() END,
                      started_at = coalesce(started_at, now()) WHERE id = $1`,
        [jobId, status, error],
      );
    // The row becomes visible when the request that created it commits.
    let job: (JobRow & { policy: ScoringPolicy }) | undefined;
    for (let waited = 0; !job && waited < 30_000; waited += 20) {
      [job] = await this.inTransaction(user, (m) =>
        queryRows<JobRow & { policy: ScoringPolicy }>(
          m,
          `SELECT j.*, p.policy FROM scoring_job j JOIN scoring_policy p ON p.id = j.policy_id WHERE j.id = $1`,
          [jobId],
        ),
      );
      if (!job) await sleep(20);
    }
    if (!job) return; // the request rolled back: there is no job
    const { year, policy, policy_version: version } = job;
    try {
      await this.inTransaction(user, (m) => setStatus(m, 'running'));
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        if (this.stopping) {
          await this.inTransaction(user, (m) => setStatus(m, 'failed', '服务停止，重新评分未完成，请再次发起'));
          return;
        }
        const outcome = await this.inTransaction(user, async (m) => {
          const [newest] = await queryRows<{ version: number }>(
            m,
            `SELECT max(version) AS version FROM scoring_policy WHERE year = $1`,
            [year],
          );
          if (newest.version > version) return 'superseded' as const;
          const rows = await queryRows<ScoringRow>(
            m,
            `SELECT ${SCORING_ROW_COLUMNS} FROM self_evaluation e
             WHERE e.year = $1 AND e.status <> 'final' AND e.id > $2 ORDER BY e.id LIMIT ${BATCH_SIZE} FOR UPDATE OF e`,
            [year, after],
          );
          if (!rows.length) return 'done' as const;
          await storeScores(m, rows, { id: job!.policy_id, policy });
          await queryRows(
            m,
            `UPDATE scoring_job SET done = LEAST(done + $2, total), heartbeat_at = now() WHERE id = $1`,
            [jobId, rows.length],
          );
          after = rows[rows.length - 1].id;
          return 'next' as const;
        });
        if (outcome === 'next') continue;
        await this.inTransaction(user, (m) =>
          setStatus(m, outcome, outcome === 'superseded' ? '已有更新版本的评分规则，由其任务继续' : null),
        );
        return;
      }
    } catch (err) {
      await this.inTransaction(user, (m) => setStatus(m, 'failed', '重新评分出错，请再次发起')).catch(() => undefined);
      throw err;
    }
  }
}

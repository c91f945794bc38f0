import { Injectable, NotFoundException } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Inject } from '@nestjs/common';
import type { ScoringJob } from '@jxt/contracts';
import { tenantScope, type AuthUser } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import { inUserTransaction } from '../../database/access/user-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { JobRunner } from '../../database/jobs/job-runner';
import { QUEUES } from '../../database/jobs/queues';
import { EvaluationRepository } from './evaluation.repository';
import { scoreAll } from './evaluation-scoring';
import { ScoringPolicyRepository, type ScoringJobRow } from './scoring-policy.repository';

/** Evaluations scored per transaction: each batch commits, so progress is visible and locks are short. */
const BATCH_SIZE = 250;
export const INTERRUPTED_MESSAGE = '重新评分已中断（服务曾停止），请点击“重新评分”再次发起';

/** The scoring queue's payload: ids only (docs/adr/0021-job-runner.md). */
interface ScoringJobData {
  tenantId: string;
  userId: string;
  jobId: string;
}

/** Thrown to hand a job back to the runner when the app stops: it is retried after the restart. */
class Stopping extends Error {}

function toJob(row: ScoringJobRow): ScoringJob {
  return {
    id: row.id,
    year: row.year,
    policyVersion: row.policyVersion,
    status: row.status,
    total: row.total,
    done: row.done,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error: row.error,
  };
}

/**
 * 重新评分: after a policy change, every evaluation of the year that is not final is scored again under the
 * new version, in the background and in batches, with its progress in scoring_job. Final evaluations keep
 * the version that scored them. The work is a job of the job runner (queue `scoring`, docs/adr/0021-job-runner.md),
 * sent in the request's transaction: whichever API process polls first runs it, a failure is retried, and a job cut
 * short by a stop or a crash is taken up again after the restart.
 */
@Injectable()
export class ScoringJobsService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly policies: ScoringPolicyRepository,
    private readonly evaluations: EvaluationRepository,
    private readonly jobs: JobRunner,
  ) {
    jobs.work<ScoringJobData>(QUEUES.scoring, ({ tenantId, userId, jobId }) =>
      this.run(jobId, { tenantId, userId } as AuthUser),
    );
  }

  /** Records the job and queues its work in the request's transaction: both exist once it commits. */
  async start(year: number, policy: { id: string; version: number }): Promise<ScoringJob> {
    const { user, db } = tenantScope();
    const row = await this.policies.insertJob(db, {
      tenantId: user.tenantId,
      year,
      policyId: policy.id,
      policyVersion: policy.version,
      userId: user.userId,
    });
    const data: ScoringJobData = { tenantId: user.tenantId, userId: user.userId, jobId: row.id };
    await this.jobs.send(db, QUEUES.scoring, data);
    return toJob(row);
  }

  async get(id: string): Promise<ScoringJob> {
    const { db } = tenantScope();
    const row = await this.policies.jobById(db, id, INTERRUPTED_MESSAGE);
    if (!row) throw new NotFoundException('评分任务不存在');
    return toJob(row);
  }

  async latest(year: number): Promise<ScoringJob[]> {
    const { db } = tenantScope();
    return (await this.policies.latestJobs(db, year, INTERRUPTED_MESSAGE)).map(toJob);
  }

  /** One transaction of the job, as the user who started it (outside any request: its own Db). */
  private inTransaction<T>(user: { tenantId: string; userId: string }, work: (db: Db) => Promise<T>): Promise<T> {
    return inUserTransaction(this.dataSource, user, work);
  }

  private async run(jobId: string, user: { tenantId: string; userId: string }): Promise<void> {
    const job = await this.inTransaction(user, (db) => this.policies.jobWork(db, jobId));
    if (!job) return; // the tenant's data is gone: nothing to do
    if (['done', 'superseded'].includes(job.status)) return; // a retry of a job that had finished
    const { year, policy, policyId, policyVersion: version } = job;
    try {
      await this.inTransaction(user, (db) => this.policies.setJobStatus(db, jobId, 'running'));
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        if (this.jobs.stopping) throw new Stopping('the app is stopping');
        const outcome = await this.inTransaction(user, async (db) => {
          if ((await this.policies.latestVersion(db, year)) > version) return 'superseded' as const;
          const rows = await this.evaluations.openOfYearForUpdate(db, year, after, BATCH_SIZE);
          if (!rows.length) return 'done' as const;
          await this.evaluations.storeScores(db, scoreAll(rows, policy), policyId);
          await this.policies.addJobProgress(db, jobId, rows.length);
          after = rows[rows.length - 1].id;
          return 'next' as const;
        });
        if (outcome === 'next') continue;
        await this.inTransaction(user, (db) =>
          this.policies.setJobStatus(
            db,
            jobId,
            outcome,
            outcome === 'superseded' ? '已有更新版本的评分规则，由其任务继续' : null,
          ),
        );
        return;
      }
    } catch (err) {
      // Stopping: queued again, taken up after the restart. Anything else: the runner retries it; the row says so.
      const [status, message] =
        err instanceof Stopping
          ? (['queued', '服务重启中，重新评分将在重启后继续'] as const)
          : (['failed', '重新评分出错，请再次发起'] as const);
      await this.inTransaction(user, (db) => this.policies.setJobStatus(db, jobId, status, message)).catch(
        () => undefined,
      );
      throw err;
    }
  }
}

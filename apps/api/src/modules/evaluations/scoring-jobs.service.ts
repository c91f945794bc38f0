import { Inject, Injectable, Logger, NotFoundException, type OnApplicationShutdown } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import type { DataSource } from 'typeorm';
import type { ScoringJob } from '@jxt/contracts';
import { tenantScope, type AuthUser } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import { inUserTransaction } from '../../database/access/user-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { EvaluationRepository } from './evaluation.repository';
import { scoreAll } from './evaluation-scoring';
import { ScoringPolicyRepository, type ScoringJobRow, type ScoringJobWorkRow } from './scoring-policy.repository';

/** Evaluations scored per transaction: each batch commits, so progress is visible and locks are short. */
const BATCH_SIZE = 250;
export const INTERRUPTED_MESSAGE = '重新评分已中断（服务曾停止），请点击“重新评分”再次发起';

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
 * the version that scored them. The job runs in the API process that accepted the change.
 */
@Injectable()
export class ScoringJobsService implements OnApplicationShutdown {
  private readonly logger = new Logger(ScoringJobsService.name);
  private readonly running = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly policies: ScoringPolicyRepository,
    private readonly evaluations: EvaluationRepository,
  ) {}

  /** Records the job in the request's transaction; it starts once that transaction has committed. */
  async start(year: number, policy: { id: string; version: number }): Promise<ScoringJob> {
    const { user, db } = tenantScope();
    const row = await this.policies.insertJob(db, {
      tenantId: user.tenantId,
      year,
      policyId: policy.id,
      policyVersion: policy.version,
      userId: user.userId,
    });
    const run = this.run(row.id, user).catch((err: Error) =>
      this.logger.error(`scoring job ${row.id} failed: ${err.stack ?? err.message}`),
    );
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
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

  /** Waits for running jobs (tests and shutdown). */
  async settled(): Promise<void> {
    await Promise.allSettled([...this.running]);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.settled();
  }

  /** One transaction of the job, as the user who started it (outside any request: its own Db). */
  private inTransaction<T>(user: AuthUser, work: (db: Db) => Promise<T>): Promise<T> {
    return inUserTransaction(this.dataSource, user, work);
  }

  private async run(jobId: string, user: AuthUser): Promise<void> {
    // The row becomes visible when the request that created it commits.
    let job: ScoringJobWorkRow | undefined;
    for (let waited = 0; !job && waited < 30_000; waited += 20) {
      job = await this.inTransaction(user, (db) => this.policies.jobWork(db, jobId));
      if (!job) await sleep(20);
    }
    if (!job) return; // the request rolled back: there is no job
    const { year, policy, policyId, policyVersion: version } = job;
    try {
      await this.inTransaction(user, (db) => this.policies.setJobStatus(db, jobId, 'running'));
      let after = '00000000-0000-0000-0000-000000000000';
      for (;;) {
        if (this.stopping) {
          await this.inTransaction(user, (db) =>
            this.policies.setJobStatus(db, jobId, 'failed', '服务停止，重新评分未完成，请再次发起'),
          );
          return;
        }
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
      await this.inTransaction(user, (db) =>
        this.policies.setJobStatus(db, jobId, 'failed', '重新评分出错，请再次发起'),
      ).catch(() => undefined);
      throw err;
    }
  }
}

import { ConflictException, GoneException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import {
  EVALUATION_STATUS_LABELS,
  EXPORT_KIND_LABELS,
  FORM_STATUS_LABELS,
  type Evaluation,
  type ExportJob,
  type GoalForm,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { Db } from '../../database/access/db';
import { scopeOf, subtreePaths, type Scope } from '../../database/access/scope';
import { inUserTransaction } from '../../database/access/user-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { JobRunner } from '../../database/jobs/job-runner';
import { QUEUES } from '../../database/jobs/queues';
import { EvaluationsService } from '../evaluations/evaluations.service';
import { FormsService } from '../forms/forms.service';
import {
  safeFileName,
  writeBulkWorkbook,
  writeBulkZip,
  type BulkPlan,
  type SummaryColumn,
  type SummaryRow,
} from './bulk-workbook';
import type { StartExportDto } from './dto/export-job.dto';
import { addEvaluationSheet, evaluationWorkbook } from './evaluation-workbook';
import { ExportJobRepository, type ExportJobRow, type ExportJobWorkRow } from './export-job.repository';
import { addFormSheet, formWorkbook } from './form-workbook';

/** The bulk-export queue's payload: ids only (docs/adr/0021-job-runner.md). */
interface BulkExportData {
  tenantId: string;
  userId: string;
  jobId: string;
}

/** How many of a user's jobs the 导出任务 list shows. */
const RECENT_JOBS = 10;
/** When the hourly sweep deletes expired files (minute 23: away from the top of the hour). */
const CLEANUP_CRON = '23 * * * *';

/** Thrown to hand a job back to the runner when the app stops: it is taken up again after the restart. */
class Stopping extends Error {}

function toJob(row: ExportJobRow): ExportJob {
  return {
    id: row.id,
    kind: row.kind,
    year: row.year,
    format: row.format,
    status: row.status,
    total: row.total,
    done: row.done,
    fileName: row.fileName,
    fileSize: row.fileSize,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    error: row.error,
  };
}

const GOAL_COLUMNS: SummaryColumn[] = [
  { header: '项目名称', width: 34 },
  { header: '项目编码', width: 16 },
  { header: '预算单位', width: 30 },
  { header: '状态', width: 12 },
  { header: '资金总额（元）', width: 18, money: true },
  { header: '本年度资金（元）', width: 18, money: true },
];

const EVALUATION_COLUMNS: SummaryColumn[] = [
  { header: '项目名称', width: 34 },
  { header: '项目编码', width: 16 },
  { header: '预算单位', width: 30 },
  { header: '状态', width: 10 },
  { header: '全年预算数（元）', width: 18, money: true },
  { header: '全年执行数（元）', width: 18, money: true },
  { header: '总分', width: 8 },
  { header: '自评等级', width: 10 },
];

/**
 * 批量导出 (issue 13; docs/adr/0028-bulk-export.md): a supervisor or finance user exports every form (or 自评表) of a
 * year in their scope as one workbook (汇总 + one sheet per form) or a .zip of single-form workbooks. The request
 * records an export_job and queues its work (queue `bulk-export`) in its own transaction; whichever process polls
 * first writes the file into DATA_DIR/exports, streamed, reading the forms a page at a time, and counts its progress
 * in the row, which the SPA polls. Only the user who asked sees the job and downloads the file; it is deleted
 * EXPORT_TTL_HOURS after it was written (an hourly sweep, and at once when a download finds it expired).
 */
@Injectable()
export class BulkExportsService {
  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly rows: ExportJobRepository,
    private readonly forms: FormsService,
    private readonly evaluations: EvaluationsService,
    private readonly jobs: JobRunner,
  ) {
    jobs.work<BulkExportData>(QUEUES.bulkExport, (data) => this.run(data));
    jobs.work(QUEUES.exportCleanup, async () => {
      await this.deleteExpiredFiles();
    });
    jobs.schedule(QUEUES.exportCleanup, CLEANUP_CRON, 'Asia/Shanghai');
  }

  /** Records the job (with the number of forms it will write) and queues it in the request's transaction. */
  async start(dto: StartExportDto): Promise<ExportJob> {
    const { user, db } = tenantScope();
    const total = (await this.summary(db, user.scope, dto.kind, dto.year)).length;
    const fileName = `${safeFileName(user.organizationName)}-${dto.year}年度${EXPORT_KIND_LABELS[dto.kind]}（共${total}张）.${dto.format}`;
    const row = await this.rows.insert(db, {
      tenantId: user.tenantId,
      userId: user.userId,
      kind: dto.kind,
      year: dto.year,
      format: dto.format,
      scopePaths: subtreePaths(user.scope),
      fileName,
      total,
    });
    await this.jobs.send(db, QUEUES.bulkExport, { tenantId: user.tenantId, userId: user.userId, jobId: row.id });
    return toJob(row);
  }

  async get(id: string): Promise<ExportJob> {
    return toJob(await this.ownJob(id));
  }

  async latest(): Promise<ExportJob[]> {
    const { user, db } = tenantScope();
    return (await this.rows.latestOfUser(db, user.userId, RECENT_JOBS)).map(toJob);
  }

  /** The finished file of the caller's own job: 409 while it is being written, 410 once it has expired. */
  async file(id: string): Promise<{ path: string; fileName: string; format: ExportJob['format'] }> {
    const row = await this.ownJob(id);
    const path = this.pathOf(tenantScope().user.tenantId, row.id, row.format);
    if (row.status === 'expired') {
      await rm(path, { force: true });
      throw new GoneException('导出文件已过期并已删除，请重新导出');
    }
    if (row.status !== 'done') throw new ConflictException('导出尚未完成');
    if (!(await stat(path).catch(() => null))) throw new GoneException('导出文件已不存在，请重新导出');
    return { path, fileName: row.fileName ?? `export-${row.year}.${row.format}`, format: row.format };
  }

  private async ownJob(id: string): Promise<ExportJobRow> {
    const { user, db } = tenantScope();
    const row = await this.rows.ofUser(db, id, user.userId);
    if (!row) throw new NotFoundException('导出任务不存在或无权访问');
    return row;
  }

  private pathOf(tenantId: string, jobId: string, format: string): string {
    return join(this.config.dataDir, 'exports', tenantId, `${jobId}.${format}`);
  }

  private summary(db: Db, scope: Scope, kind: ExportJob['kind'], year: number): Promise<SummaryRow[]> {
    if (kind === 'goal')
      return this.forms.exportSummary(db, scope, year).then((rows) =>
        rows.map((r) => ({
          id: r.formId,
          code: r.code,
          name: r.name,
          values: [r.name, r.code, r.organizationName, FORM_STATUS_LABELS[r.status], r.totalAmount, r.annualAmount],
        })),
      );
    return this.evaluations.exportSummary(db, scope, year).then((rows) =>
      rows.map((r) => ({
        id: r.id,
        code: r.code,
        name: r.name,
        values: [
          r.name,
          r.code,
          r.organizationName,
          EVALUATION_STATUS_LABELS[r.status],
          r.annualBudget,
          r.executedAmount,
          r.total === null ? null : Number(r.total),
          r.grade,
        ],
      })),
    );
  }

  /** The worker: writes the file as the user who asked, under row-level security, in the scope they asked in. */
  private async run({ tenantId, userId, jobId }: BulkExportData): Promise<void> {
    const user = { tenantId, userId };
    const tx = <T>(work: (db: Db) => Promise<T>) => inUserTransaction(this.dataSource, user, work);
    const job = await tx((db) => this.rows.work(db, jobId));
    if (!job || job.status === 'done') return; // gone with its tenant or user, or a retry of a finished job
    const scope = scopeOf(tenantId, job.scopePaths);
    const summary = await tx(async (db) => {
      const rows = await this.summary(db, scope, job.kind, job.year);
      await this.rows.start(db, jobId, rows.length);
      return rows;
    });
    const path = this.pathOf(tenantId, jobId, job.format);
    const part = `${path}.part`;
    try {
      await mkdir(join(this.config.dataDir, 'exports', tenantId), { recursive: true, mode: 0o700 });
      const progress = async (done: number) => {
        if (this.jobs.stopping) throw new Stopping('the app is stopping');
        await tx((db) => this.rows.addProgress(db, jobId, done));
      };
      if (job.kind === 'goal') await this.write(job, part, this.goalPlan(job, scope, summary, tx, progress));
      else await this.write(job, part, this.evaluationPlan(job, scope, summary, tx, progress));
      await rename(part, path);
      const { size } = await stat(path);
      await tx((db) => this.rows.finish(db, jobId, size, this.config.exportTtlHours));
    } catch (err) {
      await rm(part, { force: true });
      // Stopping: queued again and taken up after the restart. Anything else: the runner retries; the row says so.
      const [status, message] =
        err instanceof Stopping
          ? (['queued', '服务重启中，导出将在重启后继续'] as const)
          : (['failed', '导出出错，请重新导出'] as const);
      await tx((db) => this.rows.setStatus(db, jobId, status, message)).catch(() => undefined);
      throw err;
    }
  }

  private write<T>(job: ExportJobWorkRow, path: string, plan: BulkPlan<T>): Promise<void> {
    return job.format === 'zip' ? writeBulkZip(path, plan) : writeBulkWorkbook(path, plan);
  }

  private goalPlan(
    job: ExportJobWorkRow,
    scope: Scope,
    rows: SummaryRow[],
    tx: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
    progress: (done: number) => Promise<void>,
  ): BulkPlan<GoalForm> {
    return {
      title: `${job.year}年度${EXPORT_KIND_LABELS.goal}汇总`,
      columns: GOAL_COLUMNS,
      rows,
      loadPage: (ids) => tx((db) => this.forms.exportPage(db, scope, ids)),
      idOf: (form) => form.id,
      addSheet: addFormSheet,
      workbook: formWorkbook,
      progress,
    };
  }

  private evaluationPlan(
    job: ExportJobWorkRow,
    scope: Scope,
    rows: SummaryRow[],
    tx: <T>(work: (db: Db) => Promise<T>) => Promise<T>,
    progress: (done: number) => Promise<void>,
  ): BulkPlan<Evaluation> {
    return {
      title: `${job.year}年度${EXPORT_KIND_LABELS.evaluation}汇总`,
      columns: EVALUATION_COLUMNS,
      rows,
      loadPage: (ids) => tx((db) => this.evaluations.exportPage(db, scope, ids)),
      idOf: (evaluation) => evaluation.id,
      addSheet: addEvaluationSheet,
      workbook: evaluationWorkbook,
      progress,
    };
  }

  /**
   * The scheduled sweep: deletes every export file older than EXPORT_TTL_HOURS (its rows then read `expired`), and
   * any half-written `.part` a crashed process left. Files only: no tenant's rows are read, so no tenant is set.
   */
  async deleteExpiredFiles(now = Date.now()): Promise<number> {
    const root = join(this.config.dataDir, 'exports');
    const cutoff = now - this.config.exportTtlHours * 3_600_000;
    let deleted = 0;
    for (const tenant of await readdir(root).catch(() => [] as string[])) {
      for (const file of await readdir(join(root, tenant)).catch(() => [] as string[])) {
        const path = join(root, tenant, file);
        const info = await stat(path).catch(() => null);
        if (info?.isFile() && info.mtimeMs <= cutoff) {
          await rm(path, { force: true });
          deleted++;
        }
      }
    }
    return deleted;
  }
}

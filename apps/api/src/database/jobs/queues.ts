/**
 * The job runner's queues (docs/adr/0021-job-runner.md): one per kind of background task, each created by the owner in
 * a migration (the app role has no DDL rights, and pg-boss makes a table partition per queue). A job's payload carries
 * ids only: pg-boss's tables have no row-level security, so nothing a tenant wrote is copied into them.
 */
export const QUEUES = {
  /** 重新评分 of a year's evaluations after a policy change: `{ tenantId, userId, jobId }` (a scoring_job row). */
  scoring: 'scoring',
  /** The daily 截止日期 reminder run over every tenant: `{}`. Scheduled (cron), so it runs once across processes. */
  deadlineReminders: 'deadline-reminders',
  /** E-mail of notifications when SMTP is configured: `{ tenantId, notificationIds }`. */
  notificationEmail: 'notification-email',
  /** 批量导出 of a year's forms or 自评表 into one file: `{ tenantId, userId, jobId }` (an export_job row). */
  bulkExport: 'bulk-export',
  /** Deletes export files past their expiry (EXPORT_TTL_HOURS): `{}`. Scheduled hourly, once across processes. */
  exportCleanup: 'export-cleanup',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** Retries and expiry per queue, as the migration created them (pg-boss reads them from its queue table). */
export const QUEUE_OPTIONS: Record<
  QueueName,
  { retryLimit: number; retryDelay: number; retryBackoff: boolean; expireInSeconds: number }
> = {
  scoring: { retryLimit: 3, retryDelay: 5, retryBackoff: true, expireInSeconds: 15 * 60 },
  'deadline-reminders': { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 },
  'notification-email': { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 5 * 60 },
  // A job whose process died is taken again after its expiry; the worker starts the file afresh.
  'bulk-export': { retryLimit: 2, retryDelay: 10, retryBackoff: true, expireInSeconds: 15 * 60 },
  'export-cleanup': { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 5 * 60 },
};

/** The schema pg-boss's tables live in (not `public`: they are no tenant's data). */
export const JOB_SCHEMA = 'pgboss';

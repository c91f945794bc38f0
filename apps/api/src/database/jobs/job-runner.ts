import PgBoss from 'pg-boss';
import type { Db } from '../access/db';
import { CONNECT_TIMEOUT_MS } from '../connect-timeout';
import { JOB_SCHEMA, type QueueName } from './queues';

export interface JobRunnerSettings {
  /** How often an idle worker asks for its queue's next job (seconds). */
  pollSeconds: number;
  /** How often each process checks whether a cron schedule is due (seconds; pg-boss keeps it to one process a time). */
  cronMonitorSeconds: number;
}

/** When a sending process's own worker looks for the job it sent (after the request's commit, usually). */
const KICK_AFTER_MS = [30, 250];

type Handler<T> = (data: T, job: { id: string; retryCount: number }) => Promise<void>;

interface Registration {
  queue: QueueName;
  handler: Handler<never>;
}

interface Schedule {
  queue: QueueName;
  cron: string;
  tz: string;
}

/**
 * The one background job runner (docs/adr/0021-job-runner.md): pg-boss on the app's own PostgreSQL, as the app role,
 * on a small pool of its own. Services register their workers and schedules while the app is built; the runner starts
 * them once it has booted, and stops taking jobs as soon as the app begins to stop. A job is sent in the caller's
 * transaction (`send(db, …)`), so it exists exactly when the change that asked for it was committed.
 */
export class JobRunner {
  private boss: PgBoss | null = null;
  private readonly registrations: Registration[] = [];
  private readonly schedules: Schedule[] = [];
  private stoppingFlag = false;
  private readonly workerIds = new Map<QueueName, string>();

  constructor(
    private readonly url: string,
    private readonly settings: JobRunnerSettings,
    private readonly log: (message: string) => void,
  ) {}

  /** True once the app is stopping: a long job ends its current step and lets its job be retried after the restart. */
  get stopping(): boolean {
    return this.stoppingFlag;
  }

  /** A worker for the queue; the handler's job fails (and is retried per the queue's options) when it throws. */
  work<T>(queue: QueueName, handler: Handler<T>): void {
    if (this.boss) throw new Error(`worker for ${queue} registered after the runner started`);
    this.registrations.push({ queue, handler: handler as Handler<never> });
  }

  /** A cron schedule of the queue (one job per due time across every process). */
  schedule(queue: QueueName, cron: string, tz: string): void {
    if (this.boss) throw new Error(`schedule for ${queue} registered after the runner started`);
    this.schedules.push({ queue, cron, tz });
  }

  /** Sends a job in the transaction of `db`: it is queued when that transaction commits, and never if it rolls back. */
  async send(db: Db, queue: QueueName, data: object): Promise<void> {
    const boss = this.started();
    await boss.send(queue, data, { db: db.jobConnection() });
    // The request commits right after its handler: this process's worker looks again shortly after instead of
    // waiting for its next poll (a job still uncommitted then is found by the poll, as on any other process).
    const worker = this.workerIds.get(queue);
    if (worker) for (const ms of KICK_AFTER_MS) setTimeout(() => this.boss?.notifyWorker(worker), ms).unref();
  }

  async start(): Promise<void> {
    const boss = new PgBoss({
      connectionString: this.url,
      schema: JOB_SCHEMA,
      application_name: 'jixiaotong-jobs',
      max: 3,
      // Created by the owner in a migration (the app role has no DDL rights): only check the version here.
      migrate: false,
      supervise: true,
      schedule: this.schedules.length > 0,
      cronMonitorIntervalSeconds: this.settings.cronMonitorSeconds,
      ...({ connectionTimeoutMillis: CONNECT_TIMEOUT_MS } as object),
    });
    boss.on('error', (err: Error) => this.log(`job runner: ${err.message}`));
    await boss.start();
    this.boss = boss;
    for (const { queue, handler } of this.registrations) {
      const workerId = await boss.work<object>(
        queue,
        { pollingIntervalSeconds: this.settings.pollSeconds, includeMetadata: true },
        async (jobs) => {
          for (const job of jobs) await handler(job.data as never, { id: job.id, retryCount: job.retryCount });
        },
      );
      this.workerIds.set(queue, workerId);
    }
    // Replaces the stored schedule of each queue (a changed cron applies at the next start of any process).
    for (const { queue, cron, tz } of this.schedules) await boss.schedule(queue, cron, {}, { tz });
  }

  /** Takes no new jobs; waits up to `timeoutMs` for running ones (they see `stopping`), then fails what is left. */
  async stop(timeoutMs = 10_000): Promise<void> {
    this.stoppingFlag = true;
    const boss = this.boss;
    if (!boss) return;
    await boss.stop({ graceful: true, timeout: timeoutMs, wait: true });
  }

  private started(): PgBoss {
    if (!this.boss) throw new Error('the job runner has not started');
    return this.boss;
  }
}

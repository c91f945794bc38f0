import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { ReminderSettings } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { tenantScope } from '../../common/tenancy/request-context';
import { Db } from '../../database/access/db';
import { inTenantOnlyTransaction } from '../../database/access/tenant-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { JobRunner } from '../../database/jobs/job-runner';
import { QUEUES } from '../../database/jobs/queues';
import { NotificationMailer } from './notification-mailer';
import { NotificationRepository } from './notification.repository';

/** Without a setting of its own a tenant reminds a week, three days and one day before, and on the day. */
export const REMINDER_DAYS_DEFAULT = [7, 3, 1, 0];

/**
 * 截止提醒: a scheduled job of the job runner (queue `deadline-reminders`, cron REMINDER_CRON in China's time, by
 * default every day at 08:00) reminds the filers of every form still unsubmitted a set number of days before its
 * year's 提交 deadline. pg-boss sends a due schedule once across every API process; the run is idempotent besides
 * (one message per form, deadline, day and filer), so a retry or a second run adds nothing.
 */
@Injectable()
export class DeadlineRemindersService {
  private readonly logger = new Logger(DeadlineRemindersService.name);

  constructor(
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly rows: NotificationRepository,
    private readonly mailer: NotificationMailer,
    jobs: JobRunner,
  ) {
    jobs.work(QUEUES.deadlineReminders, () => this.run().then(() => undefined));
    if (config.reminderCron) jobs.schedule(QUEUES.deadlineReminders, config.reminderCron, 'Asia/Shanghai');
  }

  /** One run over every tenant with a deadline ahead, a transaction each; answers how many messages it wrote. */
  async run(): Promise<number> {
    const tenants = await this.rows.reminderTenants(Db.pool(this.dataSource));
    let written = 0;
    for (const tenantId of tenants) {
      written += await inTenantOnlyTransaction(this.dataSource, tenantId, async (manager) => {
        const db = Db.of(manager);
        const days = (await this.rows.reminderDays(db)) ?? REMINDER_DAYS_DEFAULT;
        if (!days.length) return 0;
        const ids = await this.rows.remind(db, tenantId, days);
        await this.mailer.queue(db, tenantId, ids);
        return ids.length;
      });
    }
    if (written) this.logger.log(`deadline reminders: ${written} written for ${tenants.length} tenant(s)`);
    return written;
  }

  async settings(): Promise<ReminderSettings> {
    const { db } = tenantScope();
    const days = await this.rows.reminderDays(db);
    return { daysBefore: days ?? REMINDER_DAYS_DEFAULT, isDefault: days === null };
  }

  async setSettings(daysBefore: number[]): Promise<ReminderSettings> {
    const { user, db } = tenantScope();
    const days = [...new Set(daysBefore)].sort((a, b) => b - a);
    await this.rows.setReminderDays(db, user.tenantId, days);
    return { daysBefore: days, isDefault: false };
  }
}

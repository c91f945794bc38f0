import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import type { DataSource } from 'typeorm';
import { NOTIFICATION_KIND_LABELS } from '@jxt/contracts';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { Db } from '../../database/access/db';
import { inTenantOnlyTransaction } from '../../database/access/tenant-transaction';
import { APP_DATA_SOURCE } from '../../database/database.module';
import { JobRunner } from '../../database/jobs/job-runner';
import { QUEUES } from '../../database/jobs/queues';
import { NotificationRepository, type EmailRow } from './notification.repository';

/** The notification-email queue's payload: ids only (docs/adr/0021-job-runner.md). */
interface EmailJob {
  tenantId: string;
  notificationIds: string[];
}

/**
 * Optional e-mail of 消息提醒 (nodemailer over SMTP, SMTP_HOST …): a message is written first, in the step's
 * transaction; with SMTP configured, the same transaction queues an e-mail job of its ids, and a worker sends one mail
 * per message to a recipient who gave an address, marking each sent (`emailed_at`), so a retry sends only the rest.
 */
@Injectable()
export class NotificationMailer implements OnApplicationShutdown {
  private readonly transport: Transporter | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(APP_DATA_SOURCE) private readonly dataSource: DataSource,
    private readonly rows: NotificationRepository,
    private readonly jobs: JobRunner,
  ) {
    const smtp = config.smtp;
    this.transport = smtp
      ? nodemailer.createTransport({
          host: smtp.host,
          port: smtp.port,
          secure: smtp.secure,
          auth: smtp.user ? { user: smtp.user, pass: smtp.password ?? '' } : undefined,
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 30_000,
        })
      : null;
    if (this.transport) jobs.work<EmailJob>(QUEUES.notificationEmail, (data) => this.deliver(data));
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  /** In the transaction that wrote the messages: their e-mail is sent once it commits (nothing without SMTP). */
  async queue(db: Db, tenantId: string, notificationIds: string[]): Promise<void> {
    if (!this.transport || !notificationIds.length) return;
    const data: EmailJob = { tenantId, notificationIds };
    await this.jobs.send(db, QUEUES.notificationEmail, data);
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }

  private async deliver({ tenantId, notificationIds }: EmailJob): Promise<void> {
    const transport = this.transport!;
    const pending = await inTenantOnlyTransaction(this.dataSource, tenantId, (m) =>
      this.rows.toEmail(Db.of(m), notificationIds),
    );
    for (const row of pending) {
      await transport.sendMail({
        from: this.config.smtp!.from,
        to: row.email,
        subject: `【绩效通】${NOTIFICATION_KIND_LABELS[row.kind]}`,
        text: this.body(row),
      });
      await inTenantOnlyTransaction(this.dataSource, tenantId, (m) => this.rows.markEmailed(Db.of(m), row.id));
    }
  }

  private body(row: EmailRow): string {
    const path = row.evaluationId ? `/evaluations/${row.evaluationId}` : row.formId ? `/forms/${row.formId}` : null;
    const link = path && this.config.publicUrl ? `\n\n查看：${this.config.publicUrl}${path}` : '';
    return `${row.message}${link}\n\n——绩效通（此邮件由系统自动发送，请勿回复）`;
  }
}

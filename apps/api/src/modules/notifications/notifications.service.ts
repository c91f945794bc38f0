import { Injectable, NotFoundException } from '@nestjs/common';
import type {
  EvaluationStatus,
  FormStatus,
  NotificationEmailSettings,
  NotificationKind,
  NotificationListResponse,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import { NotificationMailer } from './notification-mailer';
import { NotificationRepository, type NotificationRow, type SubjectRow } from './notification.repository';

/** Who acts next after a step, and what they are told: a role over the unit, or the filer who submitted it. */
interface NextActor {
  kind: NotificationKind;
  to: { role: 'supervisor' | 'finance' | 'reviewer' } | 'filer';
  message: (s: SubjectRow, comment: string, actorOrganization: string) => string;
}

const form = (s: SubjectRow) => `“${s.projectName}”${s.year}年绩效目标表`;
const evaluation = (s: SubjectRow) => `“${s.projectName}”${s.year}年绩效自评表`;
/** A reason as long as a message may carry (notification.message is 300 characters). */
const reason = (comment: string) => (comment.length > 120 ? `${comment.slice(0, 120)}…` : comment);

/** After each form step (libs/domain FORM_TRANSITIONS, docs/domain.md §5), by the status it leads to. */
const FORM_NEXT: Partial<Record<FormStatus, NextActor>> = {
  submitted: {
    kind: 'form_to_review',
    to: { role: 'supervisor' },
    message: (s) => `${s.unitName}提交了${form(s)}，请审核`,
  },
  supervisor_approved: {
    kind: 'form_to_report',
    to: { role: 'supervisor' },
    message: (s) => `${form(s)}已审核通过，待汇总报送财政`,
  },
  reported: {
    kind: 'form_to_review',
    to: { role: 'finance' },
    message: (s, _c, org) => `${org}报送了${form(s)}，请审核`,
  },
  returned: { kind: 'form_returned', to: 'filer', message: (s, c) => `${form(s)}被退回：${reason(c)}` },
  finance_returned: {
    kind: 'form_finance_returned',
    to: { role: 'supervisor' },
    message: (s, c) => `财政退回${form(s)}：${reason(c)}`,
  },
  finance_approved: {
    kind: 'form_approved',
    to: 'filer',
    message: (s) => `${form(s)}财政审核通过，可以填报绩效自评表`,
  },
  rejected: { kind: 'form_rejected', to: 'filer', message: (s, c) => `${form(s)}不予通过：${reason(c)}` },
};

/** After each 自评 step (EVALUATION_TRANSITIONS). */
const EVALUATION_NEXT: Partial<Record<EvaluationStatus, NextActor>> = {
  submitted: {
    kind: 'evaluation_to_review',
    to: { role: 'reviewer' },
    message: (s) => `${s.unitName}提交了${evaluation(s)}，请复核`,
  },
  reviewed: {
    kind: 'evaluation_to_finalise',
    to: { role: 'reviewer' },
    message: (s) => `${evaluation(s)}已复核，待定稿`,
  },
  returned: {
    kind: 'evaluation_returned',
    to: 'filer',
    message: (s, c) => `${evaluation(s)}被退回：${reason(c)}`,
  },
  final: { kind: 'evaluation_final', to: 'filer', message: (s) => `${evaluation(s)}已定稿` },
};

function toNotification(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    message: row.message,
    actorName: row.actorName,
    formId: row.formId,
    evaluationId: row.evaluationId,
    link: row.evaluationId ? `/evaluations/${row.evaluationId}` : row.formId ? `/forms/${row.formId}` : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}

/**
 * 消息提醒: every step of a form or a 自评表 tells the next actor(s) in the same transaction (so a step that rolls back
 * tells nobody), and each user reads and marks only their own messages.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly rows: NotificationRepository,
    private readonly mailer: NotificationMailer,
  ) {}

  /** A form step to `to` was taken in the current request. */
  async formStepTaken(formId: string, to: FormStatus, comment: string | null): Promise<void> {
    const next = FORM_NEXT[to];
    if (!next) return;
    const { db } = tenantScope();
    const subject = await this.rows.formSubject(db, formId);
    if (subject) await this.notify(db, next, subject, comment);
  }

  /** A 自评 step to `to` was taken in the current request. */
  async evaluationStepTaken(evaluationId: string, to: EvaluationStatus, comment: string | null): Promise<void> {
    const next = EVALUATION_NEXT[to];
    if (!next) return;
    const { db } = tenantScope();
    const subject = await this.rows.evaluationSubject(db, evaluationId);
    if (subject) await this.notify(db, next, subject, comment);
  }

  async list(query: { page?: number; pageSize?: number; unread?: boolean }): Promise<NotificationListResponse> {
    const { user, db } = tenantScope();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 20;
    const rows = await this.rows.list(db, user.userId, query.unread ?? false, pageSize, (page - 1) * pageSize);
    return {
      items: rows.filter((r) => r.id !== null).map(toNotification),
      total: Number(rows[0]?.total ?? 0),
      unread: Number(rows[0]?.unread ?? 0),
      page,
      pageSize,
    };
  }

  async markRead(id: string): Promise<void> {
    const { user, db } = tenantScope();
    if (!(await this.rows.markRead(db, user.userId, id))) throw new NotFoundException('消息不存在');
  }

  /** The caller's address for 消息提醒 by e-mail, and whether the server sends any. */
  async emailSettings(): Promise<NotificationEmailSettings> {
    const { user, db } = tenantScope();
    return { email: await this.rows.ownEmail(db, user.userId), enabled: this.mailer.enabled };
  }

  async setEmail(email: string | null): Promise<NotificationEmailSettings> {
    const { user, db } = tenantScope();
    await this.rows.setOwnEmail(db, user.userId, email);
    return { email, enabled: this.mailer.enabled };
  }

  async markAllRead(): Promise<{ updated: number }> {
    const { user, db } = tenantScope();
    return { updated: await this.rows.markAllRead(db, user.userId) };
  }

  private async notify(db: Db, next: NextActor, subject: SubjectRow, comment: string | null): Promise<void> {
    const { user } = tenantScope();
    const n = {
      tenantId: user.tenantId,
      kind: next.kind,
      formId: subject.formId,
      evaluationId: subject.evaluationId,
      message: next.message(subject, comment ?? '', user.organizationName),
      actorName: user.displayName,
      actorId: user.userId,
    };
    const ids =
      next.to === 'filer'
        ? await this.rows.notifyFiler(db, subject, n)
        : await this.rows.notifyRole(db, next.to.role, subject, n);
    await this.mailer.queue(db, user.tenantId, ids);
  }
}

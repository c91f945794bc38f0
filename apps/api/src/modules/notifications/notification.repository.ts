import { Injectable } from '@nestjs/common';
import type { NotificationKind } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { NotificationEntity } from '../../database/entities/notification.entity';
import type { ReminderSettingEntity } from '../../database/entities/reminder-setting.entity';

/** A message as its recipient lists it, with the counts repeated on each row (one round trip for the page). */
export type NotificationRow = Pick<
  NotificationEntity,
  'id' | 'kind' | 'message' | 'actorName' | 'formId' | 'evaluationId' | 'createdAt' | 'readAt'
>;

/** What a message about a form or a 自评表 says and whom it may reach: the unit's path, who submitted it. */
export interface SubjectRow {
  formId: string;
  evaluationId: string | null;
  projectName: string;
  year: number;
  unitName: string;
  organizationPath: string;
  submittedBy: string | null;
}

export interface NewNotifications {
  tenantId: string;
  kind: NotificationKind;
  formId: string;
  evaluationId: string | null;
  message: string;
  actorName: string | null;
  actorId: string;
}

const FORM_SUBJECT = sql<SubjectRow, [formId: string]>(
  'notifications.formSubject',
  `SELECT f.id AS "formId", NULL::uuid AS "evaluationId", f.project_name AS "projectName", f.year, o.name AS "unitName",
          f.organization_path AS "organizationPath", f.submitted_by AS "submittedBy"
   FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
   WHERE f.id = $1`,
);

const EVALUATION_SUBJECT = sql<SubjectRow, [evaluationId: string]>(
  'notifications.evaluationSubject',
  `SELECT f.id AS "formId", e.id AS "evaluationId", f.project_name AS "projectName", e.year, o.name AS "unitName",
          f.organization_path AS "organizationPath", e.submitted_by AS "submittedBy"
   FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id JOIN project p ON p.id = e.project_id
   JOIN organization o ON o.id = p.organization_id
   WHERE e.id = $1`,
);

/**
 * The users of a role whose scope holds the unit at `$2` (docs/domain.md §1.1): a 主管部门's supervisors over their
 * units; for finance and reviewers the 财政科室 the unit's 主管部门 is assigned to, and the 财政局's own only where no
 * 科室 is. Never the actor, never a disabled user. Inserts one message each and answers their ids.
 */
const NOTIFY_ROLE = sql<
  Pick<NotificationEntity, 'id'>,
  [
    tenantId: string,
    path: string,
    role: string,
    actorId: string,
    kind: string,
    formId: string,
    evaluationId: string | null,
    message: string,
    actorName: string | null,
  ]
>(
  'notifications.notifyRole',
  `WITH candidates AS (
     SELECT u.id, o.kind
     FROM app_user u JOIN organization o ON o.id = u.organization_id
     WHERE $3 = ANY(u.roles) AND NOT u.disabled AND u.id <> $4
       AND ($2 LIKE o.path || '%'
            OR (o.kind = 'finance_division' AND EXISTS (
                  SELECT 1 FROM finance_division_assignment a JOIN organization d ON d.id = a.department_id
                  WHERE a.division_id = o.id AND $2 LIKE d.path || '%')))
   ),
   recipients AS (
     SELECT c.id FROM candidates c
     WHERE $3 NOT IN ('finance', 'reviewer') OR c.kind = 'finance_division'
        OR NOT EXISTS (SELECT 1 FROM candidates d WHERE d.kind = 'finance_division')
   )
   INSERT INTO notification (tenant_id, user_id, kind, form_id, evaluation_id, message, actor_name)
   SELECT $1, r.id, $5, $6, $7, $8, $9 FROM recipients r
   RETURNING id`,
);

/** The one who submitted it, if still active; else the filers whose unit holds the form. */
const NOTIFY_FILER = sql<
  Pick<NotificationEntity, 'id'>,
  [
    tenantId: string,
    path: string,
    submittedBy: string | null,
    actorId: string,
    kind: string,
    formId: string,
    evaluationId: string | null,
    message: string,
    actorName: string | null,
  ]
>(
  'notifications.notifyFiler',
  `WITH submitter AS (
     SELECT u.id FROM app_user u WHERE u.id = $3 AND NOT u.disabled
   ),
   recipients AS (
     SELECT id FROM submitter
     UNION ALL
     SELECT u.id FROM app_user u JOIN organization o ON o.id = u.organization_id
     WHERE NOT EXISTS (SELECT 1 FROM submitter) AND 'filer' = ANY(u.roles) AND NOT u.disabled AND $2 LIKE o.path || '%'
   )
   INSERT INTO notification (tenant_id, user_id, kind, form_id, evaluation_id, message, actor_name)
   SELECT $1, r.id, $5, $6, $7, $8, $9 FROM recipients r WHERE r.id <> $4
   RETURNING id`,
);

/** The caller's page, newest first, with their total and unread counts (both from the user's indexes). */
const LIST = sql<
  NotificationRow & { total: string; unread: string },
  [userId: string, unreadOnly: boolean, limit: number, offset: number]
>(
  'notifications.list',
  `SELECT n.id, n.kind, n.message, n.actor_name AS "actorName", n.form_id AS "formId",
          n.evaluation_id AS "evaluationId", n.created_at AS "createdAt", n.read_at AS "readAt",
          c.total, c.unread
   FROM (SELECT (SELECT count(*) FROM notification WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)) AS total,
                (SELECT count(*) FROM notification WHERE user_id = $1 AND read_at IS NULL) AS unread) c
   LEFT JOIN LATERAL (
     SELECT * FROM notification
     WHERE user_id = $1 AND (NOT $2 OR read_at IS NULL)
     ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4
   ) n ON true`,
  { prepared: true },
);

const MARK_READ = sql<Pick<NotificationEntity, 'id'>, [userId: string, id: string]>(
  'notifications.markRead',
  `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE user_id = $1 AND id = $2 RETURNING id`,
);

const MARK_ALL_READ = sql<object, [userId: string]>(
  'notifications.markAllRead',
  `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
);

const REMINDER_TENANTS = sql<{ tenantId: string }, []>(
  'notifications.reminderTenants',
  `SELECT t AS "tenantId" FROM reminder_tenants() t`,
);

const REMINDER_DAYS = sql<Pick<ReminderSettingEntity, 'daysBefore'>, []>(
  'notifications.reminderDays',
  `SELECT days_before AS "daysBefore" FROM reminder_setting`,
);

const SET_REMINDER_DAYS = sql<object, [tenantId: string, days: number[]]>(
  'notifications.setReminderDays',
  `INSERT INTO reminder_setting (tenant_id, days_before) VALUES ($1, $2::smallint[])
   ON CONFLICT (tenant_id) DO UPDATE SET days_before = EXCLUDED.days_before, updated_at = now()`,
);

/**
 * 截止提醒 of the tenant in the transaction: for every 提交 deadline that is `$2` days away (China's date) or the day
 * itself, one message to each filer whose unit holds a form of that year still unsubmitted (draft or returned).
 * The key per form, deadline and day makes a second run that day (a retry, another process) add nothing.
 */
const REMIND = sql<Pick<NotificationEntity, 'id'>, [tenantId: string, days: number[]]>(
  'notifications.remind',
  `WITH today AS (SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date AS d),
   due AS (
     SELECT dl.year, dl.due_date, (dl.due_date - today.d) AS days_left
     FROM workflow_deadline dl, today
     WHERE dl.kind = 'submit' AND (dl.due_date - today.d) = ANY($2::int[])
   )
   INSERT INTO notification (tenant_id, user_id, kind, form_id, message, dedup_key)
   SELECT $1, u.id, 'deadline_reminder', f.id,
          CASE WHEN due.days_left = 0
            THEN format('“%s”%s年绩效目标表尚未提交，今天（%s）是提交截止日期', f.project_name, f.year, to_char(due.due_date, 'YYYY-MM-DD'))
            ELSE format('“%s”%s年绩效目标表尚未提交，距提交截止日期（%s）还有 %s 天', f.project_name, f.year,
                        to_char(due.due_date, 'YYYY-MM-DD'), due.days_left)
          END,
          format('reminder:%s:submit:%s:%s', f.id, to_char(due.due_date, 'YYYY-MM-DD'), due.days_left)
   FROM due
   JOIN goal_form f ON f.year = due.year AND f.status IN ('draft', 'returned')
   JOIN app_user u ON 'filer' = ANY(u.roles) AND NOT u.disabled
   JOIN organization o ON o.id = u.organization_id AND f.organization_path LIKE o.path || '%'
   ON CONFLICT (tenant_id, user_id, dedup_key) DO NOTHING
   RETURNING id`,
);

/** Messages of the job still to e-mail, with their recipient's address (none: nothing to send). */
export type EmailRow = Pick<NotificationEntity, 'id' | 'kind' | 'message' | 'formId' | 'evaluationId'> & {
  email: string;
};

const TO_EMAIL = sql<EmailRow, [ids: string[]]>(
  'notifications.toEmail',
  `SELECT n.id, n.kind, n.message, n.form_id AS "formId", n.evaluation_id AS "evaluationId", u.email
   FROM notification n JOIN app_user u ON u.id = n.user_id
   WHERE n.id = ANY($1::uuid[]) AND n.emailed_at IS NULL AND u.email IS NOT NULL AND NOT u.disabled
   ORDER BY n.created_at, n.id`,
);

const MARK_EMAILED = sql<object, [id: string]>(
  'notifications.markEmailed',
  `UPDATE notification SET emailed_at = now() WHERE id = $1`,
);

const OWN_EMAIL = sql<{ email: string | null }, [userId: string]>(
  'notifications.ownEmail',
  `SELECT email FROM app_user WHERE id = $1`,
);

const SET_OWN_EMAIL = sql<object, [userId: string, email: string | null]>(
  'notifications.setOwnEmail',
  `UPDATE app_user SET email = $2 WHERE id = $1`,
);

/**
 * notification (消息提醒): written in the transaction of the step that calls for it; each user reads and marks only
 * their own (every statement names the user; row-level security keeps the tenant).
 */
@Injectable()
export class NotificationRepository {
  formSubject(db: Db, formId: string): Promise<SubjectRow | undefined> {
    return db.one(FORM_SUBJECT, [formId]);
  }

  evaluationSubject(db: Db, evaluationId: string): Promise<SubjectRow | undefined> {
    return db.one(EVALUATION_SUBJECT, [evaluationId]);
  }

  async notifyRole(db: Db, role: string, subject: SubjectRow, n: NewNotifications): Promise<string[]> {
    const rows = await db.rows(NOTIFY_ROLE, [
      n.tenantId,
      subject.organizationPath,
      role,
      n.actorId,
      n.kind,
      n.formId,
      n.evaluationId,
      n.message,
      n.actorName,
    ]);
    return rows.map((r) => r.id);
  }

  async notifyFiler(db: Db, subject: SubjectRow, n: NewNotifications): Promise<string[]> {
    const rows = await db.rows(NOTIFY_FILER, [
      n.tenantId,
      subject.organizationPath,
      subject.submittedBy,
      n.actorId,
      n.kind,
      n.formId,
      n.evaluationId,
      n.message,
      n.actorName,
    ]);
    return rows.map((r) => r.id);
  }

  list(db: Db, userId: string, unreadOnly: boolean, limit: number, offset: number) {
    return db.rows(LIST, [userId, unreadOnly, limit, offset]);
  }

  async markRead(db: Db, userId: string, id: string): Promise<boolean> {
    return (await db.run(MARK_READ, [userId, id])) > 0;
  }

  markAllRead(db: Db, userId: string): Promise<number> {
    return db.run(MARK_ALL_READ, [userId]);
  }

  /** Tenants with a 提交 deadline ahead (no tenant set: a SECURITY DEFINER function answers ids only). */
  async reminderTenants(db: Db): Promise<string[]> {
    return (await db.rows(REMINDER_TENANTS, [])).map((r) => r.tenantId);
  }

  /** The tenant's reminder days, or null when it has set none. */
  async reminderDays(db: Db): Promise<number[] | null> {
    return (await db.one(REMINDER_DAYS, []))?.daysBefore ?? null;
  }

  async setReminderDays(db: Db, tenantId: string, days: number[]): Promise<void> {
    await db.run(SET_REMINDER_DAYS, [tenantId, days]);
  }

  toEmail(db: Db, ids: string[]): Promise<EmailRow[]> {
    return db.rows(TO_EMAIL, [ids]);
  }

  async markEmailed(db: Db, id: string): Promise<void> {
    await db.run(MARK_EMAILED, [id]);
  }

  async ownEmail(db: Db, userId: string): Promise<string | null> {
    return (await db.one(OWN_EMAIL, [userId]))?.email ?? null;
  }

  async setOwnEmail(db: Db, userId: string, email: string | null): Promise<void> {
    await db.run(SET_OWN_EMAIL, [userId, email]);
  }

  /** Writes the day's reminders of the tenant in the transaction; answers the new messages' ids. */
  async remind(db: Db, tenantId: string, days: number[]): Promise<string[]> {
    return (await db.rows(REMIND, [tenantId, days])).map((r) => r.id);
  }
}

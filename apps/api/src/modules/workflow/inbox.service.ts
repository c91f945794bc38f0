import { Injectable } from '@nestjs/common';
import {
  DEADLINE_KINDS,
  type Deadline,
  type DeadlineKind,
  type InboxItem,
  type InboxReason,
  type InboxResponse,
} from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import type { SetDeadlinesDto } from './dto/deadlines.dto';
import { CURRENT_ROUND_COMMENT } from './form-history.repository';

/** How many days before the submit deadline a draft starts to show in the filer's inbox. */
const DRAFT_DUE_WINDOW_DAYS = 14;
/** The inbox lists the most urgent items; the counts cover all of them. */
const INBOX_LIMIT = 200;

/**
 * 待办: what waits on the caller, by role — supervisor: submitted (and finance-returned) forms to review and
 * approved ones to 汇总报送; finance: reported forms; filer: returned forms, and drafts near or past the submit
 * deadline. One query; counts are aggregated in SQL.
 */
@Injectable()
export class InboxService {
  async inbox(): Promise<InboxResponse> {
    const { user, manager } = tenantScope();
    const roles = user.roles;
    const rows = await queryRows<{
      form_id: string;
      row_version: number;
      code: string;
      name: string;
      organization_name: string;
      year: number;
      revision: number;
      status: InboxItem['status'];
      reason: InboxReason;
      since: Date;
      due_date: string | null;
      overdue: boolean;
      last_comment: string | null;
      total: string;
      reason_counts: Record<InboxReason, number>;
      overdue_count: string;
    }>(
      manager,
      // Scope and status are read from goal_form alone (organization_path is kept by triggers); only the page of
      // items shown joins project and organisation. Counts are aggregated in SQL over everything waiting.
      `WITH waiting AS (
         SELECT f.id, f.project_id, f.row_version, f.year, f.revision, f.status, f.status_changed_at,
           CASE
             WHEN $2 AND f.status IN ('submitted', 'finance_returned') THEN 'to_review'
             WHEN $2 AND f.status = 'supervisor_approved' THEN 'to_report'
             WHEN $3 AND f.status = 'reported' THEN 'to_review'
             WHEN $4 AND f.status = 'returned' THEN 'returned'
             WHEN $4 AND f.status = 'draft' THEN 'draft_due'
           END AS reason,
           CASE
             WHEN f.status IN ('submitted', 'finance_returned', 'supervisor_approved') THEN 'supervisor_review'
             WHEN f.status = 'reported' THEN 'finance_review'
             ELSE 'submit'
           END AS deadline_kind
         FROM goal_form f
         WHERE f.status = ANY($5::text[]) AND f.organization_path LIKE ANY($1::text[])
       ),
       dated AS (
         SELECT w.*, d.due_date, (d.due_date IS NOT NULL AND d.due_date < current_date) AS overdue
         FROM waiting w LEFT JOIN workflow_deadline d ON d.year = w.year AND d.kind = w.deadline_kind
         WHERE w.reason IS NOT NULL
           AND (w.reason <> 'draft_due' OR (d.due_date IS NOT NULL AND d.due_date <= current_date + $6::int))
       ),
       counted AS (SELECT reason, count(*) AS n, count(*) FILTER (WHERE overdue) AS late FROM dated GROUP BY reason),
       shown AS (SELECT * FROM dated ORDER BY overdue DESC, due_date NULLS LAST, status_changed_at LIMIT $7)
       SELECT s.id AS form_id, s.row_version, p.code, (SELECT g.project_name FROM goal_form g WHERE g.id = s.id) AS name, o.name AS organization_name, s.year, s.revision, s.status, s.reason,
              s.status_changed_at AS since, to_char(s.due_date, 'YYYY-MM-DD') AS due_date, s.overdue,
              (${CURRENT_ROUND_COMMENT('s.id')}) AS last_comment,
              (SELECT sum(n) FROM counted) AS total,
              (SELECT jsonb_object_agg(reason, n) FROM counted) AS reason_counts,
              (SELECT sum(late) FROM counted) AS overdue_count
       FROM shown s JOIN project p ON p.id = s.project_id JOIN organization o ON o.id = p.organization_id
       ORDER BY s.overdue DESC, s.due_date NULLS LAST, s.status_changed_at`,
      [
        user.scopePatterns,
        roles.includes('supervisor'),
        roles.includes('finance'),
        roles.includes('filer'),
        statusesFor(roles),
        DRAFT_DUE_WINDOW_DAYS,
        INBOX_LIMIT,
      ],
    );
    const counts: Record<InboxReason, number> = { to_review: 0, to_report: 0, returned: 0, draft_due: 0 };
    Object.assign(counts, rows[0]?.reason_counts ?? {});
    return {
      items: rows.map((r) => ({
        formId: r.form_id,
        rowVersion: r.row_version,
        projectCode: r.code,
        projectName: r.name,
        organizationName: r.organization_name,
        year: r.year,
        revision: r.revision,
        status: r.status,
        reason: r.reason,
        since: r.since.toISOString(),
        dueDate: r.due_date,
        overdue: r.overdue,
        lastComment: r.last_comment,
      })),
      counts,
      total: rows.length ? Number(rows[0].total) : 0,
      overdue: rows.length ? Number(rows[0].overdue_count) : 0,
    };
  }

  async deadlines(year: number): Promise<Deadline[]> {
    const rows = await queryRows<{ kind: DeadlineKind; due_date: string }>(
      tenantScope().manager,
      `SELECT kind, to_char(due_date, 'YYYY-MM-DD') AS due_date FROM workflow_deadline WHERE year = $1 ORDER BY due_date`,
      [year],
    );
    return rows.map((r) => ({ year, kind: r.kind, dueDate: r.due_date }));
  }

  async setDeadlines(year: number, dto: SetDeadlinesDto): Promise<Deadline[]> {
    const { user, manager } = tenantScope();
    for (const kind of DEADLINE_KINDS) {
      const value = dto[kind];
      if (value === undefined) continue;
      if (value === null || value === '') {
        await queryRows(manager, `DELETE FROM workflow_deadline WHERE year = $1 AND kind = $2`, [year, kind]);
      } else {
        await queryRows(
          manager,
          `INSERT INTO workflow_deadline (tenant_id, year, kind, due_date) VALUES ($1, $2, $3, $4)
           ON CONFLICT (tenant_id, year, kind) DO UPDATE SET due_date = EXCLUDED.due_date`,
          [user.tenantId, year, kind, value],
        );
      }
    }
    return this.deadlines(year);
  }
}

/** Only the statuses some role of the caller waits on, so the index narrows the scan. */
function statusesFor(roles: readonly string[]): string[] {
  const statuses = new Set<string>();
  if (roles.includes('supervisor'))
    ['submitted', 'finance_returned', 'supervisor_approved'].forEach((s) => statuses.add(s));
  if (roles.includes('finance')) statuses.add('reported');
  if (roles.includes('filer')) ['returned', 'draft'].forEach((s) => statuses.add(s));
  return [...statuses];
}

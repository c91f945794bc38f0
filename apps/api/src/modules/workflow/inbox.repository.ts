import { Injectable } from '@nestjs/common';
import type { DeadlineKind, InboxItem, InboxReason } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { WorkflowDeadlineEntity } from '../../database/entities/workflow-deadline.entity';
import { CURRENT_ROUND_COMMENT } from '../../database/access/shared-fragments';

/** One waiting form as 待办 lists it, with the counts over everything waiting repeated on each row. */
export type InboxRow = Omit<InboxItem, 'since'> & {
  since: Date;
  total: string;
  reasonCounts: Record<InboxReason, number>;
  overdueCount: string;
};

export interface InboxQuery {
  supervisor: boolean;
  finance: boolean;
  filer: boolean;
  /** Only the statuses some role of the caller waits on, so the index narrows the scan. */
  statuses: string[];
  limit: number;
}

// Scope and status are read from goal_form alone (organization_path is kept by triggers); only the page of items
// shown joins project and organisation. Counts are aggregated in SQL over everything waiting.
const INBOX = sql<InboxRow>(
  'inbox.waiting',
  `WITH waiting AS (
         SELECT f.id, f.project_id, f.row_version, f.year, f.revision, f.status, f.status_changed_at,
           CASE
             WHEN $2 AND f.status IN ('submitted', 'finance_returned') THEN 'to_review'
             WHEN $2 AND f.status = 'supervisor_approved' THEN 'to_report'
             WHEN $3 AND f.status = 'reported' THEN 'to_review'
             WHEN $4 AND f.status = 'returned' THEN 'returned'
             WHEN $4 AND f.status = 'draft' THEN 'draft_unsubmitted'
           END AS reason,
           CASE
             WHEN f.status IN ('submitted', 'finance_returned', 'supervisor_approved') THEN 'supervisor_review'
             WHEN f.status = 'reported' THEN 'finance_review'
             ELSE 'submit'
           END AS deadline_kind
         FROM goal_form f
         WHERE f.status = ANY($5::text[]) AND ${inScope('f.organization_path', 1)}
           -- A filer works only in open years (from 开启新年度 until the admin closes it, ADR 0023); reviewers
           -- still see what was handed to them.
           AND (f.status NOT IN ('draft', 'returned')
                OR EXISTS (SELECT 1 FROM fiscal_year y WHERE y.year = f.year AND y.status = 'open'))
       ),
       dated AS (
         SELECT w.*, d.due_date, (d.due_date IS NOT NULL AND d.due_date < current_date) AS overdue
         FROM waiting w LEFT JOIN workflow_deadline d ON d.year = w.year AND d.kind = w.deadline_kind
         WHERE w.reason IS NOT NULL
       ),
       counted AS (SELECT reason, count(*) AS n, count(*) FILTER (WHERE overdue) AS late FROM dated GROUP BY reason),
       shown AS (SELECT * FROM dated ORDER BY overdue DESC, due_date NULLS LAST, status_changed_at LIMIT $6)
       SELECT s.id AS "formId", s.row_version AS "rowVersion", p.code AS "projectCode",
              (SELECT g.project_name FROM goal_form g WHERE g.id = s.id) AS "projectName", o.name AS "organizationName",
              s.year, s.revision, s.status, s.reason, s.status_changed_at AS since, to_char(s.due_date, 'YYYY-MM-DD') AS "dueDate",
              s.overdue, (${CURRENT_ROUND_COMMENT('s.id')}) AS "lastComment",
              (SELECT sum(n) FROM counted) AS total,
              (SELECT jsonb_object_agg(reason, n) FROM counted) AS "reasonCounts",
              (SELECT sum(late) FROM counted) AS "overdueCount"
       FROM shown s JOIN project p ON p.id = s.project_id JOIN organization o ON o.id = p.organization_id
       ORDER BY s.overdue DESC, s.due_date NULLS LAST, s.status_changed_at`,
);

const DEADLINES = sql<Pick<WorkflowDeadlineEntity, 'kind'> & { dueDate: string }, [year: number]>(
  'inbox.deadlines',
  `SELECT kind, to_char(due_date, 'YYYY-MM-DD') AS "dueDate" FROM workflow_deadline WHERE year = $1 ORDER BY due_date`,
);

const DELETE_DEADLINE = sql<object, [year: number, kind: DeadlineKind]>(
  'inbox.deleteDeadline',
  `DELETE FROM workflow_deadline WHERE year = $1 AND kind = $2`,
);

const SET_DEADLINE = sql<object, [tenantId: string, year: number, kind: DeadlineKind, dueDate: string]>(
  'inbox.setDeadline',
  `INSERT INTO workflow_deadline (tenant_id, year, kind, due_date) VALUES ($1, $2, $3, $4)
   ON CONFLICT (tenant_id, year, kind) DO UPDATE SET due_date = EXCLUDED.due_date`,
);

/** 待办 (what waits on the caller; a filer's drafts and returned forms of open years only) and the year's 截止日期 (workflow_deadline, tenant-wide). */
@Injectable()
export class InboxRepository {
  waiting(db: Db, scope: Scope, q: InboxQuery): Promise<InboxRow[]> {
    return db.rows(INBOX, [scope.patterns, q.supervisor, q.finance, q.filer, q.statuses, q.limit]);
  }

  deadlines(db: Db, year: number) {
    return db.rows(DEADLINES, [year]);
  }

  async setDeadline(db: Db, tenantId: string, year: number, kind: DeadlineKind, dueDate: string | null): Promise<void> {
    if (dueDate === null) await db.run(DELETE_DEADLINE, [year, kind]);
    else await db.run(SET_DEADLINE, [tenantId, year, kind, dueDate]);
  }
}

import { Injectable } from '@nestjs/common';
import type { EvaluationInboxItem, EvaluationInboxReason, EvaluationInboxResponse } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';

/** The inbox lists the oldest items; the counts cover all of them. */
const INBOX_LIMIT = 200;

/**
 * 待办 of the self-evaluation, by role — filer: approved forms with no 自评表 yet, and returned ones;
 * reviewer: submitted ones to 复核 and reviewed ones to 定稿. One query; counts aggregated in SQL.
 */
@Injectable()
export class EvaluationInboxService {
  async inbox(): Promise<EvaluationInboxResponse> {
    const { user, manager } = tenantScope();
    const filer = user.roles.includes('filer');
    const reviewer = user.roles.includes('reviewer');
    const statuses = [...(filer ? ['returned'] : []), ...(reviewer ? ['submitted', 'reviewed'] : [])];
    const rows = await queryRows<{
      evaluation_id: string | null;
      form_id: string;
      code: string;
      name: string;
      organization_name: string;
      year: number;
      status: EvaluationInboxItem['status'];
      reason: EvaluationInboxReason;
      since: Date;
      last_comment: string | null;
      reason_counts: Record<EvaluationInboxReason, number>;
    }>(
      manager,
      `WITH waiting AS (
         SELECT e.id AS evaluation_id, e.form_id, e.project_id, e.year, e.status, e.updated_at AS since,
                CASE e.status WHEN 'submitted' THEN 'to_review' WHEN 'reviewed' THEN 'to_finalise' ELSE 'returned' END AS reason
         FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id
         WHERE e.status = ANY($2::text[]) AND f.organization_path LIKE ANY($1::text[])
         UNION ALL
         -- The newest approved revision of each project and year that has no 自评表 yet.
         SELECT NULL, f.id, f.project_id, f.year, NULL, f.status_changed_at, 'to_evaluate'
         FROM goal_form f
         WHERE $3 AND f.status = 'finance_approved' AND f.organization_path LIKE ANY($1::text[])
           AND NOT EXISTS (SELECT 1 FROM self_evaluation e WHERE e.project_id = f.project_id AND e.year = f.year)
           AND NOT EXISTS (SELECT 1 FROM goal_form g WHERE g.project_id = f.project_id AND g.year = f.year AND g.status = 'finance_approved' AND g.revision > f.revision)
       ),
       counted AS (SELECT reason, count(*)::int AS n FROM waiting GROUP BY reason),
       shown AS (SELECT * FROM waiting ORDER BY since LIMIT $4)
       SELECT s.evaluation_id, s.form_id, p.code, (SELECT g.project_name FROM goal_form g WHERE g.id = s.form_id) AS name, o.name AS organization_name, s.year, s.status, s.reason, s.since,
              (SELECT ev.comment FROM evaluation_event ev WHERE ev.evaluation_id = s.evaluation_id AND ev.kind = 'transition' AND ev.action IS NOT NULL AND ev.comment IS NOT NULL
                 ORDER BY ev.id DESC LIMIT 1) AS last_comment,
              (SELECT jsonb_object_agg(reason, n) FROM counted) AS reason_counts
       FROM shown s JOIN project p ON p.id = s.project_id JOIN organization o ON o.id = p.organization_id
       ORDER BY s.since`,
      [user.scopePatterns, statuses, filer, INBOX_LIMIT],
    );
    const counts: Record<EvaluationInboxReason, number> = { to_evaluate: 0, returned: 0, to_review: 0, to_finalise: 0 };
    Object.assign(counts, rows[0]?.reason_counts ?? {});
    return {
      items: rows.map((r) => ({
        evaluationId: r.evaluation_id,
        formId: r.form_id,
        projectCode: r.code,
        projectName: r.name,
        organizationName: r.organization_name,
        year: r.year,
        status: r.status,
        reason: r.reason,
        since: r.since.toISOString(),
        lastComment: r.last_comment,
      })),
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }
}

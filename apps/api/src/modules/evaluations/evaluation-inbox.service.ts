import { Injectable } from '@nestjs/common';
import type { EvaluationInboxReason, EvaluationInboxResponse, EvaluationStatus } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { EvaluationRepository } from './evaluation.repository';

/** The inbox lists the oldest items; the counts cover all of them. */
const INBOX_LIMIT = 200;

/**
 * 待办 of the self-evaluation, by role — filer: approved forms with no 自评表 yet, and returned ones;
 * reviewer: submitted ones to 复核 and reviewed ones to 定稿. One query; counts aggregated in SQL.
 */
@Injectable()
export class EvaluationInboxService {
  constructor(private readonly rows: EvaluationRepository) {}

  async inbox(): Promise<EvaluationInboxResponse> {
    const { user, db } = tenantScope();
    const filer = user.roles.includes('filer');
    const reviewer = user.roles.includes('reviewer');
    const statuses: EvaluationStatus[] = [
      ...(filer ? (['returned'] as const) : []),
      ...(reviewer ? (['submitted', 'reviewed'] as const) : []),
    ];
    const rows = await this.rows.inbox(db, user.scope, { statuses, includeToEvaluate: filer, limit: INBOX_LIMIT });
    const counts: Record<EvaluationInboxReason, number> = { to_evaluate: 0, returned: 0, to_review: 0, to_finalise: 0 };
    Object.assign(counts, rows[0]?.reasonCounts ?? {});
    return {
      items: rows.map((r) => ({
        evaluationId: r.evaluationId,
        formId: r.formId,
        projectCode: r.projectCode,
        projectName: r.projectName,
        organizationName: r.organizationName,
        year: r.year,
        status: r.status,
        reason: r.reason,
        since: r.since.toISOString(),
        lastComment: r.lastComment,
      })),
      counts,
      total: Object.values(counts).reduce((a, b) => a + b, 0),
    };
  }
}

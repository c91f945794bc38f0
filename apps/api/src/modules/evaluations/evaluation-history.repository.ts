import { Injectable } from '@nestjs/common';
import type { EvaluationAction, EvaluationStatus, FormFieldChange } from '@jxt/contracts';
import { ACTOR_COLUMNS, actorValues, HISTORY_COLUMNS, type HistoryRow } from '../../common/history/history-event';
import type { AuthUser } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';

/**
 * The newest comment of a 自评表's flow: a transition (with an action) that carries a comment. `evaluationId` is
 * the SQL expression of the evaluation's id, `columns` what the subquery selects from `ev`.
 */
export const LATEST_COMMENT = (evaluationId: string, columns: string) => `
  SELECT ${columns} FROM evaluation_event ev
  WHERE ev.evaluation_id = ${evaluationId} AND ev.kind = 'transition' AND ev.action IS NOT NULL AND ev.comment IS NOT NULL
  ORDER BY ev.id DESC LIMIT 1`;

export type EvaluationHistoryRow = HistoryRow<EvaluationAction, EvaluationStatus>;

const OF_EVALUATION = sql<EvaluationHistoryRow, [evaluationId: string]>(
  'evaluationHistory.ofEvaluation',
  `SELECT ${HISTORY_COLUMNS} FROM evaluation_event e WHERE e.evaluation_id = $1 ORDER BY e.id`,
);

const INSERT = sql<
  object,
  [
    tenantId: string,
    evaluationId: string,
    kind: 'transition' | 'save' | 'import',
    action: EvaluationAction | null,
    from: EvaluationStatus | null,
    to: EvaluationStatus | null,
    ...actor: unknown[],
  ]
>(
  'evaluationHistory.insert',
  `INSERT INTO evaluation_event (tenant_id, evaluation_id, kind, action, from_status, to_status, ${ACTOR_COLUMNS}, comment, changes, row_version)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
);

/** One entry of a 自评表's history: a transition, or a save's changed fields. */
export interface EvaluationEvent {
  kind: 'transition' | 'save' | 'import';
  action: EvaluationAction | null;
  from: EvaluationStatus | null;
  to: EvaluationStatus | null;
  comment: string | null;
  changes: FormFieldChange[] | null;
  /** The 自评表's rowVersion after this event. */
  rowVersion: number;
}

/** evaluation_event: the append-only history of each 自评表 (the database refuses UPDATE and DELETE). */
@Injectable()
export class EvaluationHistoryRepository {
  /** By id without a scope: the caller has checked the evaluation in scope in this transaction. */
  ofEvaluation(db: Db, evaluationId: string): Promise<EvaluationHistoryRow[]> {
    return db.rows(OF_EVALUATION, [evaluationId]);
  }

  /** Appends one entry as `user` (to an evaluation the caller has locked or created in scope). */
  async record(db: Db, user: AuthUser, evaluationId: string, e: EvaluationEvent): Promise<void> {
    await db.run(INSERT, [
      user.tenantId,
      evaluationId,
      e.kind,
      e.action,
      e.from,
      e.to,
      ...actorValues(user),
      e.comment,
      e.changes ? JSON.stringify(e.changes) : null,
      e.rowVersion,
    ]);
  }
}

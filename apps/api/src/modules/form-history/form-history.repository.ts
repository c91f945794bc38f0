import { Injectable } from '@nestjs/common';
import type {
  FormAction,
  FormFieldChange,
  FormStatus,
  ReviewPoint,
  ReviewResult,
  SubmissionFiler,
} from '@jxt/contracts';
import { ACTOR_COLUMNS, actorValues, HISTORY_COLUMNS, type HistoryRow } from '../../common/history/history-event';
import type { AuthUser } from '../../common/tenancy/request-context';
import type { Db } from '../../database/access/db';
import { sql } from '../../database/access/statement';
import type { FormEventEntity } from '../../database/entities/form-event.entity';

export type FormHistoryRow = HistoryRow<FormAction, FormStatus> &
  Pick<FormEventEntity, 'field' | 'reviewResult' | 'filerName' | 'filerPhone'>;

const OF_FORM = sql<FormHistoryRow, [formId: string]>(
  'formHistory.ofForm',
  `SELECT ${HISTORY_COLUMNS}, e.field, e.review_result AS "reviewResult", e.filer_name AS "filerName", e.filer_phone AS "filerPhone"
   FROM form_event e WHERE e.form_id = $1 ORDER BY e.id`,
);

const INSERT_SAVE = sql(
  'formHistory.insertSave',
  `INSERT INTO form_event (tenant_id, form_id, kind, ${ACTOR_COLUMNS}, changes, row_version) VALUES ($1, $2, 'save', $3, $4, $5, $6, $7, $8, $9)`,
);

const INSERT_SAVES = sql(
  'formHistory.insertSaves',
  `INSERT INTO form_event (tenant_id, form_id, kind, ${ACTOR_COLUMNS}, changes, row_version)
   SELECT $1, b.id, 'save', $2, $3, $4, $5, $6, $7, b.row_version FROM unnest($8::uuid[], $9::int[]) AS b(id, row_version)`,
);

const INSERT_TRANSITION = sql(
  'formHistory.insertTransition',
  `INSERT INTO form_event (tenant_id, form_id, kind, action, from_status, to_status, ${ACTOR_COLUMNS}, comment, field, review_result,
     filer_name, filer_phone, row_version, review_points)
   VALUES ($1, $2, 'transition', $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
);

// 导入 of a past year's revision (docs/domain.md §4.1): one event that says so, no 提交 or 审核.
const INSERT_IMPORT = sql(
  'formHistory.insertImport',
  `INSERT INTO form_event (tenant_id, form_id, kind, to_status, ${ACTOR_COLUMNS}, comment, row_version)
   VALUES ($1, $2, 'import', $3, $4, $5, $6, $7, $8, $9, $10)`,
);

/** One transition as the history keeps it. */
export interface TransitionEvent {
  /** null: the form's creation (a next year's form carried forward), not a step of the workflow. */
  action: FormAction | null;
  from: FormStatus | null;
  to: FormStatus;
  comment: string | null;
  field: string | null;
  reviewResult?: ReviewResult | null;
  /** 填报人 and 联系电话 of a 提交. */
  filer?: SubmissionFiler | null;
  rowVersion: number;
  /** The 审核要点 a reviewer ticked with the comment (issue 14). */
  points?: ReviewPoint[] | null;
}

/** form_event: the append-only history of each 绩效目标填报表 (the database refuses UPDATE and DELETE). */
@Injectable()
export class FormHistoryRepository {
  ofForm(db: Db, formId: string): Promise<FormHistoryRow[]> {
    return db.rows(OF_FORM, [formId]);
  }

  /** A save's changed fields, as `user`. */
  async recordSave(db: Db, user: AuthUser, formId: string, changes: FormFieldChange[], rowVersion: number) {
    await db.run(INSERT_SAVE, [user.tenantId, formId, ...actorValues(user), JSON.stringify(changes), rowVersion]);
  }

  /** The same change recorded on several forms, each at its own rowVersion. */
  async recordSaves(
    db: Db,
    user: AuthUser,
    forms: { id: string; rowVersion: number }[],
    changes: FormFieldChange[],
  ): Promise<void> {
    await db.run(INSERT_SAVES, [
      user.tenantId,
      ...actorValues(user),
      JSON.stringify(changes),
      forms.map((f) => f.id),
      forms.map((f) => f.rowVersion),
    ]);
  }

  async recordTransition(db: Db, user: AuthUser, formId: string, e: TransitionEvent): Promise<void> {
    await db.run(INSERT_TRANSITION, [
      user.tenantId,
      formId,
      e.action,
      e.from,
      e.to,
      ...actorValues(user),
      e.comment,
      e.field,
      e.reviewResult ?? null,
      e.filer?.name ?? null,
      e.filer?.phone ?? null,
      e.rowVersion,
      e.points?.length ? JSON.stringify(e.points) : null,
    ]);
  }

  /** The import of a past year's revision, locked in status `to` without the workflow. */
  async recordImport(db: Db, user: AuthUser, formId: string, to: FormStatus, comment: string, rowVersion: number) {
    await db.run(INSERT_IMPORT, [user.tenantId, formId, to, ...actorValues(user), comment, rowVersion]);
  }
}

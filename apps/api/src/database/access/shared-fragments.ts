import type { GoalFormEntity } from '../entities/goal-form.entity';
import type { ProjectEntity } from '../entities/project.entity';

// SQL fragments that several repositories embed, so each is written once: a statement that reads forms, the
// project list and the 待办 list all need the same 'locked', 'project header' and 'current round' rules.

/** SQL that is true when the form `f` is a locked revision (libs/domain LOCKED_STATUSES, docs/domain.md §5.1). */
export const FORM_IS_LOCKED = `f.status IN ('finance_approved', 'rejected')`;

/** A project's identity (`p`) with the header of one of its form revisions (`f`) and its unit's printed name. */
export type ProjectHeaderRow = Pick<ProjectEntity, 'id' | 'organizationId' | 'code'> &
  Pick<
    GoalFormEntity,
    | 'categoryCode'
    | 'continuity'
    | 'functionClassCode'
    | 'printedDepartment'
    | 'printedImplementingUnit'
    | 'plannedStart'
    | 'plannedEnd'
  > & { name: string; organizationName: string };

/**
 * Selects a ProjectHeaderRow from `p`, `f` and `o`: the unit's name as the form prints it (the name when it was
 * locked, the current name while it is open).
 */
export const PROJECT_HEADER_COLUMNS = `p.id, p.organization_id AS "organizationId",
  CASE WHEN ${FORM_IS_LOCKED} THEN f.locked_organization_name ELSE o.name END AS "organizationName",
  p.code, f.project_name AS name, f.category_code AS "categoryCode", f.continuity, f.function_class_code AS "functionClassCode",
  f.printed_department AS "printedDepartment", f.printed_implementing_unit AS "printedImplementingUnit",
  to_char(f.planned_start, 'YYYY-MM-DD') AS "plannedStart", to_char(f.planned_end, 'YYYY-MM-DD') AS "plannedEnd"`;

/**
 * The newest comment of a form's current round: a workflow step's comment (not the creation note of a carried form) made at or after the form's last 提交
 * (the 提交 itself may carry one). A 退回 comment of an earlier round is settled by the resubmission and is not
 * shown again (待办's 最新意见, the form's latestReview); a form never submitted (a draft, an 调整 revision) has one
 * round from its first event. `formId` is the SQL expression of the form's id; `column` what the subquery selects.
 */
export const CURRENT_ROUND_COMMENT = (formId: string, column: 'comment' | 'id' = 'comment') => `
  SELECT c.${column} FROM form_event c
  WHERE c.form_id = ${formId} AND c.kind = 'transition' AND c.action IS NOT NULL AND c.comment IS NOT NULL
    AND c.id >= coalesce((SELECT max(sub.id) FROM form_event sub WHERE sub.form_id = ${formId} AND sub.kind = 'transition' AND sub.action = 'submit'), 0)
  ORDER BY c.id DESC LIMIT 1`;

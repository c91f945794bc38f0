import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type {
  CarriedFrom,
  FormRevisionSummary,
  FormStatus,
  FormSubmission,
  IndicatorSetsInput,
  LatestReview,
  QualityPolicy,
  ReviewResult,
  TaxonomyNode,
} from '@jxt/contracts';
import { readTarget, type PreviousTargets } from '@jxt/domain';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql, type BuiltStatement } from '../../database/access/statement';
import { blankToNull } from '../../common/validation/blank-to-null';
import {
  CURRENT_ROUND_COMMENT,
  FORM_IS_LOCKED,
  PROJECT_HEADER_COLUMNS,
  type ProjectHeaderRow,
} from '../../database/access/shared-fragments';
import type { GoalFormEntity } from '../../database/entities/goal-form.entity';
import type { IndicatorEntity } from '../../database/entities/indicator.entity';

/** An indicator row as stored (one query returns all of a form's rows in printed order). */
export type IndicatorRow = Pick<
  IndicatorEntity,
  | 'id'
  | 'indicatorSet'
  | 'level1Code'
  | 'level2Code'
  | 'name'
  | 'rawValue'
  | 'targetKind'
  | 'targetOperator'
  | 'targetNumber'
  | 'targetUnit'
  | 'targetBoolean'
  | 'parseWarning'
  | 'weight'
  | 'scoringNotes'
  | 'explanation'
  | 'remark'
  | 'nature'
  | 'measureUnit'
  | 'weakerTargetReason'
  | 'sortOrder'
  | 'level1Label'
  | 'level2Label'
>;

// Numbers leave PostgreSQL as text inside the JSON, so no amount or weight ever passes through a float.
const INDICATOR_JSON = `SELECT id, indicator_set AS "indicatorSet", level1_code AS "level1Code", level2_code AS "level2Code", name,
  raw_value AS "rawValue", target_kind AS "targetKind", target_operator AS "targetOperator", target_number::text AS "targetNumber",
  target_unit AS "targetUnit", target_boolean AS "targetBoolean", parse_warning AS "parseWarning", weight::text AS weight,
  scoring_notes AS "scoringNotes", explanation, remark, nature, measure_unit AS "measureUnit", sort_order AS "sortOrder", level1_label AS "level1Label",
  weaker_target_reason AS "weakerTargetReason",
  level2_label AS "level2Label" FROM indicator WHERE form_id = f.id`;

/**
 * A code-list label as the form `f` prints it: kept from when it was locked, the list's current one while open (for a
 * yearly list such as 功能分类科目, the version in force for the form's year — its own, else the newest before it, as
 * the lock trigger reads it; a tenant-wide list has year null).
 */
const printedLabel = (list: string, code: string, locked: string) =>
  `CASE WHEN ${FORM_IS_LOCKED} THEN f.${locked}
        ELSE (SELECT c.label FROM code_list_item c WHERE c.list = '${list}' AND c.code = f.${code}
              AND (c.year IS NULL OR c.year <= f.year) ORDER BY c.year DESC NULLS LAST LIMIT 1) END`;

/** One whole form as read: the revision's columns, its project header and everything shown beside it. */
export type FormRow = ProjectHeaderRow &
  Pick<
    GoalFormEntity,
    | 'year'
    | 'revision'
    | 'status'
    | 'origin'
    | 'rowVersion'
    | 'totalAmount'
    | 'fiscalAmount'
    | 'otherAmount'
    | 'annualAmount'
    | 'annualFiscalAmount'
    | 'carryOverAmount'
    | 'annualOtherAmount'
    | 'totalGoal'
    | 'annualGoal'
    | 'goalPeriodStart'
    | 'goalPeriodEnd'
    | 'updatedAt'
    | 'submittedBy'
    | 'reviewComment'
  > & {
    formId: string;
    reviewResult: ReviewResult | null;
    updatedByName: string | null;
    indicators: IndicatorRow[];
    taxonomy: TaxonomyNode[];
    latestReview: LatestReview | null;
    /** The latest 提交 unless withdrawn since (footer: 填报人, 联系电话, 填报日期); `submittedAt` as JSON text. */
    submission: FormSubmission | null;
    revisions: FormRevisionSummary[];
    evaluationId: string | null;
    categoryLabel: string | null;
    functionClassLabel: string | null;
    carriedFrom: CarriedFrom | null;
  };

/** The whole form: header, funds, goals, its indicator rows and the year's taxonomy (`f` in the caller's scope). */
const formSelect = (
  extraColumns = '',
) => `SELECT ${extraColumns} f.id AS "formId", f.year, f.revision, f.status, f.origin, f.row_version AS "rowVersion", f.total_amount AS "totalAmount",
         f.fiscal_amount AS "fiscalAmount", f.other_amount AS "otherAmount", f.annual_amount AS "annualAmount",
         f.annual_fiscal_amount AS "annualFiscalAmount", f.carry_over_amount AS "carryOverAmount",
         f.annual_other_amount AS "annualOtherAmount", f.total_goal AS "totalGoal", f.annual_goal AS "annualGoal",
         f.goal_period_start AS "goalPeriodStart", f.goal_period_end AS "goalPeriodEnd", f.updated_at AS "updatedAt",
         ub.display_name AS "updatedByName",
         ${PROJECT_HEADER_COLUMNS},
         (SELECT coalesce(json_agg(i ORDER BY i."indicatorSet" DESC, i."sortOrder"), '[]') FROM (${INDICATOR_JSON}) i) AS indicators,
         f.submitted_by AS "submittedBy", f.review_result AS "reviewResult", f.review_comment AS "reviewComment",
         (SELECT json_build_object('action', e.action, 'comment', e.comment, 'field', e.field, 'reviewResult', e.review_result,
                 'actorName', e.actor_name, 'actorOrganizationName', e.actor_organization_name, 'at', e.created_at,
                 'points', coalesce(e.review_points, '[]'::jsonb))
            FROM form_event e WHERE e.id = (${CURRENT_ROUND_COMMENT('f.id', 'id')})) AS "latestReview",
         (SELECT CASE WHEN e.action = 'submit' AND e.filer_name IS NOT NULL
                   THEN json_build_object('name', e.filer_name, 'phone', e.filer_phone, 'submittedAt', e.created_at) END
            FROM form_event e WHERE e.form_id = f.id AND e.kind = 'transition' AND e.action IN ('submit', 'withdraw')
            ORDER BY e.id DESC LIMIT 1) AS submission,
         (SELECT json_agg(json_build_object('id', r.id, 'revision', r.revision, 'status', r.status, 'updatedAt', r.updated_at)
                 ORDER BY r.revision DESC)
            FROM goal_form r WHERE r.project_id = f.project_id AND r.year = f.year) AS revisions,
         (SELECT se.id FROM self_evaluation se WHERE se.project_id = f.project_id AND se.year = f.year) AS "evaluationId",
         ${printedLabel('project_category', 'category_code', 'locked_category_label')} AS "categoryLabel",
         ${printedLabel('function_class', 'function_class_code', 'locked_function_class_label')} AS "functionClassLabel",
         (SELECT json_build_object('formId', c.id, 'year', c.year, 'revision', c.revision, 'status', c.status)
            FROM goal_form c WHERE c.id = f.carried_from_form_id) AS "carriedFrom",
         (SELECT coalesce(json_agg(t ORDER BY t.level, t."sortOrder", t.code), '[]') FROM (
            SELECT code, label, level, parent_code AS "parentCode", sort_order AS "sortOrder",
              retired_at IS NOT NULL AS retired
            FROM indicator_taxonomy WHERE year = f.year) t) AS taxonomy
  FROM goal_form f
  JOIN project p ON p.id = f.project_id
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN app_user ub ON ub.id = f.updated_by
  WHERE f.id = $1 AND ${inScope('o.path', 2)}`;
const FORM_SELECT = formSelect();

/** What the goal-quality checks read beyond the form (issue 14), read with it in the same statement. */
export interface QualityCheckInputs {
  /** The tenant's current 质量检查规则 of the form's year; null before its admin saved one (the built-in default). */
  qualityPolicy: QualityPolicy | null;
  /** The 年度 targets of last year's approved revision of the project (延续: not weaker); null when there is none. */
  lastYearTargets: PreviousTargets | null;
  /**
   * The 指标库's typical 度量单位 by the names of the form's indicators, from the active entries the form's unit sees
   * (共性, its own and those of the organisations above it; the nearest owner wins). Never a sibling's 个性 entry.
   * The owners are the ids of the unit's path (root … unit, a 共性 entry's owner is the root): one index scan of
   * (tenant, owner, name) for those owners and the form's names, no join.
   */
  libraryUnits: Record<string, string>;
}

const QUALITY_CHECK_INPUT_COLUMNS = `
         (SELECT q.policy FROM quality_policy q WHERE q.tenant_id = f.tenant_id AND q.year = f.year
            ORDER BY q.version DESC LIMIT 1) AS "qualityPolicy",
         (SELECT json_build_object('year', l.year, 'indicators', json_agg(json_build_object('level1Code', i.level1_code,
                   'level2Code', i.level2_code, 'name', i.name, 'rawValue', i.raw_value) ORDER BY i.sort_order, i.id))
            FROM (SELECT g.id, g.year FROM goal_form g
                  WHERE g.project_id = f.project_id AND g.year = f.year - 1 AND g.status = 'finance_approved'
                  ORDER BY g.revision DESC LIMIT 1) l
            JOIN indicator i ON i.form_id = l.id AND i.indicator_set = 'year'
            GROUP BY l.year) AS "lastYearTargets",
         (SELECT coalesce(json_object_agg(u.name, u.unit), '{}') FROM (
            SELECT DISTINCT ON (e.name) e.name, e.measure_unit AS unit
            FROM indicator_library_entry e
            WHERE e.tenant_id = f.tenant_id AND e.retired_at IS NULL AND e.measure_unit IS NOT NULL
              AND e.organization_id = ANY (string_to_array(btrim(o.path, '/'), '/')::uuid[])
              AND e.name = ANY (ARRAY(SELECT btrim(i.name) FROM indicator i WHERE i.form_id = f.id))
            ORDER BY e.name, array_position(string_to_array(btrim(o.path, '/'), '/')::uuid[], e.organization_id) DESC
          ) u) AS "libraryUnits",`;

/** One row of a bulk export's 汇总 (the latest revision of each project of the year in scope), in print order. */
export interface ExportSummaryRow {
  formId: string;
  code: string;
  name: string;
  organizationName: string;
  status: FormStatus;
  totalAmount: string | null;
  annualAmount: string | null;
}

// The one list a bulk export covers: each project's latest revision of the year, as the 项目列表 shows it, ordered as
// that list is (unit, then 项目编码). Its ids are then read whole in pages (FORMS_BY_IDS).
const EXPORT_SUMMARY = sql<ExportSummaryRow, [year: number, scope: readonly string[]]>(
  'forms.exportSummary',
  `SELECT f.id AS "formId", p.code, f.project_name AS name,
          CASE WHEN ${FORM_IS_LOCKED} THEN f.locked_organization_name ELSE o.name END AS "organizationName",
          f.status, f.total_amount::text AS "totalAmount", f.annual_amount::text AS "annualAmount"
   FROM project p
   JOIN organization o ON o.id = p.organization_id
   JOIN LATERAL (SELECT * FROM goal_form g WHERE g.project_id = p.id AND g.year = $1 ORDER BY g.revision DESC LIMIT 1) f ON true
   WHERE ${inScope('o.path', 2)}
   ORDER BY o.path, p.code`,
);

/** Whole forms, a page of ids at once (a bulk export): the same columns as one form, in one round trip per page. */
const FORMS_BY_IDS = sql<FormRow, [ids: string[], scope: readonly string[]]>(
  'forms.byIds',
  FORM_SELECT.replace(/WHERE f\.id = \$1 AND/, 'WHERE f.id = ANY($1::uuid[]) AND'),
);

/**
 * The whole form in one round trip. Prepared: planning it costs about twice as much PostgreSQL CPU as running it.
 */
const FORM_BY_ID = sql<FormRow & QualityCheckInputs, [id: string, scope: readonly string[]]>(
  'forms.byId',
  formSelect(QUALITY_CHECK_INPUT_COLUMNS),
  { prepared: true },
);

/** What a form's 推荐指标 are computed from (issue 14 point 2): its header's words and its 年度绩效指标 by category. */
export interface SuggestionInputRow {
  year: number;
  projectId: string;
  projectName: string;
  annualGoal: string | null;
  functionClassCode: string | null;
  indicators: { level1Code: string; level2Code: string; name: string }[];
}

// The suggestions' read of a form in the caller's scope ($2, by its project's organisation, as forms.byId): only
// what they rank by, not the whole form with its checks (forms.byId: 4–7 ms at city scale against 1 ms).
const SUGGESTION_INPUT = sql<SuggestionInputRow, [id: string, scope: readonly string[]]>(
  'forms.suggestionInput',
  `SELECT f.year, f.project_id AS "projectId", f.project_name AS "projectName", f.annual_goal AS "annualGoal",
     f.function_class_code AS "functionClassCode",
     (SELECT coalesce(json_agg(json_build_object('level1Code', i.level1_code, 'level2Code', i.level2_code,
        'name', i.name) ORDER BY i.sort_order), '[]')
      FROM indicator i WHERE i.form_id = f.id AND i.indicator_set = 'year') AS indicators
   FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
   WHERE f.id = $1 AND ${inScope('o.path', 2)}`,
  { prepared: true },
);

/**
 * The same, with the form's row locked for a save until the transaction ends: the one read a save makes before it
 * writes. Should the lock wait for another transaction that changed the form, the row read is the changed one
 * (READ COMMITTED re-reads a locked row), so its rowVersion is the new one and the save is refused as stale; the
 * indicators beside it never belong to a version the save accepts.
 */
const FORM_BY_ID_FOR_UPDATE = sql<FormRow, [id: string, scope: readonly string[]]>(
  'forms.byIdForUpdate',
  `${FORM_SELECT} FOR UPDATE OF f`,
  { prepared: true },
);

/** What a write checks before it changes a form (held with FOR UPDATE until the transaction ends). */
export type LockedFormRow = Pick<
  GoalFormEntity,
  'id' | 'projectId' | 'year' | 'status' | 'rowVersion' | 'updatedAt' | 'submittedBy'
> & { updatedByName: string | null };

const LOCK_FOR_UPDATE = sql<LockedFormRow, [id: string, scope: readonly string[]]>(
  'forms.lockForUpdate',
  `SELECT f.id, f.project_id AS "projectId", f.year, f.status, f.row_version AS "rowVersion", f.updated_at AS "updatedAt",
          f.submitted_by AS "submittedBy", ub.display_name AS "updatedByName"
   FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
   LEFT JOIN app_user ub ON ub.id = f.updated_by
   WHERE f.id = $1 AND ${inScope('o.path', 2)} FOR UPDATE OF f`,
);

// Locks in id order (the row lock is taken after the sort): two batches over the same forms queue, never deadlock.
const LOCK_ALL_FOR_UPDATE = sql<{ id: string }, [ids: string[], scope: readonly string[]]>(
  'forms.lockAllForUpdate',
  `SELECT f.id FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
   WHERE f.id = ANY($1::uuid[]) AND ${inScope('o.path', 2)} ORDER BY f.id FOR UPDATE OF f`,
);

const IN_SCOPE = sql<{ id: string }, [id: string, scope: readonly string[]]>(
  'forms.inScope',
  `SELECT f.id FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
   WHERE f.id = $1 AND ${inScope('o.path', 2)}`,
);

/** The content a save writes: the header this revision prints, funds and goals (indicators separately). */
export interface FormContent {
  projectName: string;
  categoryCode: string | null;
  continuity: string | null;
  functionClassCode: string | null;
  printedDepartment: string | null;
  printedImplementingUnit: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  /** The seven amounts in FUND_FIELDS order, as decimal strings. */
  funds: (string | null)[];
  totalGoal: string | null;
  annualGoal: string | null;
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
}

// A save rewrites the indicator rows: the old ones go in the same statement (a data-modifying WITH always runs).
const SAVE_CONTENT = sql(
  'forms.saveContent',
  `WITH cleared AS (DELETE FROM indicator WHERE form_id = $1)
   UPDATE goal_form SET project_name = $2, category_code = $3, continuity = $4, function_class_code = $5, printed_department = $6,
     printed_implementing_unit = $7, planned_start = $8, planned_end = $9,
     total_amount = $10, fiscal_amount = $11, other_amount = $12, annual_amount = $13, annual_fiscal_amount = $14,
     carry_over_amount = $15, annual_other_amount = $16, total_goal = $17, annual_goal = $18, goal_period_start = $19,
     goal_period_end = $20, row_version = row_version + 1, updated_at = now(), updated_by = $21
   WHERE id = $1`,
  { prepared: true },
);

const BUMP_OPEN_REVISIONS = sql<
  Pick<GoalFormEntity, 'id' | 'rowVersion'>,
  [projectId: string, exceptFormId: string | null, userId: string]
>(
  'forms.bumpOpenRevisions',
  `UPDATE goal_form f SET row_version = row_version + 1, updated_at = now(), updated_by = $3
   WHERE f.project_id = $1 AND f.id IS DISTINCT FROM $2 AND NOT (${FORM_IS_LOCKED}) RETURNING f.id, f.row_version AS "rowVersion"`,
);

/** The header columns a revision owns (copied to an 调整 draft and to the next year's form). */
const HEADER_COLUMNS =
  'project_name, category_code, continuity, function_class_code, printed_department, printed_implementing_unit, planned_start, planned_end';

const CREATE_REVISION = sql<{ id: string }, [fromId: string, userId: string]>(
  'forms.createRevision',
  `INSERT INTO goal_form (tenant_id, project_id, year, revision, status, ${HEADER_COLUMNS}, total_amount, fiscal_amount, other_amount,
     annual_amount, annual_fiscal_amount, carry_over_amount, annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end,
     carried_from_form_id, updated_by)
   SELECT tenant_id, project_id, year, (SELECT max(revision) + 1 FROM goal_form g WHERE g.project_id = f.project_id AND g.year = f.year),
     'draft', ${HEADER_COLUMNS}, total_amount, fiscal_amount, other_amount, annual_amount, annual_fiscal_amount, carry_over_amount,
     annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end, carried_from_form_id, $2
   FROM goal_form f WHERE f.id = $1 RETURNING id`,
);

// The printed labels are not copied: an open form follows the year's taxonomy.
const COPY_INDICATORS = sql<object, [fromFormId: string, toFormId: string]>(
  'forms.copyIndicators',
  `INSERT INTO indicator (tenant_id, form_id, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind,
     target_operator, target_number, target_unit, target_boolean, parse_warning, weight, scoring_notes, explanation, remark, nature,
     measure_unit, weaker_target_reason)
   SELECT tenant_id, $2, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind, target_operator,
     target_number, target_unit, target_boolean, parse_warning, weight, scoring_notes, explanation, remark, nature, measure_unit,
     weaker_target_reason
   FROM indicator WHERE form_id = $1`,
);

const FORM_OF_YEAR = sql<{ id: string }, [projectId: string, year: number]>(
  'forms.ofYear',
  `SELECT id FROM goal_form WHERE project_id = $1 AND year = $2 LIMIT 1`,
);

// The newest approved revision, else the newest; never an unapproved 调整 draft beside an approved one.
const CARRY_SOURCE = sql<{ id: string }, [projectId: string]>(
  'forms.carrySource',
  `SELECT id FROM goal_form WHERE project_id = $1 ORDER BY (status = 'finance_approved') DESC, year DESC, revision DESC LIMIT 1`,
);

// The approved revision a year's form is carried from (docs/domain.md §5.1): the newest finance-approved one of that year.
const APPROVED_OF_YEAR = sql<{ id: string; revision: number }, [projectId: string, year: number]>(
  'forms.approvedOfYear',
  `SELECT id, revision FROM goal_form WHERE project_id = $1 AND year = $2 AND status = 'finance_approved'
   ORDER BY revision DESC LIMIT 1`,
);

/** A project of a unit with a form of the year carried from, as 结转到下一年度 weighs it. */
export interface CarryCandidate {
  projectId: string;
  code: string;
  projectName: string;
  /** Has a finance-approved revision of the year carried from. */
  approved: boolean;
  /** 计划完成日期 of that revision (the newest revision when none is approved), ISO date or null. */
  plannedEnd: string | null;
  /** Already has a form of the target year. */
  hasTarget: boolean;
}

// Every project of the unit's subtree (the unit and its 内设机构) with a form of $3, in 项目编码 order.
const CARRY_CANDIDATES = sql<
  CarryCandidate,
  [patterns: readonly string[], organizationId: string, fromYear: number, toYear: number]
>(
  'forms.carryCandidates',
  `WITH y AS (
     SELECT DISTINCT ON (f.project_id) f.project_id, f.project_name, f.status, f.planned_end
     FROM goal_form f JOIN organization o ON o.id = $2
     WHERE f.year = $3 AND f.organization_path LIKE o.path || '%' AND ${inScope('f.organization_path', 1)}
     ORDER BY f.project_id, (f.status = 'finance_approved') DESC, f.revision DESC)
   SELECT y.project_id AS "projectId", p.code, y.project_name AS "projectName", y.status = 'finance_approved' AS approved,
     y.planned_end::text AS "plannedEnd",
     EXISTS (SELECT 1 FROM goal_form n WHERE n.project_id = y.project_id AND n.year = $4) AS "hasTarget"
   FROM y JOIN project p ON p.id = y.project_id
   ORDER BY p.code, y.project_id`,
);

/** One indicator of the revision a form was carried from: its target, and the 自评表's actual value if any. */
export interface PreviousIndicatorRow {
  indicatorSet: 'year' | 'longTerm';
  level1Code: string;
  level2Code: string;
  name: string;
  target: string;
  actual: string | null;
}

const CARRIED_FROM = sql<{ id: string; year: number; revision: number }, [formId: string]>(
  'forms.carriedFrom',
  `SELECT s.id, s.year, s.revision FROM goal_form f JOIN goal_form s ON s.id = f.carried_from_form_id WHERE f.id = $1`,
);

// In the source form's order; the actual value from that form's 自评表 (one per project and year), if opened.
const PREVIOUS_INDICATORS = sql<PreviousIndicatorRow, [sourceId: string]>(
  'forms.previousIndicators',
  `SELECT i.indicator_set AS "indicatorSet", i.level1_code AS "level1Code", i.level2_code AS "level2Code", i.name,
     i.raw_value AS target, ei.actual_value AS actual
   FROM indicator i
   LEFT JOIN self_evaluation e ON e.form_id = i.form_id
   LEFT JOIN evaluation_indicator ei ON ei.evaluation_id = e.id AND ei.source_indicator_id = i.id
   WHERE i.form_id = $1
   ORDER BY i.indicator_set DESC, i.sort_order, i.id`,
);

const INSERT_FOR_YEAR = sql<
  { id: string },
  [tenantId: string, projectId: string, year: number, sourceId: string, carriedFromId: string | null, userId: string]
>(
  'forms.insertForYear',
  `INSERT INTO goal_form (tenant_id, project_id, year, ${HEADER_COLUMNS}, total_goal, annual_goal, goal_period_start, goal_period_end,
     carried_from_form_id, updated_by)
   SELECT $1, $2, $3, ${HEADER_COLUMNS.replace('continuity', `'continuing'`)},
     CASE WHEN $5::uuid IS NULL THEN NULL ELSE s.total_goal END, CASE WHEN $5::uuid IS NULL THEN NULL ELSE s.annual_goal END,
     CASE WHEN $5::uuid IS NULL THEN $3 ELSE coalesce(s.goal_period_start, $3) END,
     CASE WHEN $5::uuid IS NULL THEN $3 ELSE greatest(s.goal_period_end, $3) END, $5, $6
   FROM goal_form s WHERE s.id = $4 RETURNING id`,
);

/** The first form of a new project: its header, and the proposed goal period. */
export interface FirstFormInput {
  tenantId: string;
  projectId: string;
  year: number;
  projectName: string;
  categoryCode: string | null;
  continuity: string | null;
  functionClassCode: string | null;
  printedDepartment: string | null;
  printedImplementingUnit: string | null;
  plannedStart: string | null;
  plannedEnd: string | null;
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
  userId: string;
}

const INSERT_FIRST = sql<{ id: string }>(
  'forms.insertFirst',
  `INSERT INTO goal_form (tenant_id, project_id, year, project_name, category_code, continuity, function_class_code, printed_department,
     printed_implementing_unit, planned_start, planned_end, goal_period_start, goal_period_end, updated_by)
   VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
);

const COUNT_OF_PROJECT = sql<{ forms: number }, [projectId: string]>(
  'forms.countOfProject',
  `SELECT count(*)::int AS forms FROM goal_form WHERE project_id = $1`,
);

const REVISIONS_OF_PROJECT = sql<Pick<GoalFormEntity, 'id' | 'year' | 'revision' | 'status'>, [projectId: string]>(
  'forms.revisionsOfProject',
  `SELECT id, year, revision, status FROM goal_form WHERE project_id = $1 ORDER BY year DESC, revision DESC`,
);

const DELETE_FORM = sql<object, [id: string]>('forms.delete', `DELETE FROM goal_form WHERE id = $1`);

/** A transition's change of a form: its new status, and who submitted it or how finance judged it. */
export interface TransitionChange {
  to: FormStatus;
  userId: string;
  isSubmit: boolean;
  isFinanceReview: boolean;
  reviewResult: ReviewResult | null;
  comment: string | null;
}

const APPLY_TRANSITION = sql<Pick<GoalFormEntity, 'rowVersion'>>(
  'forms.applyTransition',
  `UPDATE goal_form SET status = $2, row_version = row_version + 1, updated_at = now(), updated_by = $3, status_changed_at = now(),
     submitted_by = CASE WHEN $4::boolean THEN $3 ELSE submitted_by END,
     submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END,
     review_result = CASE WHEN $5::boolean THEN $6 ELSE review_result END,
     review_comment = CASE WHEN $5::boolean THEN $7 ELSE review_comment END
   WHERE id = $1 RETURNING row_version AS "rowVersion"`,
);

const INDICATOR_COLUMNS = [
  'id',
  'tenant_id',
  'form_id',
  'indicator_set',
  'level1_code',
  'level2_code',
  'sort_order',
  'name',
  'raw_value',
  'target_kind',
  'target_operator',
  'target_number',
  'target_unit',
  'target_boolean',
  'parse_warning',
  'weight',
  'scoring_notes',
  'explanation',
  'remark',
  'nature',
  'measure_unit',
  'weaker_target_reason',
];

/**
 * A form's indicator rows as stored, in INDICATOR_COLUMNS order after tenant_id and form_id: each 年度指标值 parsed
 * by the shared value grammar (docs/domain.md §3.1), ids the client sent back kept when they belonged to this form.
 */
function indicatorRows(sets: IndicatorSetsInput, keepIds: ReadonlySet<string>): unknown[][] {
  const rows: unknown[][] = [];
  for (const set of ['year', 'longTerm'] as const) {
    let order = 0;
    for (const level1 of sets[set] ?? []) {
      for (const level2 of level1.children) {
        for (const indicator of level2.indicators) {
          const { target, warning } = readTarget(indicator.rawValue);
          rows.push([
            indicator.id && keepIds.has(indicator.id) ? indicator.id : randomUUID(),
            set,
            level1.code,
            level2.code,
            order++,
            indicator.name.trim(),
            indicator.rawValue,
            target.kind,
            target.kind === 'quantitative' ? target.operator : null,
            target.kind === 'quantitative' ? target.value : null,
            target.kind === 'quantitative' ? target.unit : null,
            target.kind === 'boolean' ? target.value : null,
            warning,
            blankToNull(indicator.weight),
            blankToNull(indicator.scoringNotes),
            blankToNull(indicator.explanation),
            blankToNull(indicator.remark),
            blankToNull(indicator.nature),
            blankToNull(indicator.measureUnit),
            blankToNull(indicator.weakerTargetReason),
          ]);
        }
      }
    }
  }
  return rows;
}

// The same rows as one array per column: one constant statement, prepared, whatever the number of indicators.
const INDICATOR_ARRAY_TYPES = [
  'uuid',
  'text',
  'text',
  'text',
  'int',
  'text',
  'text',
  'text',
  'text',
  'numeric',
  'text',
  'boolean',
  'text',
  'numeric',
  'text',
  'text',
  'text',
  'text',
  'text',
  'text',
];
const [, , , ...STORED_COLUMNS] = INDICATOR_COLUMNS;
const INSERT_INDICATORS = sql<object, [tenantId: string, formId: string, ...columns: unknown[][]]>(
  'forms.insertIndicatorArrays',
  `INSERT INTO indicator (${INDICATOR_COLUMNS.join(', ')})
   SELECT i.id, $1, $2, ${STORED_COLUMNS.map((c) => `i.${c}`).join(', ')}
   FROM unnest(${INDICATOR_ARRAY_TYPES.map((type, n) => `$${n + 3}::${type}[]`).join(', ')})
     AS i(id, ${STORED_COLUMNS.join(', ')})`,
  { prepared: true },
);

/**
 * The INSERT of a form's whole indicator tree: one array per column, so always 22 parameters however many rows
 * (a row of parameters each would pass PostgreSQL's limit of 65,535 at 3,450 rows). The save runs it prepared; the
 * seed loader sends the same text on its owner connection. Null for an empty tree.
 */
export function indicatorArrayInsert(
  tenantId: string,
  formId: string,
  sets: IndicatorSetsInput,
  keepIds: ReadonlySet<string> = new Set(),
): BuiltStatement | null {
  const rows = indicatorRows(sets, keepIds);
  if (!rows.length) return null;
  return {
    name: INSERT_INDICATORS.name,
    text: INSERT_INDICATORS.text,
    values: [tenantId, formId, ...INDICATOR_ARRAY_TYPES.map((_, c) => rows.map((r) => r[c]))],
  };
}

/** goal_form and its indicator rows (绩效目标填报表, docs/domain.md §2–§3). */
@Injectable()
export class FormRepository {
  /** The whole form with what its goal-quality checks read, in one round trip; undefined outside the scope. */
  byId(db: Db, scope: Scope, id: string): Promise<(FormRow & QualityCheckInputs) | undefined> {
    return db.one(FORM_BY_ID, [id, scope.patterns]);
  }

  /** What the form's suggestions rank by, if the form is in `scope`. */
  suggestionInput(db: Db, scope: Scope, id: string): Promise<SuggestionInputRow | undefined> {
    return db.one(SUGGESTION_INPUT, [id, scope.patterns]);
  }

  /** A bulk export's list: each project's latest revision of the year in the scope, in the 项目列表's order. */
  exportSummary(db: Db, scope: Scope, year: number): Promise<ExportSummaryRow[]> {
    return db.rows(EXPORT_SUMMARY, [year, scope.patterns]);
  }

  /** Whole forms by id (those outside the scope are left out), in no particular order. */
  byIds(db: Db, scope: Scope, ids: string[]): Promise<FormRow[]> {
    return db.rows(FORMS_BY_IDS, [ids, scope.patterns]);
  }

  /** The whole form, its row locked for a save in this transaction; undefined outside the scope. */
  byIdForUpdate(db: Db, scope: Scope, id: string): Promise<FormRow | undefined> {
    return db.one(FORM_BY_ID_FOR_UPDATE, [id, scope.patterns]);
  }

  /** Locks the form for a write in this transaction; undefined outside the scope. */
  lockForUpdate(db: Db, scope: Scope, id: string): Promise<LockedFormRow | undefined> {
    return db.one(LOCK_FOR_UPDATE, [id, scope.patterns]);
  }

  /** Locks every form of `ids` in the scope for a write in this transaction, in one fixed order (by id). */
  async lockAllForUpdate(db: Db, scope: Scope, ids: string[]): Promise<void> {
    await db.rows(LOCK_ALL_FOR_UPDATE, [ids, scope.patterns]);
  }

  async isInScope(db: Db, scope: Scope, id: string): Promise<boolean> {
    return (await db.one(IN_SCOPE, [id, scope.patterns])) !== undefined;
  }

  /** Writes a save's content and clears the form's indicator rows (insertIndicators writes the new ones). */
  async saveContent(db: Db, id: string, content: FormContent, userId: string): Promise<void> {
    await db.run(SAVE_CONTENT, [
      id,
      content.projectName,
      content.categoryCode,
      content.continuity,
      content.functionClassCode,
      content.printedDepartment,
      content.printedImplementingUnit,
      content.plannedStart,
      content.plannedEnd,
      ...content.funds,
      content.totalGoal,
      content.annualGoal,
      content.goalPeriodStart,
      content.goalPeriodEnd,
      userId,
    ]);
  }

  /**
   * Inserts the form's indicator tree in one prepared statement, keeping the ids the client sent back that are in
   * `keepIds` (the ids the form had: saveContent removed those rows).
   */
  async insertIndicators(
    db: Db,
    tenantId: string,
    formId: string,
    sets: IndicatorSetsInput,
    keepIds: ReadonlySet<string>,
  ): Promise<void> {
    const insert = indicatorArrayInsert(tenantId, formId, sets, keepIds);
    if (insert) await db.run(INSERT_INDICATORS, insert.values as [string, string, ...unknown[][]]);
  }

  /** Bumps the rowVersion of every open revision of a project but one; returns the bumped ones. */
  bumpOpenRevisions(db: Db, projectId: string, exceptFormId: string | null, userId: string) {
    return db.rows(BUMP_OPEN_REVISIONS, [projectId, exceptFormId, userId]);
  }

  /** 调整: a draft copy of form `fromId` as the next revision of its year. Returns the new id. */
  async createRevision(db: Db, fromId: string, userId: string): Promise<string> {
    const [created] = await db.rows(CREATE_REVISION, [fromId, userId]);
    await db.run(COPY_INDICATORS, [fromId, created.id]);
    return created.id;
  }

  async formOfYear(db: Db, projectId: string, year: number): Promise<string | undefined> {
    return (await db.one(FORM_OF_YEAR, [projectId, year]))?.id;
  }

  /** The newest finance-approved revision of a project's year, if any. */
  approvedOfYear(db: Db, projectId: string, year: number): Promise<{ id: string; revision: number } | undefined> {
    return db.one(APPROVED_OF_YEAR, [projectId, year]);
  }

  /** The projects of a unit and its 内设机构 with a form of `fromYear`, as 结转到下一年度 weighs them. */
  carryCandidates(db: Db, scope: Scope, organizationId: string, fromYear: number, toYear: number) {
    return db.rows(CARRY_CANDIDATES, [scope.patterns, organizationId, fromYear, toYear]);
  }

  /** The revision a form was carried forward from (延续), if any. */
  carriedFromOf(db: Db, formId: string): Promise<{ id: string; year: number; revision: number } | undefined> {
    return db.one(CARRIED_FROM, [formId]);
  }

  /** The indicators of `sourceId` with their targets and, where its 自评表 has them, actual values. */
  previousIndicators(db: Db, sourceId: string): Promise<PreviousIndicatorRow[]> {
    return db.rows(PREVIOUS_INDICATORS, [sourceId]);
  }

  /** The revision a new year's form is carried forward from. */
  async carrySource(db: Db, projectId: string): Promise<string | undefined> {
    return (await db.one(CARRY_SOURCE, [projectId]))?.id;
  }

  /**
   * The project's form for another year with the header of `sourceId`; goals, goal period and indicators are
   * carried from `carriedFromId` when given. Returns the new id.
   */
  async insertForYear(
    db: Db,
    input: { tenantId: string; projectId: string; year: number; sourceId: string; carriedFromId: string | null },
    userId: string,
  ): Promise<string> {
    const [created] = await db.rows(INSERT_FOR_YEAR, [
      input.tenantId,
      input.projectId,
      input.year,
      input.sourceId,
      input.carriedFromId,
      userId,
    ]);
    if (input.carriedFromId) await db.run(COPY_INDICATORS, [input.carriedFromId, created.id]);
    return created.id;
  }

  async insertFirst(db: Db, f: FirstFormInput): Promise<string> {
    const [created] = await db.rows(INSERT_FIRST, [
      f.tenantId,
      f.projectId,
      f.year,
      f.projectName,
      f.categoryCode,
      f.continuity,
      f.functionClassCode,
      f.printedDepartment,
      f.printedImplementingUnit,
      f.plannedStart,
      f.plannedEnd,
      f.goalPeriodStart,
      f.goalPeriodEnd,
      f.userId,
    ]);
    return created.id;
  }

  async countOfProject(db: Db, projectId: string): Promise<number> {
    return (await db.one(COUNT_OF_PROJECT, [projectId]))?.forms ?? 0;
  }

  revisionsOfProject(db: Db, projectId: string) {
    return db.rows(REVISIONS_OF_PROJECT, [projectId]);
  }

  async delete(db: Db, id: string): Promise<void> {
    await db.run(DELETE_FORM, [id]);
  }

  /** Applies a transition's change; returns the new rowVersion. */
  async applyTransition(db: Db, id: string, c: TransitionChange): Promise<number> {
    const [updated] = await db.rows(APPLY_TRANSITION, [
      id,
      c.to,
      c.userId,
      c.isSubmit,
      c.isFinanceReview,
      c.reviewResult,
      c.comment,
    ]);
    return updated.rowVersion;
  }
}

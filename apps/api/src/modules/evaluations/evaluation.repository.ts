import { Injectable } from '@nestjs/common';
import type {
  Evaluation,
  EvaluationInboxItem,
  EvaluationInboxReason,
  EvaluationStatus,
  QualitativeBandCode,
} from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { GoalFormEntity } from '../../database/entities/goal-form.entity';
import type { OrganizationEntity } from '../../database/entities/organization.entity';
import type { ProjectEntity } from '../../database/entities/project.entity';
import type { EvaluationIndicatorEntity } from '../../database/entities/evaluation-indicator.entity';
import type { SelfEvaluationEntity } from '../../database/entities/self-evaluation.entity';
import { LATEST_COMMENT } from './evaluation-history.repository';

/** An evaluation_indicator row as read (numbers as text, so no weight or share passes through a float). */
export type EvaluationIndicatorRow = Pick<
  EvaluationIndicatorEntity,
  | 'id'
  | 'level1Code'
  | 'level2Code'
  | 'name'
  | 'rawValue'
  | 'targetKind'
  | 'targetOperator'
  | 'targetNumber'
  | 'targetUnit'
  | 'targetBoolean'
  | 'weight'
  | 'actualValue'
  | 'selfShare'
  | 'selfBand'
  | 'reviewerShare'
  | 'reviewerBand'
  | 'reviewerReason'
  | 'deviationReason'
  | 'sortOrder'
  | 'printedScore'
>;

/** An evaluation's indicators in printed order, as JSON: one sub-select per evaluation `e`. */
const INDICATORS_JSON = `(SELECT coalesce(json_agg(i ORDER BY i."sortOrder"), '[]') FROM (
    SELECT id, level1_code AS "level1Code", level2_code AS "level2Code", name, raw_value AS "rawValue", target_kind AS "targetKind",
           target_operator AS "targetOperator", target_number::text AS "targetNumber", target_unit AS "targetUnit",
           target_boolean AS "targetBoolean", weight::text AS weight, actual_value AS "actualValue", self_share::text AS "selfShare",
           self_band AS "selfBand", reviewer_share::text AS "reviewerShare", reviewer_band AS "reviewerBand",
           reviewer_reason AS "reviewerReason", deviation_reason AS "deviationReason", sort_order AS "sortOrder",
           printed_score::text AS "printedScore"
    FROM evaluation_indicator WHERE evaluation_id = e.id) i)`;

/** The amounts of a 自评表 `e`, as text. */
const AMOUNT_COLUMNS = `e.initial_budget::text AS "initialBudget", e.annual_budget::text AS "annualBudget",
  e.executed_amount::text AS "executedAmount", e.printed_budget_weight::text AS "printedBudgetWeight"`;

/**
 * One 自评表 with its header as the approved form it was opened from prints it (that revision is locked), its
 * indicators with the 一级/二级 labels copied from that form, and the latest comment.
 */
export type EvaluationRow = Pick<
  SelfEvaluationEntity,
  | 'id'
  | 'formId'
  | 'year'
  | 'status'
  | 'rowVersion'
  | 'projectId'
  | 'initialBudget'
  | 'annualBudget'
  | 'executedAmount'
  | 'expectedGoal'
  | 'actualGoal'
  | 'policyId'
  | 'submittedBy'
  | 'updatedAt'
  | 'origin'
  | 'printedBudgetWeight'
  | 'printedBudgetScore'
  | 'printedTotal'
  | 'printedGrade'
> &
  Pick<GoalFormEntity, 'projectName' | 'printedDepartment' | 'printedImplementingUnit'> & {
    formRevision: GoalFormEntity['revision'];
    projectCode: ProjectEntity['code'];
    organizationName: OrganizationEntity['name'];
    updatedByName: string | null;
    indicators: EvaluationIndicatorRow[];
    /** 一级/二级 code → label as copied from the form. */
    labels: Record<string, string> | null;
    latestComment: Evaluation['latestComment'];
  };

/** Read in one round trip. Prepared: the 自评表 page reads it after every save and transition too. */
const BY_ID = sql<EvaluationRow, [id: string, scope: readonly string[]]>(
  'evaluations.byId',
  `SELECT e.id, e.form_id AS "formId", f.revision AS "formRevision", e.year, e.status, e.row_version AS "rowVersion",
         e.project_id AS "projectId", p.code AS "projectCode", f.project_name AS "projectName",
         coalesce(f.locked_organization_name, o.name) AS "organizationName", f.printed_department AS "printedDepartment",
         f.printed_implementing_unit AS "printedImplementingUnit", ${AMOUNT_COLUMNS},
         e.expected_goal AS "expectedGoal", e.actual_goal AS "actualGoal", e.policy_id AS "policyId", e.submitted_by AS "submittedBy",
         e.origin, e.printed_budget_score::text AS "printedBudgetScore", e.printed_total::text AS "printedTotal",
         e.printed_grade AS "printedGrade",
         e.updated_at AS "updatedAt", ub.display_name AS "updatedByName",
         ${INDICATORS_JSON} AS indicators,
         (SELECT json_object_agg(l.code, l.label) FROM (
            SELECT level1_code AS code, level1_label AS label FROM evaluation_indicator WHERE evaluation_id = e.id
            UNION SELECT level2_code, level2_label FROM evaluation_indicator WHERE evaluation_id = e.id) l) AS labels,
         (${LATEST_COMMENT('e.id', `json_build_object('action', ev.action, 'comment', ev.comment, 'actorName', ev.actor_name, 'at', ev.created_at)`)}) AS "latestComment"
  FROM self_evaluation e
  JOIN goal_form f ON f.id = e.form_id
  JOIN project p ON p.id = e.project_id
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN app_user ub ON ub.id = e.updated_by
  WHERE e.id = $1 AND ${inScope('o.path', 2)}`,
  { prepared: true },
);

/** Whole 自评表 by id (a bulk export's page): the columns of BY_ID, one round trip per page. */
const BY_IDS = sql<EvaluationRow, [ids: string[], scope: readonly string[]]>(
  'evaluations.byIds',
  BY_ID.text.replace(/WHERE e\.id = \$1 AND/, 'WHERE e.id = ANY($1::uuid[]) AND'),
);

/** One row of a bulk export's 汇总 of 自评表: the stored amounts and scores. */
export interface EvaluationExportSummaryRow {
  id: string;
  code: string;
  name: string;
  organizationName: string;
  status: EvaluationStatus;
  annualBudget: string | null;
  executedAmount: string | null;
  total: string | null;
  grade: string | null;
}

// The 自评表 of the year in scope, in the 项目列表's order (unit, then 项目编码).
const EXPORT_SUMMARY = sql<EvaluationExportSummaryRow, [year: number, scope: readonly string[]]>(
  'evaluations.exportSummary',
  `SELECT e.id, p.code, f.project_name AS name, coalesce(f.locked_organization_name, o.name) AS "organizationName",
          e.status, e.annual_budget::text AS "annualBudget", e.executed_amount::text AS "executedAmount",
          e.total_score::text AS total, e.grade
   FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id JOIN project p ON p.id = e.project_id
   JOIN organization o ON o.id = p.organization_id
   WHERE e.year = $1 AND ${inScope('o.path', 2)}
   ORDER BY o.path, p.code`,
);

/** One row of the 自评表 list, with the window count of all rows that match. */
export type EvaluationListRow = Pick<
  SelfEvaluationEntity,
  'id' | 'formId' | 'year' | 'status' | 'rowVersion' | 'grade' | 'updatedAt'
> &
  Pick<GoalFormEntity, 'projectName'> & {
    projectCode: ProjectEntity['code'];
    organizationName: OrganizationEntity['name'];
    total: SelfEvaluationEntity['totalScore'];
    policyVersion: number;
    count: number;
  };

export interface EvaluationListFilter {
  year: number | null;
  status: EvaluationStatus | null;
  limit: number;
  offset: number;
}

const LIST = sql<
  EvaluationListRow,
  [scope: readonly string[], year: number | null, status: EvaluationStatus | null, limit: number, offset: number]
>(
  'evaluations.list',
  `SELECT e.id, e.form_id AS "formId", e.year, e.status, e.row_version AS "rowVersion", p.code AS "projectCode",
          f.project_name AS "projectName", coalesce(f.locked_organization_name, o.name) AS "organizationName",
          e.total_score::text AS total, e.grade, sp.version AS "policyVersion", e.updated_at AS "updatedAt", count(*) OVER ()::int AS count
   FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id JOIN project p ON p.id = e.project_id
   JOIN organization o ON o.id = p.organization_id JOIN scoring_policy sp ON sp.id = e.policy_id
   WHERE ${inScope('o.path', 1)} AND ($2::int IS NULL OR e.year = $2) AND ($3::text IS NULL OR e.status = $3)
   ORDER BY e.year DESC, p.code, e.id LIMIT $4 OFFSET $5`,
);

/** The row a write changes, locked: two people acting at once are serialised here. */
export type LockedEvaluationRow = Pick<
  SelfEvaluationEntity,
  | 'id'
  | 'year'
  | 'status'
  | 'rowVersion'
  | 'submittedBy'
  | 'updatedAt'
  | 'annualBudget'
  | 'executedAmount'
  | 'initialBudget'
  | 'actualGoal'
> & { updatedByName: string | null };

const LOCK_FOR_UPDATE = sql<LockedEvaluationRow, [id: string, scope: readonly string[]]>(
  'evaluations.lockForUpdate',
  `SELECT e.id, e.year, e.status, e.row_version AS "rowVersion", e.submitted_by AS "submittedBy", e.updated_at AS "updatedAt",
          ub.display_name AS "updatedByName", ${AMOUNT_COLUMNS}, e.actual_goal AS "actualGoal"
   FROM self_evaluation e JOIN project p ON p.id = e.project_id JOIN organization o ON o.id = p.organization_id
   LEFT JOIN app_user ub ON ub.id = e.updated_by
   WHERE e.id = $1 AND ${inScope('o.path', 2)} FOR UPDATE OF e`,
);

const IN_SCOPE = sql<{ id: string }, [id: string, scope: readonly string[]]>(
  'evaluations.inScope',
  `SELECT e.id FROM self_evaluation e JOIN project p ON p.id = e.project_id JOIN organization o ON o.id = p.organization_id
   WHERE e.id = $1 AND ${inScope('o.path', 2)}`,
);

const INDICATORS = sql<{ indicators: EvaluationIndicatorRow[] }, [id: string]>(
  'evaluations.indicators',
  `SELECT ${INDICATORS_JSON} AS indicators FROM self_evaluation e WHERE e.id = $1`,
);

/** What scoring reads of a 自评表: its amounts, 实际完成情况 and indicators. */
export type ScoringRow = Pick<
  SelfEvaluationEntity,
  'id' | 'initialBudget' | 'annualBudget' | 'executedAmount' | 'actualGoal' | 'printedBudgetWeight'
> & { indicators: EvaluationIndicatorRow[] };

const SCORING_COLUMNS = `e.id, ${AMOUNT_COLUMNS}, e.actual_goal AS "actualGoal", ${INDICATORS_JSON} AS indicators`;

const SCORING_ROW = sql<ScoringRow & Pick<SelfEvaluationEntity, 'year'>, [id: string]>(
  'evaluations.scoringRow',
  `SELECT e.year, ${SCORING_COLUMNS} FROM self_evaluation e WHERE e.id = $1`,
);

const OPEN_OF_YEAR_FOR_UPDATE = sql<ScoringRow, [year: number, afterId: string, limit: number]>(
  'evaluations.openOfYearForUpdate',
  `SELECT ${SCORING_COLUMNS} FROM self_evaluation e
   WHERE e.year = $1 AND e.status <> 'final' AND e.id > $2 ORDER BY e.id LIMIT $3 FOR UPDATE OF e`,
);

/** The approved form a 自评表 is opened from (held with FOR SHARE until the transaction ends). */
export type SourceFormRow = Pick<GoalFormEntity, 'id' | 'status' | 'projectId' | 'year' | 'revision'>;

const SOURCE_FORM_FOR_SHARE = sql<SourceFormRow, [formId: string, scope: readonly string[]]>(
  'evaluations.sourceFormForShare',
  `SELECT f.id, f.status, f.project_id AS "projectId", f.year, f.revision FROM goal_form f JOIN project p ON p.id = f.project_id
   JOIN organization o ON o.id = p.organization_id WHERE f.id = $1 AND ${inScope('o.path', 2)} FOR SHARE OF f`,
);

const OF_PROJECT_YEAR = sql<{ id: string }, [projectId: string, year: number]>(
  'evaluations.ofProjectYear',
  `SELECT id FROM self_evaluation WHERE project_id = $1 AND year = $2`,
);

const INSERT_FROM_FORM = sql<{ id: string }, [tenantId: string, formId: string, policyId: string, userId: string]>(
  'evaluations.insertFromForm',
  `INSERT INTO self_evaluation (tenant_id, form_id, project_id, year, initial_budget, annual_budget, expected_goal, policy_id, updated_by)
   SELECT $1, f.id, f.project_id, f.year, f.annual_amount, f.annual_amount, f.annual_goal, $3, $4 FROM goal_form f WHERE f.id = $2
   ON CONFLICT (project_id, year) DO NOTHING RETURNING id`,
);

const COPY_FORM_INDICATORS = sql<object, [formId: string, evaluationId: string]>(
  'evaluations.copyFormIndicators',
  `INSERT INTO evaluation_indicator (tenant_id, evaluation_id, source_indicator_id, level1_code, level2_code, level1_label, level2_label,
     sort_order, name, raw_value, target_kind, target_operator, target_number, target_unit, target_boolean, weight)
   SELECT tenant_id, $2, id, level1_code, level2_code, coalesce(level1_label, level1_code), coalesce(level2_label, level2_code),
          sort_order, name, raw_value, target_kind, target_operator, target_number, target_unit, target_boolean, weight
   FROM indicator WHERE form_id = $1 AND indicator_set = 'year'`,
);

/** The unit's part of a 自评表 as a save writes it. */
export interface UnitPart {
  annualBudget: string | null;
  executedAmount: string | null;
  actualGoal: string | null;
  indicators: {
    id: string;
    actualValue: string | null;
    selfShare: string | null;
    selfBand: QualitativeBandCode | null;
    deviationReason: string | null;
  }[];
}

const UPDATE_UNIT_PART = sql<
  Pick<SelfEvaluationEntity, 'rowVersion'>,
  [id: string, annualBudget: string | null, executedAmount: string | null, actualGoal: string | null, userId: string]
>(
  'evaluations.updateUnitPart',
  `UPDATE self_evaluation SET annual_budget = $2, executed_amount = $3, actual_goal = $4, row_version = row_version + 1, updated_at = now(),
     updated_by = $5
   WHERE id = $1 RETURNING row_version AS "rowVersion"`,
);

const UPDATE_INDICATORS_UNIT_PART = sql<
  object,
  [
    ids: string[],
    actualValues: (string | null)[],
    selfShares: (string | null)[],
    selfBands: (string | null)[],
    deviationReasons: (string | null)[],
    evaluationId: string,
  ]
>(
  'evaluations.updateIndicatorsUnitPart',
  `UPDATE evaluation_indicator ei SET actual_value = s.actual_value, self_share = s.self_share, self_band = s.self_band,
     deviation_reason = s.deviation_reason
   FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::text[]) AS s(id, actual_value, self_share, self_band, deviation_reason)
   WHERE ei.id = s.id AND ei.evaluation_id = $6`,
);

/** A reviewer's adjustment of one qualitative indicator at 复核 (share and band null: back to the unit's). */
export interface ReviewerShare {
  indicatorId: string;
  share: string | null;
  band: QualitativeBandCode | null;
  reason: string | null;
}

const SET_REVIEWER_SHARES = sql<
  object,
  [ids: string[], shares: (string | null)[], bands: (string | null)[], reasons: (string | null)[], evaluationId: string]
>(
  'evaluations.setReviewerShares',
  `UPDATE evaluation_indicator ei SET reviewer_share = s.share, reviewer_band = s.band, reviewer_reason = s.reason
   FROM unnest($1::uuid[], $2::numeric[], $3::text[], $4::text[]) AS s(id, share, band, reason) WHERE ei.id = s.id AND ei.evaluation_id = $5`,
);

const CLEAR_REVIEWER_SHARES = sql<object, [evaluationId: string]>(
  'evaluations.clearReviewerShares',
  `UPDATE evaluation_indicator SET reviewer_share = NULL, reviewer_band = NULL, reviewer_reason = NULL
   WHERE evaluation_id = $1 AND (reviewer_share IS NOT NULL OR reviewer_band IS NOT NULL)`,
);

const APPLY_TRANSITION = sql<
  Pick<SelfEvaluationEntity, 'rowVersion'>,
  [id: string, to: EvaluationStatus, userId: string, isSubmit: boolean]
>(
  'evaluations.applyTransition',
  `UPDATE self_evaluation SET status = $2, row_version = row_version + 1, updated_at = now(), updated_by = $3,
     submitted_by = CASE WHEN $4::boolean THEN $3 ELSE submitted_by END,
     submitted_at = CASE WHEN $4::boolean THEN now() ELSE submitted_at END
   WHERE id = $1 RETURNING row_version AS "rowVersion"`,
);

/** What an imported past 自评表 printed (docs/domain.md §4.1), kept beside what the system computes. */
export interface PrintedScores {
  budgetWeight: string | null;
  budgetScore: string | null;
  total: string | null;
  grade: string | null;
  indicators: { id: string; score: string | null }[];
}

const MARK_IMPORTED = sql<
  object,
  [id: string, budgetWeight: string | null, budgetScore: string | null, total: string | null, grade: string | null]
>(
  'evaluations.markImported',
  `UPDATE self_evaluation SET origin = 'imported', printed_budget_weight = $2, printed_budget_score = $3, printed_total = $4,
     printed_grade = $5
   WHERE id = $1 AND status = 'draft'`,
);

const SET_PRINTED_SCORES = sql<object, [ids: string[], scores: (string | null)[], evaluationId: string]>(
  'evaluations.setPrintedScores',
  `UPDATE evaluation_indicator ei SET printed_score = s.score
   FROM unnest($1::uuid[], $2::numeric[]) AS s(id, score) WHERE ei.id = s.id AND ei.evaluation_id = $3`,
);

/** What scoring derives for a batch of evaluations, column by column (one UPDATE per table however many). */
export interface EvaluationScores {
  indicators: { ids: string[]; weights: string[]; scores: string[] };
  evaluations: { ids: string[]; budget: string[]; total: string[]; grade: string[] };
}

// The indicator UPDATE names the evaluations, so the planner reaches their rows by the evaluation's index instead
// of scanning every year's indicators for the join.
const STORE_INDICATOR_SCORES = sql<
  object,
  [ids: string[], weights: string[], scores: string[], evaluationIds: string[]]
>(
  'evaluations.storeIndicatorScores',
  `UPDATE evaluation_indicator ei SET applied_weight = s.weight, score = s.score
   FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS s(id, weight, score) WHERE ei.id = s.id AND ei.evaluation_id = ANY($4::uuid[])`,
);

const STORE_SCORES = sql<object, [ids: string[], budget: string[], total: string[], grade: string[], policyId: string]>(
  'evaluations.storeScores',
  `UPDATE self_evaluation e SET policy_id = $5, budget_score = s.budget, total_score = s.total, grade = s.grade
   FROM unnest($1::uuid[], $2::numeric[], $3::numeric[], $4::text[]) AS s(id, budget, total, grade) WHERE e.id = s.id`,
);

/** One item of the self-evaluation 待办 with the counts of every reason (all items, not only those shown). */
export type EvaluationInboxRow = Pick<EvaluationInboxItem, 'evaluationId' | 'status' | 'reason'> & {
  formId: GoalFormEntity['id'];
  projectCode: ProjectEntity['code'];
  projectName: GoalFormEntity['projectName'];
  organizationName: OrganizationEntity['name'];
  year: number;
  since: Date;
  lastComment: string | null;
  reasonCounts: Partial<Record<EvaluationInboxReason, number>>;
};

// What waits: 自评表 in the given statuses, and (for a filer) the newest approved revision of each project and year
// that has no 自评表 yet. The scope filters both branches of the UNION ALL (the planner pushes it into each).
const INBOX = sql<
  EvaluationInboxRow,
  [scope: readonly string[], statuses: EvaluationStatus[], includeToEvaluate: boolean, limit: number]
>(
  'evaluations.inbox',
  `WITH waiting AS (
     SELECT w.* FROM (
       SELECT e.id AS evaluation_id, e.form_id, e.project_id, e.year, e.status, e.updated_at AS since,
              CASE e.status WHEN 'submitted' THEN 'to_review' WHEN 'reviewed' THEN 'to_finalise' ELSE 'returned' END AS reason,
              f.organization_path
       FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id
       WHERE e.status = ANY($2::text[])
       UNION ALL
       SELECT NULL, f.id, f.project_id, f.year, NULL, f.status_changed_at, 'to_evaluate', f.organization_path
       FROM goal_form f
       WHERE $3::boolean AND f.status = 'finance_approved'
         AND NOT EXISTS (SELECT 1 FROM self_evaluation e WHERE e.project_id = f.project_id AND e.year = f.year)
         AND NOT EXISTS (SELECT 1 FROM goal_form g WHERE g.project_id = f.project_id AND g.year = f.year AND g.status = 'finance_approved' AND g.revision > f.revision)
     ) w WHERE ${inScope('w.organization_path', 1)}
   ),
   counted AS (SELECT reason, count(*)::int AS n FROM waiting GROUP BY reason),
   shown AS (SELECT * FROM waiting ORDER BY since LIMIT $4)
   SELECT s.evaluation_id AS "evaluationId", s.form_id AS "formId", p.code AS "projectCode",
          (SELECT g.project_name FROM goal_form g WHERE g.id = s.form_id) AS "projectName", o.name AS "organizationName", s.year,
          s.status, s.reason, s.since,
          (${LATEST_COMMENT('s.evaluation_id', 'ev.comment')}) AS "lastComment",
          (SELECT jsonb_object_agg(reason, n) FROM counted) AS "reasonCounts"
   FROM shown s JOIN project p ON p.id = s.project_id JOIN organization o ON o.id = p.organization_id
   ORDER BY s.since`,
);

/**
 * self_evaluation and its evaluation_indicator rows (财政项目支出绩效自评表, docs/domain.md §4). Reads and locks take
 * the caller's scope; the writes after them change the row the caller has just locked in scope in the same
 * transaction, by id. Scoring a year's open evaluations (重新评分) is tenant-wide by design.
 */
@Injectable()
export class EvaluationRepository {
  byId(db: Db, scope: Scope, id: string): Promise<EvaluationRow | undefined> {
    return db.one(BY_ID, [id, scope.patterns]);
  }

  /** Whole 自评表 by id (those outside the scope left out), in no particular order. */
  byIds(db: Db, scope: Scope, ids: string[]): Promise<EvaluationRow[]> {
    return db.rows(BY_IDS, [ids, scope.patterns]);
  }

  /** A bulk export's list: the year's 自评表 in the scope. */
  exportSummary(db: Db, scope: Scope, year: number): Promise<EvaluationExportSummaryRow[]> {
    return db.rows(EXPORT_SUMMARY, [year, scope.patterns]);
  }

  list(db: Db, scope: Scope, filter: EvaluationListFilter): Promise<EvaluationListRow[]> {
    return db.rows(LIST, [scope.patterns, filter.year, filter.status, filter.limit, filter.offset]);
  }

  /** Locks the evaluation for a write in this transaction; undefined outside the scope. */
  lockForUpdate(db: Db, scope: Scope, id: string): Promise<LockedEvaluationRow | undefined> {
    return db.one(LOCK_FOR_UPDATE, [id, scope.patterns]);
  }

  async isInScope(db: Db, scope: Scope, id: string): Promise<boolean> {
    return (await db.one(IN_SCOPE, [id, scope.patterns])) !== undefined;
  }

  /** The indicators in printed order, of an evaluation the caller has locked in scope. */
  async indicators(db: Db, id: string): Promise<EvaluationIndicatorRow[]> {
    return (await db.one(INDICATORS, [id]))?.indicators ?? [];
  }

  /** What scoring reads of one evaluation the caller has locked or created in scope. */
  scoringRow(db: Db, id: string) {
    return db.one(SCORING_ROW, [id]);
  }

  /** A batch of the year's evaluations that are not final, in id order after `afterId`, locked (重新评分). */
  openOfYearForUpdate(db: Db, year: number, afterId: string, limit: number): Promise<ScoringRow[]> {
    return db.rows(OPEN_OF_YEAR_FOR_UPDATE, [year, afterId, limit]);
  }

  /** The form a 自评表 is opened from, held against change until the transaction ends; undefined outside the scope. */
  sourceFormForShare(db: Db, scope: Scope, formId: string): Promise<SourceFormRow | undefined> {
    return db.one(SOURCE_FORM_FOR_SHARE, [formId, scope.patterns]);
  }

  /** The 自评表 of a project and year (of a form the caller holds in scope), if one was opened. */
  async idOfProjectYear(db: Db, projectId: string, year: number): Promise<string | undefined> {
    return (await db.one(OF_PROJECT_YEAR, [projectId, year]))?.id;
  }

  /**
   * Opens the 自评表 of form `formId` (held in scope by the caller) with its year-set indicators copied. Returns
   * the new id, or undefined when another transaction opened the project's 自评表 of the year first.
   */
  async insertFromForm(
    db: Db,
    input: { tenantId: string; formId: string; policyId: string; userId: string },
  ): Promise<string | undefined> {
    const created = await db.one(INSERT_FROM_FORM, [input.tenantId, input.formId, input.policyId, input.userId]);
    if (!created) return undefined;
    await db.run(COPY_FORM_INDICATORS, [input.formId, created.id]);
    return created.id;
  }

  /** Marks a draft 自评表 as imported with what its sheet printed (before it is made final). */
  async markImported(db: Db, id: string, printed: PrintedScores): Promise<void> {
    await db.run(MARK_IMPORTED, [id, printed.budgetWeight, printed.budgetScore, printed.total, printed.grade]);
    await db.run(SET_PRINTED_SCORES, [printed.indicators.map((i) => i.id), printed.indicators.map((i) => i.score), id]);
  }

  /** Writes the unit's part of a locked evaluation; returns the new rowVersion. */
  async updateUnitPart(db: Db, id: string, part: UnitPart, userId: string): Promise<number> {
    const [updated] = await db.rows(UPDATE_UNIT_PART, [
      id,
      part.annualBudget,
      part.executedAmount,
      part.actualGoal,
      userId,
    ]);
    await db.run(UPDATE_INDICATORS_UNIT_PART, [
      part.indicators.map((i) => i.id),
      part.indicators.map((i) => i.actualValue),
      part.indicators.map((i) => i.selfShare),
      part.indicators.map((i) => i.selfBand),
      part.indicators.map((i) => i.deviationReason),
      id,
    ]);
    return updated.rowVersion;
  }

  /** 复核's adjustments of a locked evaluation. */
  async setReviewerShares(db: Db, id: string, shares: ReviewerShare[]): Promise<void> {
    await db.run(SET_REVIEWER_SHARES, [
      shares.map((s) => s.indicatorId),
      shares.map((s) => s.share),
      shares.map((s) => s.band),
      shares.map((s) => s.reason),
      id,
    ]);
  }

  /** Removes every 复核 adjustment of a locked evaluation (退回). */
  async clearReviewerShares(db: Db, id: string): Promise<void> {
    await db.run(CLEAR_REVIEWER_SHARES, [id]);
  }

  /** Moves a locked evaluation to `to`; returns the new rowVersion. */
  async applyTransition(db: Db, id: string, to: EvaluationStatus, userId: string, isSubmit: boolean): Promise<number> {
    const [updated] = await db.rows(APPLY_TRANSITION, [id, to, userId, isSubmit]);
    return updated.rowVersion;
  }

  /**
   * Stores what scoring derived — each indicator's 分值 and 得分, the budget score, 总分, grade — and the policy
   * version that scored it, in two statements however many evaluations there are.
   */
  async storeScores(db: Db, scores: EvaluationScores, policyId: string): Promise<void> {
    const { indicators, evaluations } = scores;
    await db.run(STORE_INDICATOR_SCORES, [indicators.ids, indicators.weights, indicators.scores, evaluations.ids]);
    await db.run(STORE_SCORES, [evaluations.ids, evaluations.budget, evaluations.total, evaluations.grade, policyId]);
  }

  /** The self-evaluation 待办: the oldest `limit` items of the given kinds, and the counts of all. */
  inbox(
    db: Db,
    scope: Scope,
    query: { statuses: EvaluationStatus[]; includeToEvaluate: boolean; limit: number },
  ): Promise<EvaluationInboxRow[]> {
    return db.rows(INBOX, [scope.patterns, query.statuses, query.includeToEvaluate, query.limit]);
  }
}

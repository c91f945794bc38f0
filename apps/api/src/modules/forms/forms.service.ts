import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  CarriedFrom,
  FieldError,
  FormRevisionSummary,
  FormStatus,
  FormSubmission,
  GoalForm,
  IndicatorSetsInput,
  LatestReview,
  ReviewResult,
  TaxonomyNode,
} from '@jxt/contracts';
import { FORM_FIELD_LABELS, FUND_FIELDS } from '@jxt/contracts';
import {
  checkForm,
  checkSubmission,
  diffForms,
  hasErrors,
  isEditable,
  isLocked,
  moneyOrNull,
  toSaveRequest,
} from '@jxt/domain';
import { ACTOR_COLUMNS, actorValues } from '../../common/history/history-event';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryPrepared, queryRows } from '../../common/tenancy/sql';
import { blankToNull } from '../../common/validation/blank-to-null';
import { CatalogService } from '../catalog/catalog.service';
import type { SaveFormDto } from './dto/save-form.dto';
import { FORM_IS_LOCKED, PROJECT_COLUMNS, toProject, type ProjectRow } from '../projects/project-row';
import { buildIndicatorSets, type IndicatorRow } from './form-tree';
import { buildIndicatorInsert } from './indicator-insert';
import { staleFormConflict } from './stale-form';
import { CURRENT_ROUND_COMMENT } from '../workflow/current-round';

/** The header columns a revision owns (project-row.ts reads them back). */
const HEADER_COLUMNS =
  'project_name, category_code, continuity, function_class_code, printed_department, printed_implementing_unit, planned_start, planned_end';

/** A form row with its project's columns (the project's `id` is the project id). */
interface FormRow extends ProjectRow {
  form_id: string;
  year: number;
  revision: number;
  status: FormStatus;
  row_version: number;
  total_amount: string | null;
  fiscal_amount: string | null;
  other_amount: string | null;
  annual_amount: string | null;
  annual_fiscal_amount: string | null;
  carry_over_amount: string | null;
  annual_other_amount: string | null;
  total_goal: string | null;
  annual_goal: string | null;
  goal_period_start: number | null;
  goal_period_end: number | null;
  updated_at: Date;
  updated_by_name: string | null;
  indicators: IndicatorRow[];
  taxonomy: TaxonomyNode[];
  submitted_by: string | null;
  review_result: ReviewResult | null;
  review_comment: string | null;
  latest_review: LatestReview | null;
  /** The latest 提交 unless withdrawn since (footer: 填报人, 联系电话, 填报日期). */
  submission: FormSubmission | null;
  revisions: FormRevisionSummary[];
  evaluation_id: string | null;
  category_label: string | null;
  function_class_label: string | null;
  carried_from: CarriedFrom | null;
}

// Numbers leave PostgreSQL as text inside the JSON, so no amount or weight ever passes through a float.
const INDICATOR_JSON = `SELECT id, indicator_set, level1_code, level2_code, name, raw_value, target_kind, target_operator,
  target_number::text AS target_number, target_unit, target_boolean, parse_warning, weight::text AS weight, scoring_notes,
  explanation, remark, sort_order, level1_label, level2_label FROM indicator WHERE form_id = f.id`;

/** A code-list label as the form `f` prints it: kept from when it was locked, the list's current one while open. */
const printedLabel = (list: string, code: string, locked: string) =>
  `CASE WHEN ${FORM_IS_LOCKED} THEN f.${locked}
        ELSE (SELECT c.label FROM code_list_item c WHERE c.list = '${list}' AND c.code = f.${code}) END`;

/**
 * The whole form in one round trip: header, funds, goals, its indicator rows and the year's taxonomy.
 * A prepared statement: planning it costs about twice as much PostgreSQL CPU as running it.
 */
const FORM_QUERY = `
  SELECT f.id AS form_id, f.year, f.revision, f.status, f.row_version, f.total_amount, f.fiscal_amount, f.other_amount, f.annual_amount,
         f.annual_fiscal_amount, f.carry_over_amount, f.annual_other_amount, f.total_goal, f.annual_goal,
         f.goal_period_start, f.goal_period_end, f.updated_at, ub.display_name AS updated_by_name,
         ${PROJECT_COLUMNS},
         (SELECT coalesce(json_agg(i ORDER BY i.indicator_set DESC, i.sort_order), '[]') FROM (${INDICATOR_JSON}) i) AS indicators,
         f.submitted_by, f.review_result, f.review_comment,
         (SELECT json_build_object('action', e.action, 'comment', e.comment, 'field', e.field, 'reviewResult', e.review_result,
                 'actorName', e.actor_name, 'actorOrganizationName', e.actor_organization_name, 'at', e.created_at)
            FROM form_event e WHERE e.id = (${CURRENT_ROUND_COMMENT('f.id', 'id')})) AS latest_review,
         (SELECT CASE WHEN e.action = 'submit' AND e.filer_name IS NOT NULL
                   THEN json_build_object('name', e.filer_name, 'phone', e.filer_phone, 'submittedAt', e.created_at) END
            FROM form_event e WHERE e.form_id = f.id AND e.kind = 'transition' AND e.action IN ('submit', 'withdraw') ORDER BY e.id DESC LIMIT 1) AS submission,
         (SELECT json_agg(json_build_object('id', r.id, 'revision', r.revision, 'status', r.status, 'updatedAt', r.updated_at) ORDER BY r.revision DESC)
            FROM goal_form r WHERE r.project_id = f.project_id AND r.year = f.year) AS revisions,
         (SELECT se.id FROM self_evaluation se WHERE se.project_id = f.project_id AND se.year = f.year) AS evaluation_id,
         ${printedLabel('project_category', 'category_code', 'locked_category_label')} AS category_label,
         ${printedLabel('function_class', 'function_class_code', 'locked_function_class_label')} AS function_class_label,
         (SELECT json_build_object('formId', c.id, 'year', c.year, 'revision', c.revision, 'status', c.status)
            FROM goal_form c WHERE c.id = f.carried_from_form_id) AS carried_from,
         (SELECT coalesce(json_agg(t ORDER BY t.level, t."sortOrder", t.code), '[]') FROM (
            SELECT code, label, level, parent_code AS "parentCode", sort_order AS "sortOrder" FROM indicator_taxonomy WHERE year = f.year) t) AS taxonomy
  FROM goal_form f
  JOIN project p ON p.id = f.project_id
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN app_user ub ON ub.id = f.updated_by
  WHERE f.id = $1 AND o.path LIKE ANY($2::text[])`;

/** 绩效目标填报表: read one whole form, save one whole form (one transaction, optimistic lock). */
@Injectable()
export class FormsService {
  constructor(private readonly catalog: CatalogService) {}

  async get(id: string): Promise<GoalForm> {
    const { user, manager } = tenantScope();
    const [form] = await queryPrepared<FormRow>(manager, 'forms.get', FORM_QUERY, [id, user.scopePatterns]);
    if (!form) throw new NotFoundException('绩效目标表不存在或无权访问');
    const { indicators, taxonomy } = form;
    const locked = isLocked(form.status);
    const result: GoalForm = {
      id: form.form_id,
      year: form.year,
      revision: form.revision,
      status: form.status,
      rowVersion: form.row_version,
      locked,
      project: {
        ...toProject(form),
        categoryLabel: form.category_label,
        functionClassLabel: form.function_class_label,
      },
      carriedFrom: form.carried_from,
      funds: {
        totalAmount: form.total_amount,
        fiscalAmount: form.fiscal_amount,
        otherAmount: form.other_amount,
        annualAmount: form.annual_amount,
        annualFiscalAmount: form.annual_fiscal_amount,
        carryOverAmount: form.carry_over_amount,
        annualOtherAmount: form.annual_other_amount,
      },
      totalGoal: form.total_goal,
      annualGoal: form.annual_goal,
      goalPeriodStart: form.goal_period_start,
      goalPeriodEnd: form.goal_period_end,
      // A locked revision prints the 一级/二级 labels it was locked with; an open one follows the year's taxonomy.
      indicators: buildIndicatorSets(indicators, locked ? null : taxonomy),
      issues: [],
      updatedAt: form.updated_at.toISOString(),
      updatedBy: form.updated_by_name,
      submittedBy: form.submitted_by,
      reviewResult: form.review_result,
      reviewComment: form.review_comment,
      latestReview: form.latest_review,
      submission: form.submission && {
        ...form.submission,
        submittedAt: new Date(form.submission.submittedAt).toISOString(),
      },
      revisions: form.revisions,
      evaluationId: form.evaluation_id,
    };
    result.issues = checkForm(result, taxonomy);
    return result;
  }

  async save(id: string, dto: SaveFormDto): Promise<GoalForm> {
    const { user, manager } = tenantScope();
    const [current] = await queryRows<{
      id: string;
      project_id: string;
      year: number;
      status: FormStatus;
      row_version: number;
      updated_at: Date;
      updated_by_name: string | null;
    }>(
      manager,
      `SELECT f.id, f.project_id, f.year, f.status, f.row_version, f.updated_at, ub.display_name AS updated_by_name
       FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id
       LEFT JOIN app_user ub ON ub.id = f.updated_by
       WHERE f.id = $1 AND o.path LIKE ANY($2::text[]) FOR UPDATE OF f`,
      [id, user.scopePatterns],
    );
    if (!current) throw new NotFoundException('绩效目标表不存在或无权访问');
    if (current.row_version !== dto.rowVersion) throw staleFormConflict(current, dto.rowVersion);
    if (!isEditable(current.status)) throw new ConflictException('此表已提交或已审核，不能修改');

    const before = await this.get(id);
    const taxonomy = await this.catalog.taxonomy(current.year, manager);
    const issues = checkForm(dto, taxonomy);
    if (hasErrors(issues)) {
      const fields: FieldError[] = issues
        .filter((i) => i.severity === 'error')
        .map((i) => ({ field: i.field, message: i.message }));
      throw new BadRequestException({
        message: `有 ${fields.length} 处需要修改：` + fields.map((f) => f.message).join('；'),
        fields,
      });
    }

    const h = dto.project;
    if (h.code !== before.project.code) await this.changeProjectCode(current.project_id, h.code, id);
    const money = FUND_FIELDS.map((field) => moneyOrNull(dto.funds[field]));
    await queryRows(
      manager,
      `UPDATE goal_form SET project_name = $2, category_code = $3, continuity = $4, function_class_code = $5, printed_department = $6,
         printed_implementing_unit = $7, planned_start = $8, planned_end = $9,
         total_amount = $10, fiscal_amount = $11, other_amount = $12, annual_amount = $13, annual_fiscal_amount = $14,
         carry_over_amount = $15, annual_other_amount = $16, total_goal = $17, annual_goal = $18, goal_period_start = $19,
         goal_period_end = $20, row_version = row_version + 1, updated_at = now(), updated_by = $21
       WHERE id = $1`,
      [
        id,
        h.name.trim(),
        blankToNull(h.categoryCode),
        h.continuity ?? null,
        blankToNull(h.functionClassCode),
        blankToNull(h.printedDepartment),
        blankToNull(h.printedImplementingUnit),
        h.plannedStart ?? null,
        h.plannedEnd ?? null,
        ...money,
        blankToNull(dto.totalGoal),
        blankToNull(dto.annualGoal),
        dto.goalPeriodStart ?? null,
        dto.goalPeriodEnd ?? null,
        user.userId,
      ],
    );
    await this.replaceIndicators(manager, user.tenantId, id, dto.indicators);
    const after = await this.get(id);
    await this.recordChanges(before, after);
    return after;
  }

  /** History of a save: which fields changed, old and new values (nothing is recorded for a save that changed nothing). */
  private async recordChanges(before: GoalForm, after: GoalForm): Promise<void> {
    const { user, manager } = tenantScope();
    const labels = new Map<string, string>();
    for (const sets of [before.indicators, after.indicators]) {
      for (const level1 of [...sets.year, ...(sets.longTerm ?? [])]) {
        labels.set(level1.code, level1.label);
        for (const level2 of level1.children) labels.set(level2.code, level2.label);
      }
    }
    const { rowVersion: _before, ...oldContent } = toSaveRequest(before);
    const { rowVersion: _after, ...newContent } = toSaveRequest(after);
    const changes = diffForms(oldContent, newContent, (code) => labels.get(code) ?? code);
    if (!changes.length) return;
    await queryRows(
      manager,
      `INSERT INTO form_event (tenant_id, form_id, kind, ${ACTOR_COLUMNS}, changes, row_version) VALUES ($1, $2, 'save', $3, $4, $5, $6, $7, $8, $9)`,
      [user.tenantId, after.id, ...actorValues(user), JSON.stringify(changes), after.rowVersion],
    );
  }

  /**
   * 项目编码 is the project's identity, shown on each of its revisions. Changing it bumps the rowVersion of every
   * open revision (not locked) and records the change in its history, so a save read before the change is a 409
   * instead of quietly putting the old code back. `savingFormId` is the form whose own save carries the change.
   */
  async changeProjectCode(projectId: string, code: string, savingFormId: string | null = null): Promise<void> {
    const { user, manager } = tenantScope();
    const [project] = await queryRows<{ code: string }>(manager, `SELECT code FROM project WHERE id = $1 FOR UPDATE`, [
      projectId,
    ]);
    if (!project || project.code === code) return;
    await queryRows(manager, `UPDATE project SET code = $2, updated_at = now() WHERE id = $1`, [projectId, code]).catch(
      rethrowDuplicateCode(code),
    );
    const bumped = await queryRows<{ id: string; row_version: number }>(
      manager,
      `UPDATE goal_form f SET row_version = row_version + 1, updated_at = now(), updated_by = $3
       WHERE f.project_id = $1 AND f.id IS DISTINCT FROM $2 AND NOT (${FORM_IS_LOCKED}) RETURNING f.id, f.row_version`,
      [projectId, savingFormId, user.userId],
    );
    if (!bumped.length) return;
    const changes = JSON.stringify([
      { field: 'project.code', label: FORM_FIELD_LABELS.projectCode, before: project.code, after: code },
    ]);
    await queryRows(
      manager,
      `INSERT INTO form_event (tenant_id, form_id, kind, ${ACTOR_COLUMNS}, changes, row_version)
       SELECT $1, b.id, 'save', $2, $3, $4, $5, $6, $7, b.row_version FROM unnest($8::uuid[], $9::int[]) AS b(id, row_version)`,
      [user.tenantId, ...actorValues(user), changes, bumped.map((b) => b.id), bumped.map((b) => b.row_version)],
    );
  }

  /** The checks as 提交 applies them (blanks that a draft may keep are errors). */
  async submissionIssues(id: string) {
    const form = await this.get(id);
    return checkSubmission(form, await this.catalog.taxonomy(form.year));
  }

  /** 404 unless the form is in the caller's subtree. */
  async assertInScope(id: string): Promise<void> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows(
      manager,
      `SELECT 1 FROM goal_form f JOIN project p ON p.id = f.project_id JOIN organization o ON o.id = p.organization_id WHERE f.id = $1 AND o.path LIKE ANY($2::text[])`,
      [id, user.scopePatterns],
    );
    if (!row) throw new NotFoundException('绩效目标表不存在或无权访问');
  }

  /** 调整: a copy of an approved form as the next revision, a draft; the approved one stays as it is. Returns the new id. */
  async createRevision(id: string): Promise<string> {
    const { user, manager } = tenantScope();
    const [created] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO goal_form (tenant_id, project_id, year, revision, status, ${HEADER_COLUMNS}, total_amount, fiscal_amount, other_amount,
         annual_amount, annual_fiscal_amount, carry_over_amount, annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end,
         carried_from_form_id, updated_by)
       SELECT tenant_id, project_id, year, (SELECT max(revision) + 1 FROM goal_form g WHERE g.project_id = f.project_id AND g.year = f.year),
         'draft', ${HEADER_COLUMNS}, total_amount, fiscal_amount, other_amount, annual_amount, annual_fiscal_amount, carry_over_amount,
         annual_other_amount, total_goal, annual_goal, goal_period_start, goal_period_end, carried_from_form_id, $2
       FROM goal_form f WHERE f.id = $1 RETURNING id`,
      [id, user.userId],
    );
    await this.copyIndicators(id, created.id);
    return created.id;
  }

  /** Copies a form's indicators to a new (open) form; the printed labels are not copied, an open form follows the taxonomy. */
  private async copyIndicators(fromFormId: string, toFormId: string): Promise<void> {
    await queryRows(
      tenantScope().manager,
      `INSERT INTO indicator (tenant_id, form_id, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind,
         target_operator, target_number, target_unit, target_boolean, parse_warning, weight, scoring_notes, explanation, remark)
       SELECT tenant_id, $2, indicator_set, level1_code, level2_code, sort_order, name, raw_value, target_kind, target_operator,
         target_number, target_unit, target_boolean, parse_warning, weight, scoring_notes, explanation, remark
       FROM indicator WHERE form_id = $1`,
      [fromFormId, toFormId],
    );
  }

  /**
   * A project's form for another year (延续). By default it is carried forward from the project's newest approved
   * revision (or, when none is approved yet, its newest revision), never from an unapproved 调整 draft beside an
   * approved one: its header, goals and indicators; the goal period is stretched to the new year. Amounts always start
   * blank, since each year's money is new. The source is recorded (`carriedFrom`).
   */
  async createForYear(projectId: string, year: number, copyLatest = true): Promise<GoalForm> {
    const { user, manager } = tenantScope();
    const [project] = await queryRows<{ id: string }>(
      manager,
      `SELECT p.id FROM project p JOIN organization o ON o.id = p.organization_id WHERE p.id = $1 AND o.path LIKE ANY($2::text[])`,
      [projectId, user.scopePatterns],
    );
    if (!project) throw new NotFoundException('项目不存在或无权访问');
    const [taken] = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM goal_form WHERE project_id = $1 AND year = $2`,
      [projectId, year],
    );
    if (taken)
      throw new ConflictException({
        message: `该项目已有 ${year} 年度的绩效目标表`,
        fields: [{ field: 'year', message: '该年度已有表', value: year }],
      });
    await this.catalog.ensureTaxonomyYear(year, manager);
    const [source] = await queryRows<{ id: string }>(
      manager,
      `SELECT id FROM goal_form WHERE project_id = $1 ORDER BY (status = 'finance_approved') DESC, year DESC, revision DESC LIMIT 1`,
      [projectId],
    );
    if (!source) throw new NotFoundException('项目不存在或无权访问');
    const carried = copyLatest ? source.id : null;
    const [created] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO goal_form (tenant_id, project_id, year, ${HEADER_COLUMNS}, total_goal, annual_goal, goal_period_start, goal_period_end,
         carried_from_form_id, updated_by)
       SELECT $1, $2, $3, ${HEADER_COLUMNS.replace('continuity', `'continuing'`)},
         CASE WHEN $5::uuid IS NULL THEN NULL ELSE s.total_goal END, CASE WHEN $5::uuid IS NULL THEN NULL ELSE s.annual_goal END,
         CASE WHEN $5::uuid IS NULL THEN $3 ELSE coalesce(s.goal_period_start, $3) END,
         CASE WHEN $5::uuid IS NULL THEN $3 ELSE greatest(s.goal_period_end, $3) END, $5, $6
       FROM goal_form s WHERE s.id = $4 RETURNING id`,
      [user.tenantId, projectId, year, source.id, carried, user.userId],
    );
    if (carried) await this.copyIndicators(carried, created.id);
    return this.get(created.id);
  }

  /** A draft form may be deleted while its project keeps at least one other form. */
  async remove(id: string): Promise<void> {
    const { manager } = tenantScope();
    const form = await this.get(id);
    if (form.status !== 'draft') throw new ConflictException('只有草稿状态的表可以删除');
    const [{ forms }] = await queryRows<{ forms: number }>(
      manager,
      `SELECT count(*)::int AS forms FROM goal_form WHERE project_id = $1`,
      [form.project.id],
    );
    if (forms < 2) throw new ConflictException('这是该项目唯一的绩效目标表；如需删除，请删除项目');
    await queryRows(manager, `DELETE FROM goal_form WHERE id = $1`, [id]);
  }

  /** Replaces the form's indicator rows in one DELETE and one INSERT, keeping the ids the client sent back. */
  async replaceIndicators(
    manager: EntityManager,
    tenantId: string,
    formId: string,
    sets: IndicatorSetsInput,
  ): Promise<void> {
    const removed = await queryRows<{ id: string }>(manager, `DELETE FROM indicator WHERE form_id = $1 RETURNING id`, [
      formId,
    ]);
    const insert = buildIndicatorInsert(tenantId, formId, sets, new Set(removed.map((r) => r.id)));
    if (insert) await queryRows(manager, insert.sql, insert.values);
  }
}

export function rethrowDuplicateCode(code: string) {
  return (err: unknown): never => {
    if ((err as { driverError?: { code?: string } }).driverError?.code === '23505') {
      throw new ConflictException({
        message: `项目编码 ${code} 已被使用`,
        fields: [{ field: 'project.code', message: '项目编码已被使用', value: code }],
      });
    }
    throw err;
  };
}

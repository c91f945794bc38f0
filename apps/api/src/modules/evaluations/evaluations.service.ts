import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  Evaluation,
  EvaluationListResponse,
  EvaluationStatus,
  EvaluationSummary,
  FormFieldChange as FieldChange,
  QualitativeBandCode,
} from '@jxt/contracts';
import {
  checkEvaluation,
  chosenBand,
  diffEvaluations,
  isBandScored,
  isEvaluationEditable,
  moneyOrNull,
  scoreEvaluationContent,
} from '@jxt/domain';
import { ACTOR_COLUMNS, actorValues } from '../../common/history/history-event';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryPrepared, queryRows } from '../../common/tenancy/sql';
import { blankToNull } from '../../common/validation/blank-to-null';
import { targetFromRow } from '../forms/form-tree';
import { staleFormConflict } from '../forms/stale-form';
import type { SaveEvaluationDto } from './dto/save-evaluation.dto';
import { EVALUATION_QUERY, LOCK_EVALUATION, type EvaluationRow, type LockedEvaluation } from './evaluation-query';
import {
  EVALUATION_INDICATORS_JSON,
  SCORING_ROW_COLUMNS,
  storeScores,
  toContent,
  type EvaluationIndicatorRow,
  type ScoringRow,
} from './evaluation-scoring';
import { ScoringPoliciesService } from './scoring-policies.service';

export interface EvaluationListQuery {
  year?: number;
  status?: EvaluationStatus;
  page: number;
  pageSize: number;
}

/** 财政项目支出绩效自评表: open one from an approved form, read it with its scores, save the unit's part. */
@Injectable()
export class EvaluationsService {
  constructor(private readonly policies: ScoringPoliciesService) {}

  async get(id: string): Promise<Evaluation> {
    const { user, manager } = tenantScope();
    const [row] = await queryPrepared<EvaluationRow>(manager, 'evaluations.get', EVALUATION_QUERY, [
      id,
      user.scopePatterns,
    ]);
    if (!row) throw new NotFoundException('自评表不存在或无权访问');
    // A final evaluation keeps the version that scored it; any other is scored by the year's current version.
    const policy =
      row.status === 'final' ? await this.policies.byId(row.policy_id) : await this.policies.current(row.year);
    const funds = {
      initialBudget: row.initial_budget,
      annualBudget: row.annual_budget,
      executedAmount: row.executed_amount,
    };
    const content = toContent(funds, row.actual_goal, row.indicators, row.labels);
    const scored = scoreEvaluationContent(content, policy.policy);
    const label = (code: string) => row.labels?.[code] ?? code;
    return {
      id: row.id,
      formId: row.form_id,
      formRevision: row.form_revision,
      year: row.year,
      status: row.status,
      rowVersion: row.row_version,
      projectId: row.project_id,
      projectCode: row.project_code,
      projectName: row.project_name,
      organizationName: row.organization_name,
      printedDepartment: row.printed_department,
      printedImplementingUnit: row.printed_implementing_unit,
      funds,
      expectedGoal: row.expected_goal,
      actualGoal: row.actual_goal,
      indicators: row.indicators.map((r, i) => ({
        id: r.id,
        level1Code: r.level1_code,
        level1Label: label(r.level1_code),
        level2Code: r.level2_code,
        level2Label: label(r.level2_code),
        name: r.name,
        rawTarget: r.raw_value,
        target: targetFromRow(r),
        weight: r.weight,
        actualValue: r.actual_value,
        selfShare: r.self_share,
        selfBand: r.self_band,
        reviewerShare: r.reviewer_share,
        reviewerBand: r.reviewer_band,
        reviewerReason: r.reviewer_reason,
        deviationReason: r.deviation_reason,
        scored: scored.indicators[i],
      })),
      score: { budget: scored.budget, total: scored.total, grade: scored.grade },
      policy,
      issues: checkEvaluation(content, scored),
      submittedBy: row.submitted_by,
      latestComment: row.latest_comment,
      updatedAt: row.updated_at.toISOString(),
      updatedBy: row.updated_by_name,
    };
  }

  async list(query: EvaluationListQuery): Promise<EvaluationListResponse> {
    const { user, manager } = tenantScope();
    const rows = await queryRows<{
      id: string;
      form_id: string;
      year: number;
      status: EvaluationStatus;
      row_version: number;
      project_code: string;
      project_name: string;
      organization_name: string;
      total: string | null;
      grade: string | null;
      policy_version: number;
      updated_at: Date;
      count: number;
    }>(
      manager,
      `SELECT e.id, e.form_id, e.year, e.status, e.row_version, p.code AS project_code, f.project_name, coalesce(f.locked_organization_name, o.name) AS organization_name,
              e.total_score::text AS total, e.grade, sp.version AS policy_version, e.updated_at, count(*) OVER ()::int AS count
       FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id JOIN project p ON p.id = e.project_id JOIN organization o ON o.id = p.organization_id
       JOIN scoring_policy sp ON sp.id = e.policy_id
       WHERE o.path LIKE ANY($1::text[]) AND ($2::int IS NULL OR e.year = $2) AND ($3::text IS NULL OR e.status = $3)
       ORDER BY e.year DESC, p.code, e.id LIMIT $4 OFFSET $5`,
      [user.scopePatterns, query.year ?? null, query.status ?? null, query.pageSize, (query.page - 1) * query.pageSize],
    );
    const items: EvaluationSummary[] = rows.map((r) => ({
      id: r.id,
      formId: r.form_id,
      year: r.year,
      status: r.status,
      rowVersion: r.row_version,
      projectCode: r.project_code,
      projectName: r.project_name,
      organizationName: r.organization_name,
      total: r.total,
      grade: r.grade,
      policyVersion: r.policy_version,
      updatedAt: r.updated_at.toISOString(),
    }));
    return { items, total: rows[0]?.count ?? 0 };
  }

  /**
   * 绩效自评 opens from the finance-approved form of the year: its year-set indicators and targets are copied,
   * 年初预算数 and 全年预算数 start from its 年度资金申请总额, 预期目标 from its 年度总目标. One per project and year:
   * asking again returns the one that exists.
   */
  async createFromForm(formId: string): Promise<Evaluation> {
    const { user, manager } = tenantScope();
    const [form] = await queryRows<{ id: string; status: string; project_id: string; year: number; revision: number }>(
      manager,
      `SELECT f.id, f.status, f.project_id, f.year, f.revision FROM goal_form f JOIN project p ON p.id = f.project_id
       JOIN organization o ON o.id = p.organization_id WHERE f.id = $1 AND o.path LIKE ANY($2::text[]) FOR SHARE OF f`,
      [formId, user.scopePatterns],
    );
    if (!form) throw new NotFoundException('绩效目标表不存在或无权访问');
    const existing = async () =>
      (
        await queryRows<{ id: string }>(manager, `SELECT id FROM self_evaluation WHERE project_id = $1 AND year = $2`, [
          form.project_id,
          form.year,
        ])
      )[0];
    const found = await existing();
    if (found) return this.get(found.id);
    if (form.status !== 'finance_approved') throw new ConflictException('只有财政已审核的绩效目标表才能开展绩效自评');
    const policy = await this.policies.ensureStored(form.year);
    const [created] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO self_evaluation (tenant_id, form_id, project_id, year, initial_budget, annual_budget, expected_goal, policy_id, updated_by)
       SELECT $1, f.id, f.project_id, f.year, f.annual_amount, f.annual_amount, f.annual_goal, $3, $4 FROM goal_form f WHERE f.id = $2
       ON CONFLICT (project_id, year) DO NOTHING RETURNING id`,
      [user.tenantId, formId, policy.id, user.userId],
    );
    // Another request opened it meanwhile: answer theirs.
    if (!created) return this.get((await existing()).id);
    await queryRows(
      manager,
      `INSERT INTO evaluation_indicator (tenant_id, evaluation_id, source_indicator_id, level1_code, level2_code, level1_label, level2_label,
         sort_order, name, raw_value, target_kind, target_operator, target_number, target_unit, target_boolean, weight)
       SELECT tenant_id, $2, id, level1_code, level2_code, coalesce(level1_label, level1_code), coalesce(level2_label, level2_code),
              sort_order, name, raw_value, target_kind, target_operator, target_number, target_unit, target_boolean, weight
       FROM indicator WHERE form_id = $1 AND indicator_set = 'year'`,
      [formId, created.id],
    );
    await this.record(created.id, {
      kind: 'transition',
      action: null,
      from: null,
      to: 'draft',
      comment: `由第 ${form.revision} 版绩效目标表生成`,
      changes: null,
      rowVersion: 1,
    });
    await this.rescore(created.id);
    return this.get(created.id);
  }

  /** The unit saves its part (amounts, 实际完成情况, each 实际完成值, qualitative share, 偏差原因) in one transaction. */
  async save(id: string, dto: SaveEvaluationDto): Promise<Evaluation> {
    const { user, manager } = tenantScope();
    const current = await this.lock(id);
    if (current.row_version !== dto.rowVersion) throw staleFormConflict(current, dto.rowVersion);
    if (!isEvaluationEditable(current.status)) throw new ConflictException('自评表已提交或已复核，不能修改');
    const rows = await this.indicatorRows(id);
    const byId = new Map(rows.map((r) => [r.id, r]));
    const fields: { field: string; message: string; value: unknown }[] = [];
    const seen = new Set<string>();
    dto.indicators.forEach((input, i) => {
      const row = byId.get(input.id);
      if (!row) fields.push({ field: `indicators.${i}.id`, message: '该指标不属于此自评表', value: input.id });
      else if (seen.has(input.id))
        fields.push({ field: `indicators.${i}.id`, message: '同一指标出现了两次', value: input.id });
      seen.add(input.id);
      if (row && (blankToNull(input.selfShare) || input.selfBand) && !isBandScored(targetFromRow(row))) {
        fields.push({
          field: `indicators.${i}.selfShare`,
          message: '只有定性指标按档次自评得分',
          value: input.selfShare ?? input.selfBand,
        });
      }
    });
    if (fields.length) throw new BadRequestException({ message: fields.map((f) => f.message).join('；'), fields });

    const policy = await this.policies.ensureStored(current.year);
    /** The band as picked; a client that sends a share alone gets the first band that holds it (as it always read). */
    const bandOf = (share: string | null, band: QualitativeBandCode | null | undefined): QualitativeBandCode | null => {
      if (band) return band;
      if (!share) return null;
      const choice = chosenBand(share, null, policy.policy.qualitativeBands);
      return choice.ok ? choice.band.code : null;
    };
    const after = {
      annualBudget: moneyOrNull(dto.funds.annualBudget),
      executedAmount: moneyOrNull(dto.funds.executedAmount),
      actualGoal: blankToNull(dto.actualGoal),
      indicators: rows.map((r) => {
        const input = dto.indicators.find((x) => x.id === r.id);
        if (!input)
          return {
            id: r.id,
            name: r.name,
            actualValue: r.actual_value,
            selfShare: r.self_share,
            selfBand: r.self_band,
            deviationReason: r.deviation_reason,
          };
        const selfShare = blankToNull(input.selfShare);
        return {
          id: r.id,
          name: r.name,
          actualValue: blankToNull(input.actualValue),
          selfShare,
          selfBand: bandOf(selfShare, input.selfBand),
          deviationReason: blankToNull(input.deviationReason),
        };
      }),
    };
    const before = {
      annualBudget: current.annual_budget,
      executedAmount: current.executed_amount,
      actualGoal: current.actual_goal,
      indicators: rows.map((r) => ({
        id: r.id,
        name: r.name,
        actualValue: r.actual_value,
        selfShare: r.self_share,
        selfBand: r.self_band,
        deviationReason: r.deviation_reason,
      })),
    };
    const changes = diffEvaluations(before, after, policy.policy.qualitativeBands);
    const [updated] = await queryRows<{ row_version: number }>(
      manager,
      `UPDATE self_evaluation SET annual_budget = $2, executed_amount = $3, actual_goal = $4, row_version = row_version + 1, updated_at = now(), updated_by = $5
       WHERE id = $1 RETURNING row_version`,
      [id, after.annualBudget, after.executedAmount, after.actualGoal, user.userId],
    );
    await queryRows(
      manager,
      `UPDATE evaluation_indicator ei SET actual_value = s.actual_value, self_share = s.self_share, self_band = s.self_band, deviation_reason = s.deviation_reason
       FROM unnest($1::uuid[], $2::text[], $3::numeric[], $4::text[], $5::text[]) AS s(id, actual_value, self_share, self_band, deviation_reason)
       WHERE ei.id = s.id AND ei.evaluation_id = $6`,
      [
        after.indicators.map((i) => i.id),
        after.indicators.map((i) => i.actualValue),
        after.indicators.map((i) => i.selfShare),
        after.indicators.map((i) => i.selfBand),
        after.indicators.map((i) => i.deviationReason),
        id,
      ],
    );
    if (changes.length)
      await this.record(id, {
        kind: 'save',
        action: null,
        from: null,
        to: null,
        comment: null,
        changes,
        rowVersion: updated.row_version,
      });
    await this.rescore(id);
    return this.get(id);
  }

  /** Locks the evaluation in scope (404 outside it). */
  async lock(id: string): Promise<LockedEvaluation> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<LockedEvaluation>(manager, LOCK_EVALUATION, [id, user.scopePatterns]);
    if (!row) throw new NotFoundException('自评表不存在或无权访问');
    return row;
  }

  /** 404 unless the evaluation is in the caller's scope (without locking it). */
  async assertInScope(id: string): Promise<void> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows(
      manager,
      `SELECT 1 FROM self_evaluation e JOIN project p ON p.id = e.project_id JOIN organization o ON o.id = p.organization_id
       WHERE e.id = $1 AND o.path LIKE ANY($2::text[])`,
      [id, user.scopePatterns],
    );
    if (!row) throw new NotFoundException('自评表不存在或无权访问');
  }

  async indicatorRows(id: string): Promise<(EvaluationIndicatorRow & { sort_order: number })[]> {
    const { manager } = tenantScope();
    const [row] = await queryRows<{ indicators: (EvaluationIndicatorRow & { sort_order: number })[] }>(
      manager,
      `SELECT ${EVALUATION_INDICATORS_JSON} AS indicators FROM self_evaluation e WHERE e.id = $1`,
      [id],
    );
    return row.indicators;
  }

  /** Stores the scores of one evaluation under the year's current policy version (and points it at that version). */
  async rescore(id: string): Promise<void> {
    const { manager } = tenantScope();
    const [row] = await queryRows<ScoringRow & { year: number }>(
      manager,
      `SELECT e.year, ${SCORING_ROW_COLUMNS} FROM self_evaluation e WHERE e.id = $1`,
      [id],
    );
    await storeScores(manager, [row], await this.policies.ensureStored(row.year));
  }

  /** Appends one history entry as the current user. */
  async record(
    evaluationId: string,
    e: {
      kind: 'transition' | 'save';
      action: string | null;
      from: EvaluationStatus | null;
      to: EvaluationStatus | null;
      comment: string | null;
      changes: FieldChange[] | null;
      rowVersion: number;
    },
  ): Promise<void> {
    const { user, manager } = tenantScope();
    await queryRows(
      manager,
      `INSERT INTO evaluation_event (tenant_id, evaluation_id, kind, action, from_status, to_status, ${ACTOR_COLUMNS}, comment, changes, row_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [
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
      ],
    );
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type {
  Evaluation,
  EvaluationListResponse,
  EvaluationStatus,
  EvaluationSummary,
  QualitativeBandCode,
  ScoringPolicyVersion,
} from '@jxt/contracts';
import {
  checkEvaluation,
  chosenBand,
  compareScore,
  diffEvaluations,
  isBandScored,
  isEvaluationEditable,
  moneyOrNull,
  printedShare,
  scoreEvaluationContent,
} from '@jxt/domain';
import { storedTarget } from '../../common/indicators/stored-target';
import { staleRecordConflict } from '../../common/http/stale-record';
import { tenantScope } from '../../common/tenancy/request-context';
import { blankToNull } from '../../common/validation/blank-to-null';
import type { SaveEvaluationDto } from './dto/save-evaluation.dto';
import { EvaluationHistoryRepository, type EvaluationEvent } from './evaluation-history.repository';
import type { Db } from '../../database/access/db';
import type { Scope } from '../../database/access/scope';
import {
  EvaluationRepository,
  type EvaluationExportSummaryRow,
  type EvaluationIndicatorRow,
  type EvaluationRow,
  type LockedEvaluationRow,
} from './evaluation.repository';
import { fundsOf, policyFor, scoreAll, toContent } from './evaluation-scoring';
import { ScoringPoliciesService } from './scoring-policies.service';

/** A past 自评表 as its sheet printed it (docs/domain.md §4.1), to store on the imported revision. */
export interface ImportedEvaluationInput {
  annualBudget: string | null;
  executedAmount: string | null;
  actualGoal: string | null;
  rows: {
    level1Code: string;
    level2Code: string;
    name: string;
    actualValue: string | null;
    score: string | null;
    deviationReason: string | null;
  }[];
  printed: { budgetWeight: string | null; budgetScore: string | null; total: string | null; grade: string | null };
}

export interface EvaluationListQuery {
  year?: number;
  status?: EvaluationStatus;
  page: number;
  pageSize: number;
}

/** 财政项目支出绩效自评表: open one from an approved form, read it with its scores, save the unit's part. */
@Injectable()
export class EvaluationsService {
  constructor(
    private readonly policies: ScoringPoliciesService,
    private readonly rows: EvaluationRepository,
    private readonly historyRows: EvaluationHistoryRepository,
  ) {}

  async get(id: string): Promise<Evaluation> {
    const { user, db } = tenantScope();
    const row = await this.rows.byId(db, user.scope, id);
    if (!row) throw new NotFoundException('自评表不存在或无权访问');
    // A final evaluation keeps the version that scored it; any other is scored by the year's current version.
    const policy =
      row.status === 'final' ? await this.policies.byId(row.policyId) : await this.policies.current(row.year);
    return toEvaluation(row, policy);
  }

  /** A bulk export's list of the year's 自评表 in `scope` (a job's transaction, outside any request). */
  exportSummary(db: Db, scope: Scope, year: number): Promise<EvaluationExportSummaryRow[]> {
    return this.rows.exportSummary(db, scope, year);
  }

  /**
   * Whole 自评表 by id in one query, in the order of `ids`, each scored as `get` scores it (the policy versions read
   * once per page, not per 自评表); those out of `scope` are left out.
   */
  async exportPage(db: Db, scope: Scope, ids: string[]): Promise<Evaluation[]> {
    const rows = new Map((await this.rows.byIds(db, scope, ids)).map((row) => [row.id, row]));
    const policies = new Map<string, Promise<ScoringPolicyVersion>>();
    const policyOf = (row: EvaluationRow) => {
      const key = row.status === 'final' ? row.policyId : `year:${row.year}`;
      let policy = policies.get(key);
      if (!policy) {
        policy = row.status === 'final' ? this.policies.byId(row.policyId, db) : this.policies.current(row.year, db);
        policies.set(key, policy);
      }
      return policy;
    };
    const result: Evaluation[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (row) result.push(toEvaluation(row, await policyOf(row)));
    }
    return result;
  }

  async list(query: EvaluationListQuery): Promise<EvaluationListResponse> {
    const { user, db } = tenantScope();
    const rows = await this.rows.list(db, user.scope, {
      year: query.year ?? null,
      status: query.status ?? null,
      limit: query.pageSize,
      offset: (query.page - 1) * query.pageSize,
    });
    const items: EvaluationSummary[] = rows.map((r) => ({
      id: r.id,
      formId: r.formId,
      year: r.year,
      status: r.status,
      rowVersion: r.rowVersion,
      projectCode: r.projectCode,
      projectName: r.projectName,
      organizationName: r.organizationName,
      total: r.total,
      grade: r.grade,
      policyVersion: r.policyVersion,
      updatedAt: r.updatedAt.toISOString(),
    }));
    return { items, total: rows[0]?.count ?? 0 };
  }

  /**
   * 绩效自评 opens from the finance-approved form of the year: its year-set indicators and targets are copied,
   * 年初预算数 and 全年预算数 start from its 年度资金申请总额, 预期目标 from its 年度总目标. One per project and year:
   * asking again returns the one that exists.
   */
  async createFromForm(formId: string): Promise<Evaluation> {
    const { user, db } = tenantScope();
    const form = await this.rows.sourceFormForShare(db, user.scope, formId);
    if (!form) throw new NotFoundException('绩效目标表不存在或无权访问');
    const existing = () => this.rows.idOfProjectYear(db, form.projectId, form.year);
    const found = await existing();
    if (found) return this.get(found);
    if (form.status !== 'finance_approved') throw new ConflictException('只有财政已审核的绩效目标表才能开展绩效自评');
    const policy = await this.policies.ensureStored(form.year);
    const created = await this.rows.insertFromForm(db, {
      tenantId: user.tenantId,
      formId,
      policyId: policy.id,
      userId: user.userId,
    });
    // Another request opened it meanwhile: answer theirs.
    if (!created) return this.get((await existing())!);
    await this.record(created, {
      kind: 'transition',
      action: null,
      from: null,
      to: 'draft',
      comment: `由第 ${form.revision} 版绩效目标表生成`,
      changes: null,
      rowVersion: 1,
    });
    await this.rescore(created);
    return this.get(created);
  }

  /** The year's current 评分规则 (what a 自评表 of that year is scored by). */
  policyOf(year: number): Promise<ScoringPolicyVersion> {
    return this.policies.current(year);
  }

  /** The 自评表 of a project's year, if any. */
  idOfForm(projectId: string, year: number): Promise<string | undefined> {
    const { db } = tenantScope();
    return this.rows.idOfProjectYear(db, projectId, year);
  }

  /**
   * 导入 of a past 自评表 (docs/domain.md §4.1) on the imported revision `formId`, already `finance_approved` in this
   * transaction: opened as any 自评表 is (its indicators copied from the revision), the sheet's amounts, 实际完成值,
   * 偏差原因 and printed scores written, a qualitative row's printed 得分 kept as its share of 分值, scored, one
   * `import` event, then made final — the lock triggers refuse rows added to a final 自评表, so it is locked last.
   */
  async createImported(formId: string, input: ImportedEvaluationInput): Promise<string> {
    const { user, db } = tenantScope();
    const form = await this.rows.sourceFormForShare(db, user.scope, formId);
    if (!form || form.status !== 'finance_approved') throw new ConflictException('导入的绩效目标表未就绪');
    if (await this.rows.idOfProjectYear(db, form.projectId, form.year))
      throw new ConflictException(`该项目 ${form.year} 年度已有自评表，已导入，不会改动`);
    const policy = await this.policies.ensureStored(form.year);
    const id = await this.rows.insertFromForm(db, {
      tenantId: user.tenantId,
      formId,
      policyId: policy.id,
      userId: user.userId,
    });
    if (!id) throw new ConflictException(`该项目 ${form.year} 年度已有自评表，已导入，不会改动`);
    // Each copied indicator takes the sheet row of the same 一级/二级/三级 (in order, for a name printed twice).
    const remaining = [...input.rows];
    const stored = await this.rows.indicators(db, id);
    const matched = stored.map((indicator) => {
      const at = remaining.findIndex(
        (r) =>
          r.level1Code === indicator.level1Code && r.level2Code === indicator.level2Code && r.name === indicator.name,
      );
      const row = at >= 0 ? remaining.splice(at, 1)[0] : null;
      const qualitative = isBandScored(storedTarget(indicator));
      return {
        id: indicator.id,
        actualValue: row?.actualValue ?? null,
        selfShare: qualitative ? printedShare(row?.score ?? null, indicator.weight) : null,
        selfBand: null,
        deviationReason: row?.deviationReason ?? null,
        printedScore: row?.score ?? null,
      };
    });
    await this.rows.updateUnitPart(
      db,
      id,
      {
        annualBudget: input.annualBudget,
        executedAmount: input.executedAmount,
        actualGoal: input.actualGoal,
        indicators: matched,
      },
      user.userId,
    );
    await this.rows.markImported(db, id, {
      ...input.printed,
      indicators: matched.map((m) => ({ id: m.id, score: m.printedScore })),
    });
    await this.rescore(id);
    const rowVersion = await this.rows.applyTransition(db, id, 'final', user.userId, false);
    await this.record(id, {
      kind: 'import',
      action: null,
      from: null,
      to: 'final',
      comment: '导入的历史自评表（未经系统审核流程）',
      changes: null,
      rowVersion,
    });
    return id;
  }

  /** The unit saves its part (amounts, 实际完成情况, each 实际完成值, qualitative share, 偏差原因) in one transaction. */
  async save(id: string, dto: SaveEvaluationDto): Promise<Evaluation> {
    const { user, db } = tenantScope();
    const current = await this.lock(id);
    if (current.rowVersion !== dto.rowVersion) throw staleRecordConflict(current, dto.rowVersion);
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
      if (row && (blankToNull(input.selfShare) || input.selfBand) && !isBandScored(storedTarget(row))) {
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
    const unitPart = (r: EvaluationIndicatorRow) => ({
      id: r.id,
      name: r.name,
      actualValue: r.actualValue,
      selfShare: r.selfShare,
      selfBand: r.selfBand,
      deviationReason: r.deviationReason,
    });
    const after = {
      annualBudget: moneyOrNull(dto.funds.annualBudget),
      executedAmount: moneyOrNull(dto.funds.executedAmount),
      actualGoal: blankToNull(dto.actualGoal),
      indicators: rows.map((r) => {
        const input = dto.indicators.find((x) => x.id === r.id);
        if (!input) return unitPart(r);
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
      annualBudget: current.annualBudget,
      executedAmount: current.executedAmount,
      actualGoal: current.actualGoal,
      indicators: rows.map(unitPart),
    };
    const changes = diffEvaluations(before, after, policy.policy.qualitativeBands);
    const rowVersion = await this.rows.updateUnitPart(db, id, after, user.userId);
    if (changes.length)
      await this.record(id, { kind: 'save', action: null, from: null, to: null, comment: null, changes, rowVersion });
    await this.rescore(id);
    return this.get(id);
  }

  /** Locks the evaluation in scope (404 outside it). */
  async lock(id: string): Promise<LockedEvaluationRow> {
    const { user, db } = tenantScope();
    const row = await this.rows.lockForUpdate(db, user.scope, id);
    if (!row) throw new NotFoundException('自评表不存在或无权访问');
    return row;
  }

  /** 404 unless the evaluation is in the caller's scope (without locking it). */
  async assertInScope(id: string): Promise<void> {
    const { user, db } = tenantScope();
    if (!(await this.rows.isInScope(db, user.scope, id))) throw new NotFoundException('自评表不存在或无权访问');
  }

  /** The indicators of an evaluation the caller has locked (`lock`) in this transaction. */
  indicatorRows(id: string): Promise<EvaluationIndicatorRow[]> {
    const { db } = tenantScope();
    return this.rows.indicators(db, id);
  }

  /**
   * Stores the scores of one evaluation (locked or created in scope by the caller) under the year's current
   * policy version, and points it at that version.
   */
  async rescore(id: string): Promise<void> {
    const { db } = tenantScope();
    const row = await this.rows.scoringRow(db, id);
    if (!row) throw new Error(`evaluation ${id} to score not found`);
    const policy = await this.policies.ensureStored(row.year);
    await this.rows.storeScores(db, scoreAll([row], policy.policy), policy.id);
  }

  /** Appends one history entry as the current user. */
  async record(evaluationId: string, e: EvaluationEvent): Promise<void> {
    const { user, db } = tenantScope();
    await this.historyRows.record(db, user, evaluationId, e);
  }
}

/** The 自评表 as the API answers it, scored by `policy` (pure: `get` and the bulk export build it alike). */
function toEvaluation(row: EvaluationRow, policy: ScoringPolicyVersion): Evaluation {
  const funds = fundsOf(row);
  const content = toContent(funds, row.actualGoal, row.indicators, row.labels);
  const scored = scoreEvaluationContent(content, policyFor(row, policy.policy));
  const label = (code: string) => row.labels?.[code] ?? code;
  return {
    id: row.id,
    formId: row.formId,
    formRevision: row.formRevision,
    year: row.year,
    status: row.status,
    rowVersion: row.rowVersion,
    projectId: row.projectId,
    projectCode: row.projectCode,
    projectName: row.projectName,
    organizationName: row.organizationName,
    printedDepartment: row.printedDepartment,
    printedImplementingUnit: row.printedImplementingUnit,
    funds,
    expectedGoal: row.expectedGoal,
    actualGoal: row.actualGoal,
    indicators: row.indicators.map((r, i) => ({
      id: r.id,
      level1Code: r.level1Code,
      level1Label: label(r.level1Code),
      level2Code: r.level2Code,
      level2Label: label(r.level2Code),
      name: r.name,
      rawTarget: r.rawValue,
      target: storedTarget(r),
      weight: r.weight,
      actualValue: r.actualValue,
      selfShare: r.selfShare,
      selfBand: r.selfBand,
      reviewerShare: r.reviewerShare,
      reviewerBand: r.reviewerBand,
      reviewerReason: r.reviewerReason,
      deviationReason: r.deviationReason,
      scored: scored.indicators[i],
      printedScore: r.printedScore,
    })),
    score: { budget: scored.budget, total: scored.total, grade: scored.grade },
    policy,
    issues: checkEvaluation(content, scored),
    imported: row.origin === 'imported' ? printedBeside(row, scored) : null,
    submittedBy: row.submittedBy,
    latestComment: row.latestComment,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedByName,
  };
}

/**
 * An imported past 自评表's printed scores beside the computed ones, and each one the arithmetic does not give
 * (docs/domain.md §4.1): 预算执行率, every indicator with a printed 得分, 总分.
 */
function printedBeside(row: EvaluationRow, scored: ReturnType<typeof scoreEvaluationContent>): Evaluation['imported'] {
  const items = [
    { indicatorId: null, name: '预算执行率', printed: row.printedBudgetScore, computed: scored.budget.score },
    ...row.indicators.map((r, i) => ({
      indicatorId: r.id,
      name: r.name,
      printed: r.printedScore,
      computed: scored.indicators[i].score,
    })),
    { indicatorId: null, name: '总分', printed: row.printedTotal, computed: scored.total },
  ];
  const differences = items.flatMap((item) => {
    const { difference } = compareScore(item.printed, item.computed);
    return difference !== null && Number(difference) !== 0 ? [{ ...item, printed: item.printed!, difference }] : [];
  });
  return {
    budgetWeight: row.printedBudgetWeight,
    budgetScore: row.printedBudgetScore,
    total: row.printedTotal,
    grade: row.printedGrade,
    differences,
  };
}

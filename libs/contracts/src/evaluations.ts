import type { FieldIssue } from './errors';
import type { EvaluationAction, EvaluationStatus, Role } from './labels';
import type { Money, ParsedTarget } from './forms';

/** 偏差/定性档次 code of the scoring policy's qualitative bands. */
export const QUALITATIVE_BAND_CODES = ['achieved', 'partly', 'missed'] as const;
export type QualitativeBandCode = (typeof QUALITATIVE_BAND_CODES)[number];

export interface QualitativeBand {
  code: QualitativeBandCode;
  label: string;
  /** Share of the indicator's 分值, decimal strings in [0, 1]. */
  min: string;
  max: string;
}

export interface GradeBand {
  grade: string;
  /** Lowest 总分 of the grade (inclusive). */
  min: string;
}

/** 评分规则: every number of the year-end scoring, per tenant and year (docs/domain.md §4). Decimal strings. */
export interface ScoringPolicy {
  /** 预算执行率 weight (10 in national practice). */
  budgetExecutionWeight: string;
  /** Weights per 一级指标 code (产出 50, 效益 30, 满意度 10). With the budget weight they add up to 100. */
  level1Weights: Record<string, string>;
  /** Where a missing level's weight goes (usually 满意度): split evenly among the levels present, or to one code. */
  missingLevel1: { code: string; moveTo: 'split_evenly' | string };
  /** Reverse indicators (≤, <) missing their target: A / B × 分值 ('ratio', default) or (1 − (B − A) / A) × 分值 ('linear'). */
  reverseFormula: 'ratio' | 'linear';
  qualitativeBands: QualitativeBand[];
  /** A 偏差原因 is required when B exceeds A by this ratio (e.g. '1.3'); null: never for over-shoot. */
  overshootRatio: string | null;
  /**
   * …and when B misses A so that the indicator earns less than this share of its 分值 ('1': any miss, the national
   * default; '0.9': misses within 10 % need none). Absent in versions saved before it existed: '1'.
   */
  missThreshold?: string;
  /** Decimals of each indicator's 得分 and of the 总分 (half-up). */
  indicatorDecimals: number;
  totalDecimals: number;
  grades: GradeBand[];
}

/** One stored version of a tenant's policy for a year. Versions never change; a change adds a version. */
export interface ScoringPolicyVersion {
  /** null for the built-in default when the admin has saved none. */
  id: string | null;
  year: number;
  version: number;
  policy: ScoringPolicy;
  createdAt: string | null;
  createdByName: string | null;
  /** How many final evaluations are scored by this version (they keep it for good). */
  finalEvaluations: number;
}

/** PUT /api/scoring-policies/:year */
export interface SaveScoringPolicyRequest {
  policy: ScoringPolicy;
  /** The version the admin edited; a newer one saved meanwhile is a 409. Omit for the first. */
  baseVersion?: number | null;
}

/** superseded: a newer policy version was saved while it ran; that version's job finishes the work. */
export type ScoringJobStatus = 'queued' | 'running' | 'done' | 'failed' | 'superseded';

/** 重新评分: a background job re-scores every evaluation of the year that is not final. */
export interface ScoringJob {
  id: string;
  year: number;
  policyVersion: number;
  status: ScoringJobStatus;
  total: number;
  done: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface SaveScoringPolicyResponse {
  version: ScoringPolicyVersion;
  job: ScoringJob;
}

/** One indicator's score with the rule that produced it, so a reviewer can check the arithmetic. */
export interface IndicatorScore {
  /** 分值 applied (explicit on the form, or the level's weight split). */
  weight: string;
  score: string;
  /** The arithmetic, for whoever checks it: `反向：A / B × 分值 = 90 / 100 × 5`. */
  rule: string;
  /** The same in the words a filer uses: `实际值 100 超出目标 90，按目标与实际之比 90% 得分`. */
  note: string;
  /** The actual value in the target's unit when it was typed in another (e.g. `0.5万元` → `5000元`). */
  actualInTargetUnit: string | null;
  /** A 偏差原因 is required (missed, or over-shot beyond the policy's ratio)… */
  needsReason: boolean;
  /** …and none is given. */
  reasonMissing: boolean;
  /** Why the indicator cannot be scored yet (wrong kind of value, unit that does not convert, no band chosen). */
  error: string | null;
}

export interface EvaluationIndicator {
  id: string;
  level1Code: string;
  level1Label: string;
  level2Code: string;
  level2Label: string;
  /** 三级指标 */
  name: string;
  /** 年度指标值 (A) as printed on the approved form, and its reading. */
  rawTarget: string;
  target: ParsedTarget;
  /** 分值 from the form, if it set one. */
  weight: string | null;
  /** 实际完成值 (B) as typed. */
  actualValue: string | null;
  /** Qualitative: the unit's own share of 分值 (decimal in [0, 1]) inside the band it picked (完成档次). */
  selfShare: string | null;
  /**
   * The band picked, kept as picked: bands share their edges (80 % is both 达成 and 部分达成), so the share alone
   * cannot tell. null: none picked, or a share saved before bands were kept (read as the first band that holds it).
   */
  selfBand: QualitativeBandCode | null;
  /** 复核: the reviewer's share and band, replacing the unit's, and why. */
  reviewerShare: string | null;
  reviewerBand: QualitativeBandCode | null;
  reviewerReason: string | null;
  /** 偏差原因分析及改进措施 */
  deviationReason: string | null;
  scored: IndicatorScore;
}

export interface EvaluationFunds {
  /** 年初预算数: the approved form's 年度资金申请总额. */
  initialBudget: Money | null;
  /** 全年预算数: after the year's adjustments. */
  annualBudget: Money | null;
  /** 全年执行数 */
  executedAmount: Money | null;
}

export interface EvaluationScore {
  /** 预算执行率: `rule` is the arithmetic, `note` the words (`执行率 93.68%（执行 200,000.00 元 / 预算 213,500.00 元）`). */
  budget: { weight: string; rate: string | null; score: string; rule: string; note: string };
  total: string;
  grade: string;
}

/** 财政项目支出绩效自评表 */
export interface Evaluation {
  id: string;
  formId: string;
  formRevision: number;
  year: number;
  status: EvaluationStatus;
  rowVersion: number;
  projectId: string;
  projectCode: string;
  projectName: string;
  organizationName: string;
  printedDepartment: string | null;
  printedImplementingUnit: string | null;
  funds: EvaluationFunds;
  /** 年度总体目标: 预期目标 (from the form) and 实际完成情况. */
  expectedGoal: string | null;
  actualGoal: string | null;
  indicators: EvaluationIndicator[];
  score: EvaluationScore;
  /** The policy version that scored it (a final evaluation keeps its version for good). */
  policy: ScoringPolicyVersion;
  /** Checks that block submission (missing values, reasons, bands). */
  issues: FieldIssue[];
  submittedBy: string | null;
  latestComment: { action: EvaluationAction; comment: string; actorName: string; at: string } | null;
  updatedAt: string;
  updatedBy: string | null;
}

/** PUT /api/evaluations/:id — the unit's whole self-evaluation, in one transaction. */
export interface SaveEvaluationRequest {
  rowVersion: number;
  funds: { annualBudget: Money | null; executedAmount: Money | null };
  actualGoal: string | null;
  indicators: {
    id: string;
    actualValue: string | null;
    selfShare: string | null;
    /** 完成档次 picked (qualitative). Omitted: the first band of the policy that holds `selfShare`. */
    selfBand?: QualitativeBandCode | null;
    deviationReason: string | null;
  }[];
}

/** 复核 adjustment of a qualitative indicator's share; the reviewer must say why. */
export interface ReviewerAdjustment {
  indicatorId: string;
  /** null removes an earlier adjustment. */
  share: string | null;
  /** 完成档次 the reviewer picked; omitted: the first band of the policy that holds `share`. */
  band?: QualitativeBandCode | null;
  reason: string | null;
}

/** POST /api/evaluations/:id/transitions */
export interface EvaluationTransitionRequest {
  action: EvaluationAction;
  comment?: string | null;
  /** With 复核 only. */
  adjustments?: ReviewerAdjustment[];
  rowVersion: number;
}

export interface EvaluationHistoryEntry {
  id: string;
  kind: 'transition' | 'save';
  action: EvaluationAction | null;
  fromStatus: EvaluationStatus | null;
  toStatus: EvaluationStatus | null;
  actorName: string;
  actorRoles: Role[];
  actorOrganizationName: string;
  comment: string | null;
  /** Saves and 复核: what changed (field label, before, after). */
  changes: { field: string; label: string; before: string | null; after: string | null }[] | null;
  rowVersion: number;
  at: string;
}

/** GET /api/evaluations — a row per evaluation in scope. */
export interface EvaluationSummary {
  id: string;
  formId: string;
  year: number;
  status: EvaluationStatus;
  rowVersion: number;
  projectCode: string;
  projectName: string;
  organizationName: string;
  total: string | null;
  grade: string | null;
  policyVersion: number;
  updatedAt: string;
}

export interface EvaluationListResponse {
  items: EvaluationSummary[];
  total: number;
}

/** Why a 自评表 waits on someone: the unit has an approved form to evaluate, or one returned; the reviewer has one to 复核 or to 定稿. */
export type EvaluationInboxReason = 'to_evaluate' | 'returned' | 'to_review' | 'to_finalise';

export interface EvaluationInboxItem {
  /** null for `to_evaluate`: the 自评表 is not opened yet (POST /api/forms/:formId/evaluation opens it). */
  evaluationId: string | null;
  formId: string;
  projectCode: string;
  projectName: string;
  organizationName: string;
  year: number;
  status: EvaluationStatus | null;
  reason: EvaluationInboxReason;
  /** When it entered its current state. */
  since: string;
  lastComment: string | null;
}

/** GET /api/evaluation-inbox — the 绩效自评 part of 待办. */
export interface EvaluationInboxResponse {
  items: EvaluationInboxItem[];
  counts: Record<EvaluationInboxReason, number>;
  total: number;
}

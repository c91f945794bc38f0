import type { FieldIssue } from './errors';
import type { FormStatus, ReviewResult } from './labels';
import type { FormRevisionSummary, LatestReview, SubmissionFiler } from './workflow';
import type { Project, ProjectHeader } from './projects';

/** Money is a decimal string of yuan with two decimals (`"18963662.79"`), never a float. */
export type Money = string;

/** 项目资金（元）: left column is the project's whole life, right column this year. */
export interface Funds {
  totalAmount: Money | null; // 项目资金总额
  fiscalAmount: Money | null; // 其中：财政资金
  otherAmount: Money | null; // 其他资金 (whole life)
  annualAmount: Money | null; // 年度资金申请总额
  annualFiscalAmount: Money | null; // 其中：当年财政拨款
  carryOverAmount: Money | null; // 上年结转资金
  annualOtherAmount: Money | null; // 其他资金 (this year)
}

export type ComparisonOperator = 'eq' | 'gte' | 'gt' | 'lte' | 'lt';

/** A 年度指标值 read by the value grammar of libs/domain. The raw text is kept beside it, unchanged. */
export type ParsedTarget =
  | {
      kind: 'quantitative';
      operator: ComparisonOperator;
      /** Decimal string, e.g. `"90"`, `"0.5"`, `"1000"`. */
      value: string;
      /** Canonical unit (`%`, `次`, `个`, `万元`, `小时`, `天` …) or null when none was written. */
      unit: string | null;
    }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'qualitative'; text: string }
  /**
   * Text that starts like a quantity (a comparison sign, or a number) but is not one: `≥abc%`, `≤%`,
   * `≥ 98 %%`, `80-90%`. Kept exactly as typed; a draft may be saved with it, 提交 is refused.
   */
  | { kind: 'invalid'; text: string }
  | { kind: 'empty' };

export interface TargetReading {
  target: ParsedTarget;
  /**
   * What a person should know about the reading, shown beside the value: why an `invalid` target is not a
   * number (it blocks 提交), that unrecognised text was kept as qualitative, or that the value is empty.
   */
  warning: string | null;
}

export interface IndicatorInput {
  id?: string;
  /** 三级指标 name */
  name: string;
  /** 年度指标值 as typed */
  rawValue: string;
  /** 分值, decimal string */
  weight?: string | null;
  scoringNotes?: string | null; // 评分细则
  explanation?: string | null; // 指标解释
  remark?: string | null; // 备注
}

export interface Indicator extends Required<IndicatorInput>, TargetReading {
  id: string;
}

export interface Level2GroupInput<I = IndicatorInput> {
  /** 二级指标 code from the tenant taxonomy, e.g. `quantity`. */
  code: string;
  indicators: I[];
}

export interface Level1GroupInput<I = IndicatorInput> {
  /** 一级指标 code, e.g. `output`. */
  code: string;
  children: Level2GroupInput<I>[];
}

export interface Level2Group extends Level2GroupInput<Indicator> {
  label: string;
}

export interface Level1Group {
  code: string;
  label: string;
  children: Level2Group[];
}

export interface IndicatorSetsInput {
  year: Level1GroupInput[];
  /** The optional 长期绩效指标 set; null when the form has none. */
  longTerm: Level1GroupInput[] | null;
}

export interface IndicatorSets {
  year: Level1Group[];
  longTerm: Level1Group[] | null;
}

export interface GoalFormContent {
  funds: Funds;
  /** 项目总目标 (whole period) */
  totalGoal: string | null;
  /** 年度总目标 (this year) */
  annualGoal: string | null;
  /** The years printed under 项目总目标, e.g. （2021 年- 2021年）; kept as printed, apart from the planned dates. */
  goalPeriodStart: number | null;
  goalPeriodEnd: number | null;
}

/**
 * The project as one revision prints it. The header belongs to the revision (a later year or an 调整 draft has its
 * own); only `id`, `code` and `organizationId` are the project's identity, shared by its revisions.
 */
export interface FormProject extends Project {
  /** 项目类别 and 功能分类科目 as printed: the code lists' labels, kept as they read when the form was locked. */
  categoryLabel: string | null;
  functionClassLabel: string | null;
}

/** The revision a next year's form was carried forward from (延续). */
export interface CarriedFrom {
  formId: string;
  year: number;
  revision: number;
  status: FormStatus;
}

export interface GoalForm extends GoalFormContent {
  id: string;
  year: number;
  revision: number;
  status: FormStatus;
  /** Optimistic-lock counter: send it back with a save; a stale one is a 409. */
  rowVersion: number;
  /** True once finance approved or rejected it: its content never changes again (the database refuses). */
  locked: boolean;
  project: FormProject;
  /** Where this year's form started from, when it was carried forward from an earlier year. */
  carriedFrom: CarriedFrom | null;
  indicators: IndicatorSets;
  /** Checks of docs/domain.md §2–§3 that do not block saving (blank printed fields, sums that disagree …). */
  issues: FieldIssue[];
  updatedAt: string;
  updatedBy: string | null;
  /** Who submitted it last: nobody approves their own submission. */
  submittedBy: string | null;
  /** Finance's 审核结果 and 审核意见, once given. */
  reviewResult: ReviewResult | null;
  reviewComment: string | null;
  /** The newest comment of a reviewer in the current round (since the last 提交): why it was returned, … */
  latestReview: LatestReview | null;
  /** The 提交 this revision stands on (its latest, unless withdrawn since): printed in the footer. Null for a draft. */
  submission: FormSubmission | null;
  /** Every revision of this project's form for the year, newest first (调整 adds one). */
  revisions: FormRevisionSummary[];
  /** The year-end 自评表 opened from this (finance-approved) form, if any. */
  evaluationId: string | null;
}

/** A form's 提交 as printed in its footer: 填报人, 联系电话 and 填报日期 (the day of `submittedAt`). */
export interface FormSubmission extends SubmissionFiler {
  /** When it was submitted (ISO time); 填报日期 is its date in China time. */
  submittedAt: string;
}

/** PUT /api/forms/:id — the whole form, saved in one transaction. */
export interface SaveFormRequest extends GoalFormContent {
  rowVersion: number;
  project: ProjectHeader;
  indicators: IndicatorSetsInput;
}

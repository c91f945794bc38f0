import type { GradeBand, ScoringPolicy } from '@jxt/contracts';
import { isPlainDecimal, percentToShare, shareToPercent, validatePolicy, weightSumProblem } from '@jxt/domain';

/** The three 一级指标 of the national template, by the taxonomy's stable codes. */
export const LEVEL1_CODES = ['output', 'benefit', 'satisfaction'] as const;
export const LEVEL1_LABELS: Record<(typeof LEVEL1_CODES)[number], string> = {
  output: '产出指标',
  benefit: '效益指标',
  satisfaction: '满意度指标',
};
export const MOVE_TO_LABELS: Record<string, string> = {
  split_evenly: '平均分配',
  output: '移至产出',
  benefit: '移至效益',
};

/**
 * 评分规则 as the admin edits it: every number as typed, shares and ratios in percent (80, 130).
 * `toPolicy` turns it back into the policy the API stores (decimal strings, shares in [0, 1]).
 */
export interface PolicyFormState {
  budgetExecutionWeight: string;
  level1Weights: Record<string, string>;
  missingLevel1: ScoringPolicy['missingLevel1'];
  reverseFormula: ScoringPolicy['reverseFormula'];
  /** min/max in percent. */
  qualitativeBands: ScoringPolicy['qualitativeBands'];
  /** Percent (130); blank for none. */
  overshootPercent: string;
  /** Percent of 分值 below which a miss needs a 偏差原因 (100: any miss). */
  missPercent: string;
  indicatorDecimals: number;
  totalDecimals: number;
  grades: GradeBand[];
}

export function toFormState(policy: ScoringPolicy): PolicyFormState {
  return {
    budgetExecutionWeight: policy.budgetExecutionWeight,
    level1Weights: { ...Object.fromEntries(LEVEL1_CODES.map((code) => [code, '0'])), ...policy.level1Weights },
    missingLevel1: policy.missingLevel1,
    reverseFormula: policy.reverseFormula,
    qualitativeBands: policy.qualitativeBands.map((band) => ({
      ...band,
      min: shareToPercent(band.min) ?? band.min,
      max: shareToPercent(band.max) ?? band.max,
    })),
    overshootPercent: shareToPercent(policy.overshootRatio) ?? '',
    missPercent: shareToPercent(policy.missThreshold ?? '1') ?? '100',
    indicatorDecimals: policy.indicatorDecimals,
    totalDecimals: policy.totalDecimals,
    grades: policy.grades.map((grade) => ({ ...grade })),
  };
}

export type PolicyResult = { ok: true; policy: ScoringPolicy } | { ok: false; message: string };

/** The policy of the form, or the first thing wrong with it: an unreadable number, then validatePolicy's verdict. */
export function toPolicy(state: PolicyFormState): PolicyResult {
  const numbers: [string, string][] = [
    ['预算执行率权重', state.budgetExecutionWeight],
    ...Object.entries(state.level1Weights).map(([code, weight]): [string, string] => [
      `${LEVEL1_LABELS[code as keyof typeof LEVEL1_LABELS] ?? code}权重`,
      weight,
    ]),
    ...state.qualitativeBands.flatMap((band): [string, string][] => [
      [`“${band.label}”下限`, band.min],
      [`“${band.label}”上限`, band.max],
    ]),
    ...state.grades.map((grade): [string, string] => [`等级“${grade.grade}”的最低分`, grade.min]),
  ];
  if (state.overshootPercent.trim()) numbers.push(['超出目标比例', state.overshootPercent]);
  numbers.push(['未达标比例', state.missPercent]);
  for (const [label, value] of numbers) if (!isPlainDecimal(value)) return { ok: false, message: `${label}应为数字` };
  if (state.grades.some((grade) => !grade.grade.trim())) return { ok: false, message: '请填写等级名称' };
  const policy: ScoringPolicy = {
    budgetExecutionWeight: state.budgetExecutionWeight.trim(),
    level1Weights: Object.fromEntries(
      Object.entries(state.level1Weights).map(([code, weight]) => [code, weight.trim()]),
    ),
    missingLevel1: state.missingLevel1,
    reverseFormula: state.reverseFormula,
    qualitativeBands: state.qualitativeBands.map((band) => ({
      ...band,
      min: percentToShare(band.min)!,
      max: percentToShare(band.max)!,
    })),
    overshootRatio: state.overshootPercent.trim() ? percentToShare(state.overshootPercent) : null,
    missThreshold: percentToShare(state.missPercent)!,
    indicatorDecimals: state.indicatorDecimals,
    totalDecimals: state.totalDecimals,
    grades: state.grades.map((grade) => ({ grade: grade.grade.trim(), min: grade.min.trim() })),
  };
  const check = validatePolicy(policy);
  return check.ok ? { ok: true, policy } : check;
}

/** The weights' own problem, shown at the weights: the sum when every weight is a number and it is not 100. */
export function weightsProblem(state: PolicyFormState): string | null {
  const weights = [state.budgetExecutionWeight, ...Object.values(state.level1Weights)];
  if (!weights.every(isPlainDecimal)) return null;
  return weightSumProblem({
    budgetExecutionWeight: state.budgetExecutionWeight.trim(),
    level1Weights: Object.fromEntries(Object.entries(state.level1Weights).map(([c, w]) => [c, w.trim()])),
  });
}

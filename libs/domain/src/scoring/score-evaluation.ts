import type { EvaluationScore, IndicatorScore, ParsedTarget, QualitativeBandCode } from '@jxt/contracts';
import { formatYuan } from '../money/format-money';
import { MoneyDecimal as D } from '../money/money-decimal';
import { readTarget } from '../value-grammar';
import type { ScoringPolicy } from './scoring-policy';
import { chosenBand } from './shares';
import { convertUnit } from './units';

type Decimal = InstanceType<typeof D>;

export interface IndicatorToScore {
  level1Code: string;
  target: ParsedTarget;
  /** 实际完成值 as typed. */
  actual: string;
  /** 分值 set on the form; when absent the level-1 weight is split among the level's indicators. */
  weight?: string | null;
  /** Qualitative: the share of 分值 the unit gives itself (decimal string in [0, 1]), inside the band it picked… */
  selfShare?: string | null;
  /** …and that band (完成档次). Absent: the first band listed that holds the share. */
  selfBand?: QualitativeBandCode | null;
  /** Qualitative: the reviewer's share at 复核, replacing the unit's, inside the band the reviewer picked. */
  reviewerShare?: string | null;
  reviewerBand?: QualitativeBandCode | null;
  /** 偏差原因分析及改进措施 as typed. */
  deviationReason?: string | null;
}

export interface EvaluationToScore {
  /** 全年预算数 and 全年执行数 (yuan). */
  budgetAmount: string | null;
  executedAmount: string | null;
  indicators: IndicatorToScore[];
}

/** One indicator's 得分 with the rule that produced it and the numbers used (the API's `IndicatorScore`). */
export type ScoredIndicator = IndicatorScore;

export interface ScoredEvaluation {
  budget: EvaluationScore['budget'];
  indicators: ScoredIndicator[];
  total: string;
  grade: string;
}

export type PolicyCheck = { ok: true } | { ok: false; message: string };

/** Why the weights (预算执行率 + every 一级指标, decimal strings) do not add up to 100, or null when they do. */
export function weightSumProblem(
  policy: Pick<ScoringPolicy, 'budgetExecutionWeight' | 'level1Weights'>,
): string | null {
  const sum = Object.values(policy.level1Weights).reduce((acc, w) => acc.plus(w), new D(policy.budgetExecutionWeight));
  return sum.equals(100) ? null : `权重合计应为 100，现为 ${sum.toString()}`;
}

/** Weights that do not add up to 100 (budget + every 一级指标) are refused, as are bands outside [0, 1]. */
export function validatePolicy(policy: ScoringPolicy): PolicyCheck {
  const weights = weightSumProblem(policy);
  if (weights) return { ok: false, message: weights };
  for (const band of policy.qualitativeBands) {
    if (new D(band.min).lt(0) || new D(band.max).gt(1) || new D(band.min).gt(band.max))
      return { ok: false, message: `定性档次“${band.label}”的区间无效` };
  }
  if (![0, 1, 2].includes(policy.indicatorDecimals) || ![0, 1, 2].includes(policy.totalDecimals))
    return { ok: false, message: '小数位只能是 0、1 或 2' };
  if (policy.overshootRatio !== null && new D(policy.overshootRatio).lte(1))
    return { ok: false, message: '超出目标比例应大于 100%' };
  // Every total needs a grade: the lowest band starts at 0.
  if (!policy.grades.some((g) => new D(g.min).isZero()))
    return { ok: false, message: '最低一档等级的分数线应为 0，使每个总分都有等级' };
  if (policy.missThreshold !== undefined && (new D(policy.missThreshold).lt(0) || new D(policy.missThreshold).gt(1))) {
    return { ok: false, message: '未达标比例应在 0% 到 100% 之间' };
  }
  return { ok: true };
}

const round = (value: Decimal, decimals: number) => value.toDecimalPlaces(decimals, D.ROUND_HALF_UP);
const fixed = (value: Decimal, decimals: number) => round(value, decimals).toFixed(decimals);

/**
 * Each indicator's 分值: explicit weights as given; otherwise the level-1 weight split evenly, with the
 * rounding remainder handed out (largest remainder) so the level adds up exactly. A level the form does not
 * have (usually 满意度) moves its weight as the policy says.
 */
export function indicatorWeights(indicators: IndicatorToScore[], policy: ScoringPolicy): string[] {
  const decimals = policy.indicatorDecimals;
  const levels = new Map<string, number[]>();
  indicators.forEach((indicator, index) =>
    levels.set(indicator.level1Code, [...(levels.get(indicator.level1Code) ?? []), index]),
  );
  const levelWeight = new Map<string, Decimal>(
    Object.entries(policy.level1Weights).map(([code, w]) => [code, new D(w)]),
  );
  for (const [code, weight] of [...levelWeight]) {
    if (levels.has(code) || weight.isZero()) continue;
    const present = [...levelWeight.keys()].filter((c) => levels.has(c));
    if (!present.length) continue;
    levelWeight.set(code, new D(0));
    const targets =
      policy.missingLevel1.code === code &&
      policy.missingLevel1.moveTo !== 'split_evenly' &&
      levels.has(policy.missingLevel1.moveTo)
        ? [policy.missingLevel1.moveTo]
        : present;
    const share = weight.dividedBy(targets.length);
    targets.forEach((t) => levelWeight.set(t, levelWeight.get(t)!.plus(share)));
  }
  const weights: string[] = indicators.map(() => '0');
  for (const [code, members] of levels) {
    const explicit = members.filter((i) => indicators[i].weight);
    if (explicit.length === members.length) {
      members.forEach((i) => (weights[i] = new D(indicators[i].weight!).toFixed(decimals)));
      continue;
    }
    const total = (levelWeight.get(code) ?? new D(0)).minus(
      explicit.reduce((acc, i) => acc.plus(indicators[i].weight!), new D(0)),
    );
    explicit.forEach((i) => (weights[i] = new D(indicators[i].weight!).toFixed(decimals)));
    const open = members.filter((i) => !indicators[i].weight);
    const unit = new D(10).pow(-decimals);
    const exact = total.dividedBy(open.length);
    const floor = exact.toDecimalPlaces(decimals, D.ROUND_DOWN);
    let remainder = total.minus(floor.times(open.length)).dividedBy(unit).round().toNumber();
    open.forEach((i) => {
      weights[i] = (remainder-- > 0 ? floor.plus(unit) : floor).toFixed(decimals);
    });
  }
  return weights;
}

/**
 * Qualitative (and blank) targets are scored by a share of 分值 inside a band; the rest by a formula. An `invalid`
 * target cannot pass 提交, so no approved form should carry one; if one does (read by an older grammar), a reviewer
 * grades it like qualitative text rather than the 自评表 being stuck on a value nobody can change there.
 */
export function isBandScored(
  target: ParsedTarget,
): target is Extract<ParsedTarget, { kind: 'qualitative' | 'empty' | 'invalid' }> {
  return target.kind === 'qualitative' || target.kind === 'empty' || target.kind === 'invalid';
}

/** A share or ratio as a percent for a note: `0.6667` → `66.67`. */
const percentOf = (ratio: Decimal) => ratio.times(100).toDecimalPlaces(2, D.ROUND_HALF_UP).toString();

const MONEY_UNITS = new Set(['元', '万元', '亿元']);

/** A value with its unit as a note prints it: `95%`, `5小时`, money with thousands separators (`1,200,000元`). */
function quantityText(value: Decimal, unit: string | null): string {
  const text = value.toString();
  if (!unit || !MONEY_UNITS.has(unit)) return `${text}${unit ?? ''}`;
  const [integer, decimals] = text.split('.');
  return `${integer.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${decimals ? `.${decimals}` : ''}${unit}`;
}

/**
 * One indicator's 得分 with its `rule` (the arithmetic, for whoever checks it) and its `note` (the same in the words a
 * filer uses: "实际值 95% 达到目标 90%，得满分"). Pure: the same input always gives the same output.
 */
export function scoreIndicator(indicator: IndicatorToScore, weight: string, policy: ScoringPolicy): ScoredIndicator {
  const w = new D(weight);
  const result = (
    score: Decimal,
    rule: string,
    note: string,
    extra: Partial<ScoredIndicator> = {},
  ): ScoredIndicator => ({
    weight,
    score: fixed(D.max(0, D.min(score, w)), policy.indicatorDecimals),
    rule,
    note,
    actualInTargetUnit: null,
    needsReason: false,
    reasonMissing: false,
    error: null,
    ...extra,
  });
  const withReason = (r: ScoredIndicator, needs: boolean): ScoredIndicator => ({
    ...r,
    needsReason: needs,
    reasonMissing: needs && !indicator.deviationReason?.trim(),
  });
  const target = indicator.target;
  // A miss needs a 偏差原因 when the indicator earns less than the policy's share of its 分值 (any miss by default).
  const missed = (earned: Decimal) => earned.lt(policy.missThreshold ?? '1');

  if (isBandScored(target)) {
    const reviewed = Boolean(indicator.reviewerShare);
    const chosen = reviewed ? indicator.reviewerShare : indicator.selfShare;
    if (!chosen) {
      const picked = reviewed ? indicator.reviewerBand : indicator.selfBand;
      return result(new D(0), '定性指标：尚未评定档次', picked ? '尚未填写得分比例' : '尚未选择完成档次', {
        error: picked ? '请填写得分比例' : '请选择完成档次并给分',
      });
    }
    const choice = chosenBand(chosen, reviewed ? indicator.reviewerBand : indicator.selfBand, policy.qualitativeBands);
    if (!choice.ok)
      return result(new D(0), '定性指标：得分比例不在所选档次内', '得分比例不在所选档次内', { error: choice.message });
    const share = new D(chosen);
    const by = reviewed ? '复核' : '自评';
    // The unit explains a band below 达成 it chose itself; a reviewer who lowers the score gives their own reason.
    const self = indicator.selfShare
      ? chosenBand(indicator.selfShare, indicator.selfBand, policy.qualitativeBands)
      : choice;
    return withReason(
      result(
        w.times(share),
        `定性（${by}）：${choice.band.label} ${share.times(100).toString()}% × ${weight}`,
        `${by}：${choice.band.label}，得分值的 ${percentOf(share)}%`,
      ),
      !self.ok || self.band.code !== 'achieved',
    );
  }
  const actual = readTarget(indicator.actual).target;
  if (target.kind === 'boolean') {
    if (actual.kind !== 'boolean')
      return result(new D(0), '是否类指标：实际完成值应为“是”或“否”', '实际完成值应为“是”或“否”', {
        error: '请填写“是”或“否”',
      });
    const hit = actual.value === target.value;
    const said = `目标“${target.value ? '是' : '否'}”，实际“${actual.value ? '是' : '否'}”`;
    return withReason(
      result(
        hit ? w : new D(0),
        `是否类：${said} → ${hit ? weight : '0'}`,
        hit ? `${said}，得满分` : `${said}，未达成，得 0 分`,
      ),
      !hit && missed(new D(0)),
    );
  }

  if (actual.kind !== 'quantitative') {
    return result(new D(0), '定量指标：实际完成值应为数值', '实际完成值应为数值', {
      error: `请填写数值${target.unit ? `（单位：${target.unit}）` : ''}`,
    });
  }
  // A bare number is read in the target's unit (`95` against `≥90%` is 95 %).
  const actualUnit = actual.unit ?? target.unit;
  const converted = convertUnit(actual.value, actualUnit, target.unit);
  if (!converted.ok)
    return result(new D(0), '定量指标：单位不一致', '实际完成值的单位与年度指标值不一致', { error: converted.message });
  const A = new D(target.value);
  const B = new D(converted.value);
  const inTargetUnit = actualUnit !== target.unit ? `${converted.value}${target.unit ?? ''}` : null;
  const extra = { actualInTargetUnit: inTargetUnit };
  const overshoot = policy.overshootRatio !== null && A.gt(0) && B.gt(A.times(policy.overshootRatio));
  const a = quantityText(A, target.unit);
  const b = quantityText(B, target.unit);
  const byRatio = (verb: string) =>
    `实际值 ${b} ${verb}目标 ${a}（完成 ${percentOf(B.dividedBy(A))}%），按完成比例得分`;

  switch (target.operator) {
    case 'gte':
    case 'gt': {
      const gte = target.operator === 'gte';
      const hit = gte ? B.gte(A) : B.gt(A);
      if (hit)
        return withReason(
          result(
            w,
            `正向：B=${B} ${gte ? '≥' : '>'} A=${A} → ${weight}`,
            `实际值 ${b} ${gte ? '达到' : '超过'}目标 ${a}，得满分`,
            extra,
          ),
          overshoot,
        );
      if (A.isZero())
        return withReason(
          result(new D(0), `正向：A=0，B=${B} 未达标 → 0`, `目标为 0，实际值 ${b} 未达到，得 0 分`, extra),
          missed(new D(0)),
        );
      return withReason(
        result(
          B.dividedBy(A).times(w),
          `正向：B / A × 分值 = ${B} / ${A} × ${weight}`,
          byRatio(gte ? '未达到' : '未超过'),
          extra,
        ),
        missed(B.dividedBy(A)),
      );
    }
    case 'lte':
    case 'lt': {
      const lte = target.operator === 'lte';
      const hit = lte ? B.lte(A) : B.lt(A);
      if (hit)
        return withReason(
          result(
            w,
            `反向：B=${B} ${lte ? '≤' : '<'} A=${A} → ${weight}`,
            `实际值 ${b} ${lte ? '不超过' : '低于'}目标 ${a}，得满分`,
            extra,
          ),
          false,
        );
      if (A.isZero())
        return withReason(
          result(new D(0), `反向：A=0，B=${B} 超出 → 0`, `目标为 0，实际值 ${b} 超出，得 0 分`, extra),
          missed(new D(0)),
        );
      if (policy.reverseFormula === 'ratio') {
        return withReason(
          result(
            A.dividedBy(B).times(w),
            `反向：A / B × 分值 = ${A} / ${B} × ${weight}`,
            `实际值 ${b} 超出目标 ${a}，按目标与实际之比 ${percentOf(A.dividedBy(B))}% 得分`,
            extra,
          ),
          missed(A.dividedBy(B)),
        );
      }
      const share = D.max(0, new D(1).minus(B.minus(A).dividedBy(A)));
      const twice = B.gte(A.times(2));
      const note = twice
        ? `实际值 ${b} 达到目标 ${a} 的两倍及以上，得 0 分`
        : `实际值 ${b} 超出目标 ${a} ${percentOf(B.minus(A).dividedBy(A))}%，按 ${percentOf(share)}% 得分`;
      return withReason(
        result(
          share.times(w),
          `反向：(1 − (B − A) / A) × 分值 = (1 − (${B} − ${A}) / ${A}) × ${weight}${twice ? '（B ≥ 2A，得 0）' : ''}`,
          note,
          extra,
        ),
        missed(share),
      );
    }
    case 'eq': {
      if (A.isZero()) {
        const hit = B.lte(0);
        const rule = `等于：A=0，${hit ? `B=${B} ≤ 0 → ${weight}` : `B=${B} > 0 → 0`}`;
        return withReason(
          result(
            hit ? w : new D(0),
            rule,
            hit ? `目标为 0，实际值 ${b}，得满分` : `目标为 0，实际值 ${b} 超出，得 0 分`,
            extra,
          ),
          !hit && missed(new D(0)),
        );
      }
      if (B.gte(A))
        return withReason(
          result(w, `等于（按正向）：B=${B} ≥ A=${A} → ${weight}`, `实际值 ${b} 达到目标 ${a}，得满分`, extra),
          overshoot,
        );
      return withReason(
        result(
          B.dividedBy(A).times(w),
          `等于（按正向）：B / A × 分值 = ${B} / ${A} × ${weight}`,
          byRatio('未达到'),
          extra,
        ),
        missed(B.dividedBy(A)),
      );
    }
  }
}

/** The whole 自评表: 预算执行率, each indicator, 总分 and grade (docs/domain.md §4 under the given policy). */
export function scoreEvaluation(evaluation: EvaluationToScore, policy: ScoringPolicy): ScoredEvaluation {
  const budgetWeight = new D(policy.budgetExecutionWeight);
  let budget: ScoredEvaluation['budget'];
  if (!evaluation.budgetAmount || !evaluation.executedAmount || new D(evaluation.budgetAmount).isZero()) {
    budget = {
      weight: policy.budgetExecutionWeight,
      rate: null,
      score: fixed(new D(0), policy.indicatorDecimals),
      rule: '预算执行率：缺少全年预算数或全年执行数',
      note: '缺少全年预算数或全年执行数',
    };
  } else {
    const rate = new D(evaluation.executedAmount).dividedBy(evaluation.budgetAmount);
    const capped = D.min(rate, 1);
    budget = {
      weight: policy.budgetExecutionWeight,
      rate: fixed(rate.times(100), 2),
      score: fixed(capped.times(budgetWeight), policy.indicatorDecimals),
      rule: `预算执行率：min(${evaluation.executedAmount} / ${evaluation.budgetAmount}, 1) × ${policy.budgetExecutionWeight}`,
      note: `执行率 ${fixed(rate.times(100), 2)}%（执行 ${formatYuan(evaluation.executedAmount)} 元 / 预算 ${formatYuan(evaluation.budgetAmount)} 元）${rate.gt(1) ? '，超过 100% 按 100% 计分' : ''}`,
    };
  }
  const weights = indicatorWeights(evaluation.indicators, policy);
  const indicators = evaluation.indicators.map((indicator, i) => scoreIndicator(indicator, weights[i], policy));
  const sum = indicators.reduce((acc, s) => acc.plus(s.score), new D(budget.score));
  const total = fixed(sum, policy.totalDecimals);
  const grade =
    [...policy.grades].sort((a, b) => new D(b.min).comparedTo(a.min)).find((g) => new D(total).gte(g.min))?.grade ?? '';
  return { budget, indicators, total, grade };
}

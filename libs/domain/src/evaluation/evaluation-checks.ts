import type { EvaluationFunds, FieldIssue, ParsedTarget, QualitativeBandCode } from '@jxt/contracts';
import { moneyOrNull, parseMoney } from '../money';
import { MoneyDecimal as D } from '../money/money-decimal';
import { isBandScored, scoreEvaluation, type ScoredEvaluation } from '../scoring/score-evaluation';
import type { ScoringPolicy } from '../scoring/scoring-policy';
import { readTarget } from '../value-grammar/read-target';

/** What scoring and checking a 自评表 needs: the same shape on the API (stored rows) and in the SPA (the draft). */
export interface EvaluationContent {
  funds: EvaluationFunds;
  actualGoal: string | null;
  indicators: {
    level1Code: string;
    /** 一级指标 as the taxonomy names it, for messages (the code when absent). */
    level1Label?: string;
    /** 三级指标 name, for messages (its position when absent). */
    name?: string;
    target: ParsedTarget;
    weight: string | null;
    actualValue: string | null;
    selfShare: string | null;
    /** 完成档次 picked with each share; absent or null: the first band listed that holds the share. */
    selfBand?: QualitativeBandCode | null;
    reviewerShare: string | null;
    reviewerBand?: QualitativeBandCode | null;
    deviationReason: string | null;
  }[];
}

/** Scores a 自评表 with the given policy (the engine of libs/domain/scoring). Pure: the API and the SPA's live preview agree. */
export function scoreEvaluationContent(content: EvaluationContent, policy: ScoringPolicy): ScoredEvaluation {
  return scoreEvaluation(
    {
      budgetAmount: moneyOrNull(content.funds.annualBudget),
      executedAmount: moneyOrNull(content.funds.executedAmount),
      indicators: content.indicators.map((i) => ({
        level1Code: i.level1Code,
        target: i.target,
        actual: i.actualValue ?? '',
        weight: i.weight,
        selfShare: i.selfShare,
        selfBand: i.selfBand,
        reviewerShare: i.reviewerShare,
        reviewerBand: i.reviewerBand,
        deviationReason: i.deviationReason,
      })),
    },
    policy,
  );
}

/**
 * What stands between a 自评表 and 提交, by field (errors), and what a reviewer should notice (warnings).
 * Errors on a field still empty are marked `blank`: to-dos until 提交, not mistakes (a fresh 自评表 is all to-dos);
 * a 偏差原因 that what was typed now requires is not one of them.
 * Every message about an indicator names it. Field paths match SaveEvaluationRequest: `funds.executedAmount`,
 * `indicators.3.actualValue` …
 */
export function checkEvaluation(content: EvaluationContent, scored: ScoredEvaluation): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const error = (field: string, code: string, message: string) =>
    issues.push({ field, severity: 'error', code, message });
  const todo = (field: string, code: string, message: string) =>
    issues.push({ field, severity: 'error', blank: true, code, message });
  for (const key of ['annualBudget', 'executedAmount'] as const) {
    const raw = content.funds[key];
    const label = key === 'annualBudget' ? '全年预算数' : '全年执行数';
    if (!raw?.trim()) todo(`funds.${key}`, 'required', `请填写${label}`);
    else if (!parseMoney(raw).ok) error(`funds.${key}`, 'invalid_money', `${label}不是有效金额`);
  }
  const budget = moneyOrNull(content.funds.annualBudget);
  const executed = moneyOrNull(content.funds.executedAmount);
  if (budget && new D(budget).isZero()) error('funds.annualBudget', 'zero_budget', '全年预算数为 0，无法计算执行率');
  if (budget && executed && new D(executed).gt(budget)) {
    issues.push({
      field: 'funds.executedAmount',
      severity: 'warning',
      code: 'over_budget',
      message: '全年执行数超过全年预算数，执行率按 100% 计分',
    });
  }
  if (!content.actualGoal?.trim()) todo('actualGoal', 'required', '请填写年度总体目标的实际完成情况');
  content.indicators.forEach((indicator, i) => {
    const s = scored.indicators[i];
    const who = `三级指标「${indicator.name?.trim() || `第 ${i + 1} 个`}」`;
    const actual = indicator.actualValue?.trim();
    if (!actual)
      todo(`indicators.${i}.actualValue`, 'required', `${who}：请填写实际完成值${expectedAs(indicator.target)}`);
    if (isBandScored(indicator.target)) {
      const chosen = indicator.reviewerShare ?? indicator.selfShare;
      if (s.error)
        (chosen ? error : todo)(`indicators.${i}.selfShare`, chosen ? 'unscored' : 'required', `${who}：${s.error}`);
    } else if (s.error && actual) {
      error(`indicators.${i}.actualValue`, 'unscored', `${who}：${unscoredMessage(indicator.target, actual, s.error)}`);
    }
    // Not a mere to-do: what was typed misses (or overshoots) the target, and the rules want it explained.
    if (s.reasonMissing)
      error(
        `indicators.${i}.deviationReason`,
        'reason_required',
        `${who}：未完成或超出目标较多，请填写偏差原因分析及改进措施`,
      );
    // E.g. a taxonomy with 成本指标 as a 一级指标 under a policy that weighs only 产出/效益/满意度.
    if (new D(s.weight).isZero()) {
      issues.push({
        field: `indicators.${i}.weight`,
        severity: 'warning',
        code: 'zero_weight',
        message: `${who}：评分规则未给一级指标“${indicator.level1Label ?? indicator.level1Code}”设权重，此指标分值为 0`,
      });
    }
  });
  return issues;
}

/** What an empty 实际完成值 should hold, for its to-do: `（单位：%）`, `（“是”或“否”）`, or nothing (qualitative). */
function expectedAs(target: ParsedTarget): string {
  if (target.kind === 'quantitative') return target.unit ? `（单位：${target.unit}）` : '（数值）';
  return target.kind === 'boolean' ? '（“是”或“否”）' : '';
}

/** Why a typed 实际完成值 could not be scored, quoting it when it is not the kind of value the target asks for. */
function unscoredMessage(target: ParsedTarget, actual: string, error: string): string {
  const read = readTarget(actual).target.kind;
  if (target.kind === 'boolean') return read === 'boolean' ? error : `实际完成值“${actual}”不是“是”或“否”`;
  return read === 'quantitative' ? error : `实际完成值“${actual}”不是数值，${error}`;
}

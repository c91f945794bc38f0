import type { EvaluationFunds, ScoringPolicy } from '@jxt/contracts';
import { scoreEvaluationContent, type EvaluationContent, type ScoredEvaluation } from '@jxt/domain';
import { storedTarget } from '../../common/indicators/stored-target';
import type { EvaluationIndicatorRow, EvaluationScores, ScoringRow } from './evaluation.repository';

/** Stored rows → what the engine in libs/domain scores (the same shape the SPA scores while typing). */
export function toContent(
  funds: EvaluationFunds,
  actualGoal: string | null,
  rows: EvaluationIndicatorRow[],
  labels?: Record<string, string> | null,
): EvaluationContent {
  return {
    funds,
    actualGoal,
    indicators: rows.map((r) => ({
      level1Code: r.level1Code,
      level1Label: labels?.[r.level1Code],
      name: r.name,
      target: storedTarget(r),
      weight: r.weight,
      actualValue: r.actualValue,
      selfShare: r.selfShare,
      selfBand: r.selfBand,
      reviewerShare: r.reviewerShare,
      reviewerBand: r.reviewerBand,
      deviationReason: r.deviationReason,
    })),
  };
}

/** The amounts of a stored 自评表, as the engine reads them. */
export function fundsOf(row: Pick<ScoringRow, 'initialBudget' | 'annualBudget' | 'executedAmount'>): EvaluationFunds {
  return { initialBudget: row.initialBudget, annualBudget: row.annualBudget, executedAmount: row.executedAmount };
}

/**
 * The policy a 自评表 is scored by: an imported past one scores 预算执行率 with the 分值 its sheet printed
 * (docs/domain.md §4.1); the rest as the policy says.
 */
export function policyFor(row: Pick<ScoringRow, 'printedBudgetWeight'>, policy: ScoringPolicy): ScoringPolicy {
  return row.printedBudgetWeight ? { ...policy, budgetExecutionWeight: row.printedBudgetWeight } : policy;
}

export function scoreRows(
  funds: EvaluationFunds,
  actualGoal: string | null,
  rows: EvaluationIndicatorRow[],
  policy: ScoringPolicy,
): ScoredEvaluation {
  return scoreEvaluationContent(toContent(funds, actualGoal, rows), policy);
}

/**
 * Scores evaluations under one policy: what is derived — each indicator's 分值 and 得分, the budget score, 总分 and
 * grade — column by column, for the repository to store in two statements however many there are (a save: one;
 * the re-scoring job: a batch).
 */
export function scoreAll(rows: ScoringRow[], policy: ScoringPolicy): EvaluationScores {
  const indicators = { ids: [] as string[], weights: [] as string[], scores: [] as string[] };
  const evaluations = { ids: [] as string[], budget: [] as string[], total: [] as string[], grade: [] as string[] };
  for (const row of rows) {
    const scored = scoreRows(fundsOf(row), row.actualGoal, row.indicators, policyFor(row, policy));
    row.indicators.forEach((indicator, i) => {
      indicators.ids.push(indicator.id);
      indicators.weights.push(scored.indicators[i].weight);
      indicators.scores.push(scored.indicators[i].score);
    });
    evaluations.ids.push(row.id);
    evaluations.budget.push(scored.budget.score);
    evaluations.total.push(scored.total);
    evaluations.grade.push(scored.grade);
  }
  return { indicators, evaluations };
}

import type { EvaluationFunds, QualitativeBandCode, ScoringPolicy } from '@jxt/contracts';
import { scoreEvaluationContent, type EvaluationContent, type ScoredEvaluation } from '@jxt/domain';
import type { EntityManager } from 'typeorm';
import { queryRows } from '../../common/tenancy/sql';
import { targetFromRow, type TargetRow } from '../forms/form-tree';

/** An evaluation_indicator row as the queries of this module read it (numbers as text). */
export interface EvaluationIndicatorRow extends TargetRow {
  id: string;
  level1_code: string;
  level2_code: string;
  name: string;
  weight: string | null;
  actual_value: string | null;
  self_share: string | null;
  self_band: QualitativeBandCode | null;
  reviewer_share: string | null;
  reviewer_band: QualitativeBandCode | null;
  reviewer_reason: string | null;
  deviation_reason: string | null;
}

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
      level1Code: r.level1_code,
      level1Label: labels?.[r.level1_code],
      name: r.name,
      target: targetFromRow(r),
      weight: r.weight,
      actualValue: r.actual_value,
      selfShare: r.self_share,
      selfBand: r.self_band,
      reviewerShare: r.reviewer_share,
      reviewerBand: r.reviewer_band,
      deviationReason: r.deviation_reason,
    })),
  };
}

export function scoreRows(
  funds: EvaluationFunds,
  actualGoal: string | null,
  rows: EvaluationIndicatorRow[],
  policy: ScoringPolicy,
): ScoredEvaluation {
  return scoreEvaluationContent(toContent(funds, actualGoal, rows), policy);
}

/** An evaluation's indicators in printed order, as JSON (numbers as text): one sub-select per evaluation `e`. */
export const EVALUATION_INDICATORS_JSON = `(SELECT coalesce(json_agg(i ORDER BY i.sort_order), '[]') FROM (
    SELECT id, level1_code, level2_code, name, raw_value, target_kind, target_operator, target_number::text AS target_number, target_unit,
           target_boolean, weight::text AS weight, actual_value, self_share::text AS self_share, self_band, reviewer_share::text AS reviewer_share, reviewer_band,
           reviewer_reason, deviation_reason, sort_order
    FROM evaluation_indicator WHERE evaluation_id = e.id) i)`;

/** What scoring reads of a 自评表 `e`: its amounts, 实际完成情况 and indicators. */
export interface ScoringRow {
  id: string;
  annual_budget: string | null;
  executed_amount: string | null;
  initial_budget: string | null;
  actual_goal: string | null;
  indicators: EvaluationIndicatorRow[];
}

export const SCORING_ROW_COLUMNS = `e.id, e.annual_budget::text AS annual_budget, e.executed_amount::text AS executed_amount,
  e.initial_budget::text AS initial_budget, e.actual_goal, ${EVALUATION_INDICATORS_JSON} AS indicators`;

/**
 * Scores evaluations under one policy version and stores what is derived — each indicator's 分值 and 得分, the
 * budget score, 总分, grade and the version — in two statements however many there are (a save: one; the
 * re-scoring job: a batch). The indicator UPDATE names the evaluations, so the planner reaches their rows by the
 * evaluation's index instead of scanning every year's indicators for the join.
 */
export async function storeScores(
  manager: EntityManager,
  rows: ScoringRow[],
  policy: { id: string; policy: ScoringPolicy },
): Promise<void> {
  const indicators = { ids: [] as string[], weights: [] as string[], scores: [] as string[] };
  const evaluations = { ids: [] as string[], budget: [] as string[], total: [] as string[], grade: [] as string[] };
  for (const row of rows) {
    const funds = {
      initialBudget: row.initial_budget,
      annualBudget: row.annual_budget,
      executedAmount: row.executed_amount,
    };
    const scored = scoreRows(funds, row.actual_goal, row.indicators, policy.policy);
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
  await queryRows(
    manager,
    `UPDATE evaluation_indicator ei SET applied_weight = s.weight, score = s.score
     FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS s(id, weight, score) WHERE ei.id = s.id AND ei.evaluation_id = ANY($4::uuid[])`,
    [indicators.ids, indicators.weights, indicators.scores, evaluations.ids],
  );
  await queryRows(
    manager,
    `UPDATE self_evaluation e SET policy_id = $5, budget_score = s.budget, total_score = s.total, grade = s.grade
     FROM unnest($1::uuid[], $2::numeric[], $3::numeric[], $4::text[]) AS s(id, budget, total, grade) WHERE e.id = s.id`,
    [evaluations.ids, evaluations.budget, evaluations.total, evaluations.grade, policy.id],
  );
}

import type { EvaluationFunds, ScoringPolicy } from '@jxt/contracts';
import { scoreEvaluationContent, type EvaluationContent, type ScoredEvaluation } from '@jxt/domain';
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
  reviewer_share: string | null;
  reviewer_reason: string | null;
  deviation_reason: string | null;
}

/** Stored rows → what the engine in libs/domain scores (the same shape the SPA scores while typing). */
export function toContent(funds: EvaluationFunds, actualGoal: string | null, rows: EvaluationIndicatorRow[], labels?: Record<string, string> | null): EvaluationContent {
  return {
    funds,
    actualGoal,
    indicators: rows.map((r) => ({
      level1Code: r.level1_code,
      level1Label: labels?.[r.level1_code],
      target: targetFromRow(r),
      weight: r.weight,
      actualValue: r.actual_value,
      selfShare: r.self_share,
      reviewerShare: r.reviewer_share,
      deviationReason: r.deviation_reason,
    })),
  };
}

export function scoreRows(funds: EvaluationFunds, actualGoal: string | null, rows: EvaluationIndicatorRow[], policy: ScoringPolicy): ScoredEvaluation {
  return scoreEvaluationContent(toContent(funds, actualGoal, rows), policy);
}

/** The derived columns of one scored evaluation, as arrays for one UPDATE … FROM unnest(…) each. */
export interface ScoreColumns {
  indicatorIds: string[];
  appliedWeights: string[];
  scores: string[];
}

export function scoreColumns(rows: EvaluationIndicatorRow[], scored: ScoredEvaluation, into: ScoreColumns = { indicatorIds: [], appliedWeights: [], scores: [] }): ScoreColumns {
  rows.forEach((row, i) => {
    into.indicatorIds.push(row.id);
    into.appliedWeights.push(scored.indicators[i].weight);
    into.scores.push(scored.indicators[i].score);
  });
  return into;
}

/**
 * $4 lists the evaluations the rows belong to: with it the planner reaches the rows through the evaluation's
 * index instead of scanning every year's indicators for the join.
 */
export const UPDATE_INDICATOR_SCORES = `UPDATE evaluation_indicator ei SET applied_weight = s.weight, score = s.score
  FROM unnest($1::uuid[], $2::numeric[], $3::numeric[]) AS s(id, weight, score) WHERE ei.id = s.id AND ei.evaluation_id = ANY($4::uuid[])`;

import type { EvaluationAction, EvaluationStatus } from '@jxt/contracts';
import { EVALUATION_INDICATORS_JSON, type EvaluationIndicatorRow } from './evaluation-scoring';

/**
 * One 自评表 with its header as the approved form it was opened from prints it (that revision is locked), its
 * indicators with the 一级/二级 labels copied from that form, and the latest comment.
 */
export interface EvaluationRow {
  id: string;
  form_id: string;
  form_revision: number;
  year: number;
  status: EvaluationStatus;
  row_version: number;
  project_id: string;
  project_code: string;
  project_name: string;
  organization_name: string;
  printed_department: string | null;
  printed_implementing_unit: string | null;
  initial_budget: string | null;
  annual_budget: string | null;
  executed_amount: string | null;
  expected_goal: string | null;
  actual_goal: string | null;
  policy_id: string;
  submitted_by: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  indicators: (EvaluationIndicatorRow & { sort_order: number })[];
  labels: Record<string, string> | null;
  latest_comment: { action: EvaluationAction; comment: string; actorName: string; at: string } | null;
}

/** Read in one round trip (a prepared statement); scope is the caller's organisation subtree. */
export const EVALUATION_QUERY = `
  SELECT e.id, e.form_id, f.revision AS form_revision, e.year, e.status, e.row_version, e.project_id, p.code AS project_code,
         f.project_name, coalesce(f.locked_organization_name, o.name) AS organization_name, f.printed_department, f.printed_implementing_unit,
         e.initial_budget::text AS initial_budget, e.annual_budget::text AS annual_budget, e.executed_amount::text AS executed_amount,
         e.expected_goal, e.actual_goal, e.policy_id, e.submitted_by, e.updated_at, ub.display_name AS updated_by_name,
         ${EVALUATION_INDICATORS_JSON} AS indicators,
         (SELECT json_object_agg(l.code, l.label) FROM (
            SELECT level1_code AS code, level1_label AS label FROM evaluation_indicator WHERE evaluation_id = e.id
            UNION SELECT level2_code, level2_label FROM evaluation_indicator WHERE evaluation_id = e.id) l) AS labels,
         (SELECT json_build_object('action', ev.action, 'comment', ev.comment, 'actorName', ev.actor_name, 'at', ev.created_at)
            FROM evaluation_event ev WHERE ev.evaluation_id = e.id AND ev.kind = 'transition' AND ev.action IS NOT NULL AND ev.comment IS NOT NULL
            ORDER BY ev.id DESC LIMIT 1) AS latest_comment
  FROM self_evaluation e
  JOIN goal_form f ON f.id = e.form_id
  JOIN project p ON p.id = e.project_id
  JOIN organization o ON o.id = p.organization_id
  LEFT JOIN app_user ub ON ub.id = e.updated_by
  WHERE e.id = $1 AND o.path LIKE ANY($2::text[])`;

/** The row to change, locked: two people acting at once are serialised here. */
export const LOCK_EVALUATION = `
  SELECT e.id, e.year, e.status, e.row_version, e.submitted_by, e.updated_at, ub.display_name AS updated_by_name,
         e.annual_budget::text AS annual_budget, e.executed_amount::text AS executed_amount, e.initial_budget::text AS initial_budget, e.actual_goal
  FROM self_evaluation e JOIN project p ON p.id = e.project_id JOIN organization o ON o.id = p.organization_id
  LEFT JOIN app_user ub ON ub.id = e.updated_by
  WHERE e.id = $1 AND o.path LIKE ANY($2::text[]) FOR UPDATE OF e`;

export interface LockedEvaluation {
  id: string;
  year: number;
  status: EvaluationStatus;
  row_version: number;
  submitted_by: string | null;
  updated_at: Date;
  updated_by_name: string | null;
  annual_budget: string | null;
  executed_amount: string | null;
  initial_budget: string | null;
  actual_goal: string | null;
}

import { Injectable } from '@nestjs/common';
import type { YearSummary } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';

/**
 * The years with data in one round trip, grouped in SQL: forms and 自评表 in the scope (the form's organisation
 * path), the tenant's taxonomy and 评分规则 versions.
 */
const SUMMARIES = sql<YearSummary, [scope: readonly string[]]>(
  'years.summaries',
  `WITH forms AS (
     SELECT f.year, count(DISTINCT f.project_id)::int AS projects,
            -- due: the project's form is finance-approved and no 自评表 was opened for it yet
            count(DISTINCT f.project_id) FILTER (
              WHERE f.status = 'finance_approved' AND NOT EXISTS (SELECT 1 FROM self_evaluation e WHERE e.project_id = f.project_id AND e.year = f.year)
            )::int AS due
     FROM goal_form f WHERE ${inScope('f.organization_path', 1)} GROUP BY f.year),
   evaluations AS (
     SELECT e.year, count(*)::int AS evaluations, count(*) FILTER (WHERE e.status <> 'final')::int AS open
     FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id WHERE ${inScope('f.organization_path', 1)} GROUP BY e.year),
   policies AS (SELECT year, count(*)::int AS versions FROM scoring_policy GROUP BY year),
   taxonomy AS (SELECT DISTINCT year FROM indicator_taxonomy)
   SELECT y.year, coalesce(f.projects, 0) AS projects, coalesce(e.evaluations, 0) AS evaluations,
          coalesce(f.due, 0) + coalesce(e.open, 0) AS "evaluationsOpen", coalesce(p.versions, 0) AS "policyVersions",
          t.year IS NOT NULL AS taxonomy
   FROM (SELECT year FROM forms UNION SELECT year FROM evaluations UNION SELECT year FROM policies UNION SELECT year FROM taxonomy) y
   LEFT JOIN forms f ON f.year = y.year LEFT JOIN evaluations e ON e.year = y.year
   LEFT JOIN policies p ON p.year = y.year LEFT JOIN taxonomy t ON t.year = y.year
   ORDER BY y.year DESC`,
);

/** 年度: which years have data (reads goal_form, self_evaluation, scoring_policy and indicator_taxonomy; writes nothing). */
@Injectable()
export class YearRepository {
  /** Newest first. */
  summaries(db: Db, scope: Scope): Promise<YearSummary[]> {
    return db.rows(SUMMARIES, [scope.patterns]);
  }
}

import { Injectable } from '@nestjs/common';
import type { YearsResponse } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';

/**
 * The years with data: forms and 自评表 in the caller's scope (the organisation path of the form), the tenant's
 * taxonomy and 评分规则 versions. One round trip, grouped in SQL.
 */
@Injectable()
export class YearsService {
  async years(): Promise<YearsResponse> {
    const { user, manager } = tenantScope();
    const rows = await queryRows<{
      year: number;
      projects: number;
      evaluations: number;
      evaluations_open: number;
      policy_versions: number;
      taxonomy: boolean;
    }>(
      manager,
      `WITH forms AS (
         SELECT f.year, count(DISTINCT f.project_id)::int AS projects,
                -- due: the project's form is finance-approved and no 自评表 was opened for it yet
                count(DISTINCT f.project_id) FILTER (
                  WHERE f.status = 'finance_approved' AND NOT EXISTS (SELECT 1 FROM self_evaluation e WHERE e.project_id = f.project_id AND e.year = f.year)
                )::int AS due
         FROM goal_form f WHERE f.organization_path LIKE ANY($1::text[]) GROUP BY f.year),
       evaluations AS (
         SELECT e.year, count(*)::int AS evaluations, count(*) FILTER (WHERE e.status <> 'final')::int AS open
         FROM self_evaluation e JOIN goal_form f ON f.id = e.form_id WHERE f.organization_path LIKE ANY($1::text[]) GROUP BY e.year),
       policies AS (SELECT year, count(*)::int AS versions FROM scoring_policy GROUP BY year),
       taxonomy AS (SELECT DISTINCT year FROM indicator_taxonomy)
       SELECT y.year, coalesce(f.projects, 0) AS projects, coalesce(e.evaluations, 0) AS evaluations,
              coalesce(f.due, 0) + coalesce(e.open, 0) AS evaluations_open, coalesce(p.versions, 0) AS policy_versions,
              t.year IS NOT NULL AS taxonomy
       FROM (SELECT year FROM forms UNION SELECT year FROM evaluations UNION SELECT year FROM policies UNION SELECT year FROM taxonomy) y
       LEFT JOIN forms f ON f.year = y.year LEFT JOIN evaluations e ON e.year = y.year
       LEFT JOIN policies p ON p.year = y.year LEFT JOIN taxonomy t ON t.year = y.year
       ORDER BY y.year DESC`,
      [user.scopePatterns],
    );
    return {
      years: rows.map((r) => ({
        year: r.year,
        projects: r.projects,
        evaluations: r.evaluations,
        evaluationsOpen: r.evaluations_open,
        policyVersions: r.policy_versions,
        taxonomy: r.taxonomy,
      })),
    };
  }
}

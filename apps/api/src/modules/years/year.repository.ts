import { Injectable } from '@nestjs/common';
import type { FiscalYearCopied, FiscalYearStatus, YearSummary } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { inScope, type Scope } from '../../database/access/scope';
import { sql } from '../../database/access/statement';
import type { FiscalYearEntity } from '../../database/entities/fiscal-year.entity';

export type YearSummaryRow = Omit<YearSummary, 'openedAt' | 'closedAt'> & {
  openedAt: Date | null;
  closedAt: Date | null;
};

/**
 * The years opened or with data in one round trip, grouped in SQL: the tenant's fiscal years, forms and 自评表 in the
 * scope (the form's organisation path), the tenant's taxonomy and 评分规则 versions.
 */
const SUMMARIES = sql<YearSummaryRow, [scope: readonly string[]]>(
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
   SELECT y.year, fy.status, fy.opened_at AS "openedAt", fy.opened_by_name AS "openedByName", fy.closed_at AS "closedAt",
          fy.closed_by_name AS "closedByName", fy.copied,
          coalesce(f.projects, 0) AS projects, coalesce(e.evaluations, 0) AS evaluations,
          coalesce(f.due, 0) + coalesce(e.open, 0) AS "evaluationsOpen", coalesce(p.versions, 0) AS "policyVersions",
          t.year IS NOT NULL AS taxonomy
   FROM (SELECT year FROM forms UNION SELECT year FROM evaluations UNION SELECT year FROM policies UNION SELECT year FROM taxonomy
         UNION SELECT year FROM fiscal_year) y
   LEFT JOIN fiscal_year fy ON fy.year = y.year
   LEFT JOIN forms f ON f.year = y.year LEFT JOIN evaluations e ON e.year = y.year
   LEFT JOIN policies p ON p.year = y.year LEFT JOIN taxonomy t ON t.year = y.year
   ORDER BY y.year DESC`,
);

type FiscalYearState = Pick<FiscalYearEntity, 'year' | 'status'>;

const FISCAL_YEAR = sql<FiscalYearState, [year: number]>(
  'years.fiscalYear',
  `SELECT year, status FROM fiscal_year WHERE year = $1`,
);

const LATEST_FISCAL_YEAR = sql<{ year: number | null }, []>(
  'years.latestFiscalYear',
  `SELECT max(year) AS year FROM fiscal_year`,
);

// ON CONFLICT: a second 开启新年度 of the same year, even at the same moment, inserts nothing and copies nothing.
const INSERT_FISCAL_YEAR = sql<Pick<FiscalYearEntity, 'year'>, [tenantId: string, year: number, openedBy: string]>(
  'years.insertFiscalYear',
  `INSERT INTO fiscal_year (tenant_id, year, status, opened_by_name) VALUES ($1, $2, 'open', $3)
   ON CONFLICT (tenant_id, year) DO NOTHING RETURNING year`,
);

const SET_STATUS = sql<
  Pick<FiscalYearEntity, 'year'>,
  [year: number, from: FiscalYearStatus, to: FiscalYearStatus, byName: string | null]
>(
  'years.setStatus',
  `UPDATE fiscal_year SET status = $3::text,
     closed_at = CASE WHEN $3::text = 'closed' THEN now() END, closed_by_name = CASE WHEN $3::text = 'closed' THEN $4::text END
   WHERE year = $1 AND status = $2::text RETURNING year`,
);

const SET_COPIED = sql<object, [year: number, copied: FiscalYearCopied]>(
  'years.setCopied',
  `UPDATE fiscal_year SET copied = $2 WHERE year = $1`,
);

// Each copy below takes the year before's rows only when the new year has none of its own (a taxonomy made when
// next year's form was generated early, a policy or deadline set beforehand): what exists is never overwritten.
const COPY_TAXONOMY = sql<object, [year: number]>(
  'years.copyTaxonomy',
  `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order, retired_at)
   SELECT tenant_id, $1, code, label, level, parent_code, sort_order, retired_at FROM indicator_taxonomy
   WHERE year = $1 - 1 AND NOT EXISTS (SELECT 1 FROM indicator_taxonomy WHERE year = $1)`,
);

const COPY_FUNCTION_CLASSES = sql<object, [year: number]>(
  'years.copyFunctionClasses',
  `INSERT INTO code_list_item (tenant_id, list, year, code, label, sort_order)
   SELECT tenant_id, list, $1, code, label, sort_order FROM code_list_item
   WHERE list = 'function_class' AND year = $1 - 1
     AND NOT EXISTS (SELECT 1 FROM code_list_item WHERE list = 'function_class' AND year = $1)`,
);

const COPY_SCORING_POLICY = sql<{ version: number }, [year: number, userId: string, userName: string]>(
  'years.copyScoringPolicy',
  `WITH source AS (SELECT tenant_id, version, policy FROM scoring_policy WHERE year = $1 - 1 ORDER BY version DESC LIMIT 1),
   copied AS (
     INSERT INTO scoring_policy (tenant_id, year, version, policy, created_by, created_by_name)
     SELECT tenant_id, $1, 1, policy, $2, $3 FROM source WHERE NOT EXISTS (SELECT 1 FROM scoring_policy WHERE year = $1)
     ON CONFLICT (tenant_id, year, version) DO NOTHING RETURNING 1)
   SELECT version FROM source WHERE EXISTS (SELECT 1 FROM copied)`,
);

// Same month and day one year on (29 February becomes 28 February).
const PROPOSE_DEADLINES = sql<object, [year: number]>(
  'years.proposeDeadlines',
  `INSERT INTO workflow_deadline (tenant_id, year, kind, due_date)
   SELECT tenant_id, $1, kind, (due_date + interval '1 year')::date FROM workflow_deadline WHERE year = $1 - 1
   ON CONFLICT (tenant_id, year, kind) DO NOTHING`,
);

/**
 * 年度: the tenant's fiscal years (fiscal_year) and what 开启新年度 copies into a new one — indicator_taxonomy, the
 * 功能分类科目 version in code_list_item, scoring_policy and workflow_deadline, all tenant-wide (no scope).
 */
@Injectable()
export class YearRepository {
  /** Newest first. */
  summaries(db: Db, scope: Scope): Promise<YearSummaryRow[]> {
    return db.rows(SUMMARIES, [scope.patterns]);
  }

  fiscalYear(db: Db, year: number): Promise<FiscalYearState | undefined> {
    return db.one(FISCAL_YEAR, [year]);
  }

  async latestFiscalYear(db: Db): Promise<number | null> {
    return (await db.one(LATEST_FISCAL_YEAR, []))?.year ?? null;
  }

  /** False when the year exists already (nothing inserted). */
  async insertFiscalYear(db: Db, tenantId: string, year: number, openedBy: string): Promise<boolean> {
    return (await db.rows(INSERT_FISCAL_YEAR, [tenantId, year, openedBy])).length === 1;
  }

  /** False when the year is not in status `from`. */
  async setStatus(
    db: Db,
    year: number,
    from: FiscalYearStatus,
    to: FiscalYearStatus,
    byName: string | null,
  ): Promise<boolean> {
    return (await db.rows(SET_STATUS, [year, from, to, byName])).length === 1;
  }

  /** Copies the year before's taxonomy, 功能分类科目, latest 评分规则 and deadlines into `year` where it has none. */
  async copyFromYearBefore(db: Db, year: number, user: { id: string; name: string }): Promise<FiscalYearCopied> {
    const copied: FiscalYearCopied = {
      fromYear: year - 1,
      taxonomyNodes: await db.run(COPY_TAXONOMY, [year]),
      functionClasses: await db.run(COPY_FUNCTION_CLASSES, [year]),
      scoringPolicyVersion: (await db.one(COPY_SCORING_POLICY, [year, user.id, user.name]))?.version ?? null,
      deadlines: await db.run(PROPOSE_DEADLINES, [year]),
    };
    await db.run(SET_COPIED, [year, copied]);
    return copied;
  }
}

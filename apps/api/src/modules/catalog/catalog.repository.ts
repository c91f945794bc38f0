import { Injectable } from '@nestjs/common';
import type { CodeListName } from '@jxt/contracts';
import type { Db } from '../../database/access/db';
import { sql, type Statement } from '../../database/access/statement';
import type { CodeListItemEntity } from '../../database/entities/code-list-item.entity';
import type { TaxonomyNodeEntity } from '../../database/entities/taxonomy-node.entity';

// The catalogue is the tenant's configuration: tenant-wide by design (row-level security keeps tenants apart), so
// no statement here takes a scope.

export type CodeListItemRow = Pick<CodeListItemEntity, 'list' | 'year' | 'code' | 'label' | 'sortOrder'>;
export type TaxonomyNodeRow = Pick<TaxonomyNodeEntity, 'code' | 'label' | 'level' | 'parentCode' | 'sortOrder'> & {
  retired: boolean;
};

// A yearly list (功能分类科目) answers the version in force in the year asked — the newest at or before it, as a
// form's label does (migration FunctionClassInForce) — else its newest; each item says its version's year. Tenant-wide
// lists have year null.
const CODE_LISTS = sql<CodeListItemRow, [list: string | null, year: number | null]>(
  'catalog.codeLists',
  `SELECT list, year, code, label, sort_order AS "sortOrder" FROM code_list_item c
   WHERE ($1::text IS NULL OR list = $1)
     AND (year IS NULL OR year = (SELECT max(m.year) FROM code_list_item m
                                  WHERE m.list = c.list AND m.year <= coalesce($2::int, m.year)))
   ORDER BY list, sort_order, code`,
);

const TAXONOMY = sql<TaxonomyNodeRow, [year: number]>(
  'catalog.taxonomy',
  `SELECT code, label, level, parent_code AS "parentCode", sort_order AS "sortOrder", retired_at IS NOT NULL AS retired
   FROM indicator_taxonomy WHERE year = $1 ORDER BY level, sort_order, code`,
);

const ENSURE_TAXONOMY_YEAR = sql<object, [year: number]>(
  'catalog.ensureTaxonomyYear',
  `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order, retired_at)
   SELECT tenant_id, $1, code, label, level, parent_code, sort_order, retired_at FROM indicator_taxonomy
   WHERE year = coalesce((SELECT max(year) FROM indicator_taxonomy WHERE year < $1), (SELECT min(year) FROM indicator_taxonomy))
     AND NOT EXISTS (SELECT 1 FROM indicator_taxonomy WHERE year = $1)`,
);

const TAXONOMY_YEARS = sql<Pick<TaxonomyNodeEntity, 'year'>, []>(
  'catalog.taxonomyYears',
  `SELECT DISTINCT year FROM indicator_taxonomy ORDER BY year DESC`,
);

type UsedCode = Pick<CodeListItemEntity, 'code'>;

/** The codes of each list that forms or units use (a list may not lose them); a yearly list: forms of that year. */
const CODES_IN_USE: Partial<Record<CodeListName, Statement<UsedCode, [year: number | null]>>> = {
  project_category: sql<UsedCode, [year: number | null]>(
    'catalog.projectCategoriesInUse',
    `SELECT DISTINCT category_code AS code FROM goal_form WHERE category_code IS NOT NULL AND $1::int IS NULL`,
  ),
  function_class: sql<UsedCode, [year: number | null]>(
    'catalog.functionClassesInUse',
    `SELECT DISTINCT function_class_code AS code FROM goal_form WHERE function_class_code IS NOT NULL AND year = $1`,
  ),
  unit_type: sql<UsedCode, [year: number | null]>(
    'catalog.unitTypesInUse',
    `SELECT DISTINCT unit_type_code AS code FROM organization WHERE unit_type_code IS NOT NULL AND $1::int IS NULL`,
  ),
};

const DELETE_CODE_LIST = sql<object, [list: string, year: number | null]>(
  'catalog.deleteCodeList',
  `DELETE FROM code_list_item WHERE list = $1 AND year IS NOT DISTINCT FROM $2::int`,
);

// The items keep the order given (WITH ORDINALITY numbers them from 1).
const INSERT_CODE_LIST = sql<
  object,
  [tenantId: string, list: string, year: number | null, codes: string[], labels: string[]]
>(
  'catalog.insertCodeList',
  `INSERT INTO code_list_item (tenant_id, list, year, code, label, sort_order)
   SELECT $1, $2, $3, item.code, item.label, item.ord FROM unnest($4::text[], $5::text[]) WITH ORDINALITY AS item(code, label, ord)`,
);

type TaxonomyUse = { code: string; forms: number };

// How many of the year's forms use each 一级/二级 code (any revision, locked ones included).
const TAXONOMY_USE = sql<TaxonomyUse, [year: number]>(
  'catalog.taxonomyUse',
  `SELECT c.code, count(DISTINCT f.id)::int AS forms
   FROM indicator i JOIN goal_form f ON f.id = i.form_id, LATERAL (VALUES (i.level1_code), (i.level2_code)) c(code)
   WHERE f.year = $1 GROUP BY c.code`,
);

const DELETE_TAXONOMY_EXCEPT = sql<object, [year: number, keptCodes: string[]]>(
  'catalog.deleteTaxonomyExcept',
  `DELETE FROM indicator_taxonomy WHERE year = $1 AND NOT (code = ANY($2::text[]))`,
);

// Rows keep their identity; a node retired before keeps the moment it was retired, one retired now gets now().
const UPSERT_TAXONOMY = sql<
  object,
  [
    tenantId: string,
    year: number,
    codes: string[],
    labels: string[],
    levels: number[],
    parentCodes: (string | null)[],
    sortOrders: number[],
    retired: boolean[],
  ]
>(
  'catalog.upsertTaxonomy',
  `INSERT INTO indicator_taxonomy AS t (tenant_id, year, code, label, level, parent_code, sort_order, retired_at)
   SELECT $1, $2, n.code, n.label, n.level, n.parent_code, n.sort_order, CASE WHEN n.retired THEN now() END
   FROM unnest($3::text[], $4::text[], $5::smallint[], $6::text[], $7::int[], $8::boolean[])
     AS n(code, label, level, parent_code, sort_order, retired)
   ON CONFLICT (tenant_id, year, code) DO UPDATE SET label = excluded.label, level = excluded.level,
     parent_code = excluded.parent_code, sort_order = excluded.sort_order,
     retired_at = CASE WHEN excluded.retired_at IS NULL THEN NULL ELSE coalesce(t.retired_at, excluded.retired_at) END`,
);

/** code_list_item and indicator_taxonomy: the tenant's code lists and each year's 一级/二级指标. */
@Injectable()
export class CatalogRepository {
  codeLists(db: Db, list: string | null, year: number | null): Promise<CodeListItemRow[]> {
    return db.rows(CODE_LISTS, [list, year]);
  }

  taxonomy(db: Db, year: number): Promise<TaxonomyNodeRow[]> {
    return db.rows(TAXONOMY, [year]);
  }

  /**
   * Copies the latest earlier year's taxonomy to `year` unless it has one; a year before any (a past year's record
   * imported from its 自评表, docs/domain.md §4.1) gets the first year's.
   */
  async ensureTaxonomyYear(db: Db, year: number): Promise<void> {
    await db.run(ENSURE_TAXONOMY_YEAR, [year]);
  }

  async taxonomyYears(db: Db): Promise<number[]> {
    return (await db.rows(TAXONOMY_YEARS, [])).map((r) => r.year);
  }

  /** The codes of `list` (of `year` for a yearly list) in use by forms or units (lists nothing refers to: none). */
  async codesInUse(db: Db, list: string, year: number | null): Promise<string[]> {
    const statement = CODES_IN_USE[list as CodeListName];
    return statement ? (await db.rows(statement, [year])).map((r) => r.code) : [];
  }

  /** The list (of `year` for a yearly list, null for a tenant-wide one) becomes exactly `items`, in that order. */
  async replaceCodeList(
    db: Db,
    tenantId: string,
    list: string,
    year: number | null,
    items: { code: string; label: string }[],
  ) {
    await db.run(DELETE_CODE_LIST, [list, year]);
    await db.run(INSERT_CODE_LIST, [tenantId, list, year, items.map((i) => i.code), items.map((i) => i.label)]);
  }

  /** How many of the year's forms use each 一级/二级 code (codes no form uses are absent). */
  async taxonomyUse(db: Db, year: number): Promise<Map<string, number>> {
    return new Map((await db.rows(TAXONOMY_USE, [year])).map((r) => [r.code, r.forms]));
  }

  /** The year's taxonomy becomes exactly `nodes` (rows of kept codes updated in place). */
  async replaceTaxonomy(db: Db, tenantId: string, year: number, nodes: TaxonomyNodeRow[]): Promise<void> {
    await db.run(DELETE_TAXONOMY_EXCEPT, [year, nodes.map((n) => n.code)]);
    await db.run(UPSERT_TAXONOMY, [
      tenantId,
      year,
      nodes.map((n) => n.code),
      nodes.map((n) => n.label),
      nodes.map((n) => n.level),
      nodes.map((n) => n.parentCode),
      nodes.map((n) => n.sortOrder),
      nodes.map((n) => n.retired),
    ]);
  }
}

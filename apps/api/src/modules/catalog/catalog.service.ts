import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CodeListItem, TaxonomyNode } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';

/** Tenant configuration read by forms: code lists and the indicator taxonomy of a year. */
@Injectable()
export class CatalogService {
  async codeLists(list?: string): Promise<CodeListItem[]> {
    const { manager } = tenantScope();
    return queryRows<CodeListItem>(
      manager,
      `SELECT list, code, label, sort_order AS "sortOrder" FROM code_list_item
       WHERE ($1::text IS NULL OR list = $1) ORDER BY list, sort_order, code`,
      [list ?? null],
    );
  }

  async taxonomy(year: number, manager: EntityManager = tenantScope().manager): Promise<TaxonomyNode[]> {
    return queryRows<TaxonomyNode>(
      manager,
      `SELECT code, label, level, parent_code AS "parentCode", sort_order AS "sortOrder" FROM indicator_taxonomy
       WHERE year = $1 ORDER BY level, sort_order, code`,
      [year],
    );
  }

  /**
   * A year with no taxonomy of its own starts as a copy of the latest earlier year's (the admin may then
   * change it), so a form can be opened for a new year at once.
   */
  async ensureTaxonomyYear(year: number, manager: EntityManager = tenantScope().manager): Promise<void> {
    await queryRows(
      manager,
      `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order)
       SELECT tenant_id, $1, code, label, level, parent_code, sort_order FROM indicator_taxonomy
       WHERE year = (SELECT max(year) FROM indicator_taxonomy WHERE year < $1)
         AND NOT EXISTS (SELECT 1 FROM indicator_taxonomy WHERE year = $1)`,
      [year],
    );
  }

  async taxonomyYears(): Promise<number[]> {
    const rows = await queryRows<{ year: number }>(tenantScope().manager, `SELECT DISTINCT year FROM indicator_taxonomy ORDER BY year DESC`);
    return rows.map((r) => r.year);
  }
}

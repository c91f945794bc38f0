import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { FieldError } from '@jxt/contracts';
import type { ReplaceCodeListDto, ReplaceTaxonomyDto } from './dto/catalog.dto';
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
    const rows = await queryRows<{ year: number }>(
      tenantScope().manager,
      `SELECT DISTINCT year FROM indicator_taxonomy ORDER BY year DESC`,
    );
    return rows.map((r) => r.year);
  }

  /** Replaces one of the tenant's code lists (admin). Codes still used by projects or units may not disappear. */
  async replaceCodeList(list: string, dto: ReplaceCodeListDto): Promise<CodeListItem[]> {
    const { user, manager } = tenantScope();
    assertUnique(
      dto.items.map((i) => i.code),
      'items',
    );
    const codes = dto.items.map((i) => i.code);
    const usage: Record<string, string> = {
      project_category: `SELECT DISTINCT category_code AS code FROM goal_form WHERE category_code IS NOT NULL`,
      function_class: `SELECT DISTINCT function_class_code AS code FROM goal_form WHERE function_class_code IS NOT NULL`,
      unit_type: `SELECT DISTINCT unit_type_code AS code FROM organization WHERE unit_type_code IS NOT NULL`,
    };
    if (usage[list]) {
      const used = (await queryRows<{ code: string }>(manager, usage[list]))
        .map((r) => r.code)
        .filter((c) => !codes.includes(c));
      if (used.length) throw new ConflictException(`以下代码仍在使用，不能删除：${used.join('、')}`);
    }
    await queryRows(manager, `DELETE FROM code_list_item WHERE list = $1`, [list]);
    await queryRows(
      manager,
      `INSERT INTO code_list_item (tenant_id, list, code, label, sort_order)
       SELECT $1, $2, item.code, item.label, item.ord FROM unnest($3::text[], $4::text[]) WITH ORDINALITY AS item(code, label, ord)`,
      [user.tenantId, list, codes, dto.items.map((i) => i.label.trim())],
    );
    return this.codeLists(list);
  }

  /**
   * Replaces a year's taxonomy (admin). Level-2 rows must name a level-1 parent of the same set; codes that
   * forms of that year still use may not disappear.
   */
  async replaceTaxonomy(year: number, dto: ReplaceTaxonomyDto): Promise<TaxonomyNode[]> {
    const { user, manager } = tenantScope();
    assertUnique(
      dto.nodes.map((n) => n.code),
      'nodes',
    );
    const level1 = new Set(dto.nodes.filter((n) => n.level === 1).map((n) => n.code));
    const fields: FieldError[] = [];
    dto.nodes.forEach((node, index) => {
      if (node.level === 1 && node.parentCode)
        fields.push({ field: `nodes.${index}.parentCode`, message: '一级指标没有上级', value: node.parentCode });
      if (node.level === 2 && !level1.has(node.parentCode ?? '')) {
        fields.push({
          field: `nodes.${index}.parentCode`,
          message: '二级指标的上级必须是本年度的一级指标',
          value: node.parentCode,
        });
      }
    });
    if (fields.length)
      throw new BadRequestException({ message: '指标体系有误：' + fields.map((f) => f.message).join('；'), fields });
    const codes = dto.nodes.map((n) => n.code);
    const used = await queryRows<{ code: string }>(
      manager,
      `SELECT DISTINCT c.code FROM indicator i JOIN goal_form f ON f.id = i.form_id, LATERAL (VALUES (i.level1_code), (i.level2_code)) c(code)
       WHERE f.year = $1 AND NOT (c.code = ANY($2::text[]))`,
      [year, codes],
    );
    if (used.length)
      throw new ConflictException(`本年度的绩效目标表仍在使用：${used.map((u) => u.code).join('、')}，不能删除`);
    await queryRows(manager, `DELETE FROM indicator_taxonomy WHERE year = $1`, [year]);
    await queryRows(
      manager,
      `INSERT INTO indicator_taxonomy (tenant_id, year, code, label, level, parent_code, sort_order)
       SELECT $1, $2, n.code, n.label, n.level, n.parent_code, n.sort_order
       FROM unnest($3::text[], $4::text[], $5::smallint[], $6::text[], $7::int[]) AS n(code, label, level, parent_code, sort_order)`,
      [
        user.tenantId,
        year,
        codes,
        dto.nodes.map((n) => n.label.trim()),
        dto.nodes.map((n) => n.level),
        dto.nodes.map((n) => n.parentCode ?? null),
        dto.nodes.map((n) => n.sortOrder),
      ],
    );
    return this.taxonomy(year, manager);
  }
}

function assertUnique(codes: string[], field: string): void {
  const seen = new Set<string>();
  const fields: FieldError[] = [];
  codes.forEach((code, index) => {
    if (seen.has(code)) fields.push({ field: `${field}.${index}.code`, message: `代码 ${code} 重复`, value: code });
    seen.add(code);
  });
  if (fields.length) throw new BadRequestException({ message: fields.map((f) => f.message).join('；'), fields });
}

import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import { YEARLY_CODE_LISTS, type CodeListItem, type FieldError, type TaxonomyNode } from '@jxt/contracts';
import { tenantScope } from '../../common/tenancy/request-context';
import { CatalogRepository } from './catalog.repository';
import type { ReplaceCodeListDto, ReplaceTaxonomyDto } from './dto/catalog.dto';

/** Tenant configuration read by forms: code lists and the indicator taxonomy of a year. */
@Injectable()
export class CatalogService {
  constructor(private readonly catalog: CatalogRepository) {}

  /** A yearly list (功能分类科目) in the version of `year`, else its newest; tenant-wide lists whatever the year. */
  codeLists(list?: string, year?: number): Promise<CodeListItem[]> {
    return this.catalog.codeLists(tenantScope().db, list ?? null, year ?? null);
  }

  /** The year's taxonomy, in the caller's transaction. */
  taxonomy(year: number): Promise<TaxonomyNode[]> {
    return this.catalog.taxonomy(tenantScope().db, year);
  }

  /**
   * A year with no taxonomy of its own starts as a copy of the latest earlier year's (the admin may then
   * change it), so a form can be opened for a new year at once.
   */
  ensureTaxonomyYear(year: number): Promise<void> {
    return this.catalog.ensureTaxonomyYear(tenantScope().db, year);
  }

  taxonomyYears(): Promise<number[]> {
    return this.catalog.taxonomyYears(tenantScope().db);
  }

  /**
   * Replaces one of the tenant's code lists (admin): a yearly list (功能分类科目) one year's version, which `year` names;
   * a tenant-wide list takes no year. Codes still used by projects (of that year) or units may not disappear.
   */
  async replaceCodeList(list: string, year: number | null, dto: ReplaceCodeListDto): Promise<CodeListItem[]> {
    const { user, db } = tenantScope();
    const yearly = (YEARLY_CODE_LISTS as readonly string[]).includes(list);
    if (yearly && year === null)
      throw new BadRequestException({
        message: '功能分类科目按年度管理，请指定年度',
        fields: [{ field: 'year', message: '请指定年度', value: null }],
      });
    if (!yearly && year !== null)
      throw new BadRequestException({
        message: '该代码表全租户通用，不按年度管理',
        fields: [{ field: 'year', message: '该代码表不按年度管理', value: year }],
      });
    assertUnique(
      dto.items.map((i) => i.code),
      'items',
    );
    const codes = dto.items.map((i) => i.code);
    const used = (await this.catalog.codesInUse(db, list, year)).filter((c) => !codes.includes(c));
    if (used.length) throw new ConflictException(`以下代码仍在使用，不能删除：${used.join('、')}`);
    await this.catalog.replaceCodeList(
      db,
      user.tenantId,
      list,
      year,
      dto.items.map((i) => ({ code: i.code, label: i.label.trim() })),
    );
    return this.codeLists(list, year ?? undefined);
  }

  /**
   * Replaces a year's taxonomy (admin). Level-2 rows must name a level-1 parent of the same set; codes that
   * forms of that year still use may not disappear.
   */
  async replaceTaxonomy(year: number, dto: ReplaceTaxonomyDto): Promise<TaxonomyNode[]> {
    const { user, db } = tenantScope();
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
    const used = await this.catalog.taxonomyCodesInUse(db, year, codes);
    if (used.length) throw new ConflictException(`本年度的绩效目标表仍在使用：${used.join('、')}，不能删除`);
    await this.catalog.replaceTaxonomy(
      db,
      user.tenantId,
      year,
      dto.nodes.map((n) => ({
        code: n.code,
        label: n.label.trim(),
        level: n.level,
        parentCode: n.parentCode ?? null,
        sortOrder: n.sortOrder,
      })),
    );
    return this.taxonomy(year);
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

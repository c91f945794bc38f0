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
   * Replaces a year's taxonomy (admin): labels, order, new nodes, 停用/启用 (docs/domain.md §3). Level-2 rows name a
   * level-1 parent of the same set; labels are unique among siblings; under a retired 一级 every 二级 is retired.
   * A node the year's forms use keeps its code, level and parent (their trees would no longer fit): it may be renamed
   * and retired, never removed or moved. Locked revisions keep the labels they printed (copied when locked).
   */
  async replaceTaxonomy(year: number, dto: ReplaceTaxonomyDto): Promise<TaxonomyNode[]> {
    const { user, db } = tenantScope();
    assertUnique(
      dto.nodes.map((n) => n.code),
      'nodes',
    );
    const nodes: TaxonomyNode[] = dto.nodes.map((n) => ({
      code: n.code,
      label: n.label.trim(),
      level: n.level,
      parentCode: n.parentCode ?? null,
      sortOrder: n.sortOrder,
      retired: n.retired === true,
    }));
    const invalid = taxonomyErrors(nodes, dto.nodes);
    if (invalid.length)
      throw new BadRequestException({
        message: '指标体系有误：' + invalid.map((f) => f.message).join('；'),
        fields: invalid,
      });

    const current = await this.catalog.taxonomy(db, year);
    const use = await this.catalog.taxonomyUse(db, year);
    const conflicts = usedNodeConflicts(current, nodes, use);
    if (conflicts.length)
      throw new ConflictException({
        message: conflicts.map((f) => f.message).join('；'),
        fields: conflicts,
      });
    await this.catalog.replaceTaxonomy(db, user.tenantId, year, nodes);
    return this.taxonomy(year);
  }
}

const LEVEL_NAMES = { 1: '一级指标', 2: '二级指标' } as const;

/** The set's own rules, each at its row: parents, blank and repeated labels, 二级 left active under a retired 一级. */
function taxonomyErrors(nodes: TaxonomyNode[], sent: { label: string }[]): FieldError[] {
  const level1 = new Map(nodes.filter((n) => n.level === 1).map((n) => [n.code, n]));
  const fields: FieldError[] = [];
  const seen = new Set<string>();
  nodes.forEach((node, index) => {
    if (node.level === 1 && node.parentCode)
      fields.push({ field: `nodes.${index}.parentCode`, message: '一级指标没有上级', value: node.parentCode });
    const parent = node.level === 2 ? level1.get(node.parentCode ?? '') : undefined;
    if (node.level === 2 && !parent) {
      fields.push({
        field: `nodes.${index}.parentCode`,
        message: '二级指标的上级必须是本年度的一级指标',
        value: node.parentCode,
      });
    }
    if (node.label === '') {
      fields.push({ field: `nodes.${index}.label`, message: '请填写名称', value: sent[index].label });
    } else {
      const key = `${node.level === 1 ? '' : node.parentCode}\u0000${node.label}`;
      if (seen.has(key))
        fields.push({
          field: `nodes.${index}.label`,
          message: parent
            ? `“${parent.label}”下已有名为“${node.label}”的二级指标`
            : `已有名为“${node.label}”的${LEVEL_NAMES[node.level]}`,
          value: sent[index].label,
        });
      seen.add(key);
    }
    if (parent?.retired && !node.retired)
      fields.push({
        field: `nodes.${index}.retired`,
        message: `一级指标“${parent.label}”已停用，其下的二级指标须一并停用`,
        value: false,
      });
  });
  return fields;
}

/**
 * What the year's forms forbid: a node they use may not disappear (停用 instead) nor change level or parent. The
 * field is the row of the new set, or `nodes` with the code for a node left out.
 */
function usedNodeConflicts(current: TaxonomyNode[], nodes: TaxonomyNode[], use: Map<string, number>): FieldError[] {
  const sent = new Map(nodes.map((n, index) => [n.code, { node: n, index }]));
  const fields: FieldError[] = [];
  for (const before of current) {
    const forms = use.get(before.code);
    if (!forms) continue;
    const name = `${LEVEL_NAMES[before.level]}“${before.label}”`;
    const after = sent.get(before.code);
    if (!after) {
      fields.push({
        field: 'nodes',
        message: `${name}仍被本年度 ${forms} 张绩效目标表使用，不能删除，可改为停用`,
        value: before.code,
      });
    } else if (after.node.level !== before.level) {
      fields.push({
        field: `nodes.${after.index}.level`,
        message: `${name}仍被本年度 ${forms} 张绩效目标表使用，不能改变层级，可停用后另行新增`,
        value: after.node.level,
      });
    } else if (after.node.parentCode !== before.parentCode) {
      fields.push({
        field: `nodes.${after.index}.parentCode`,
        message: `${name}仍被本年度 ${forms} 张绩效目标表使用，不能移到其他一级指标下，可停用后另行新增`,
        value: after.node.parentCode,
      });
    }
  }
  return fields;
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

import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { LIBRARY_TIER_LABELS, type LibraryTier, type OrganizationKind, type Role } from '@jxt/contracts';
import { rankSuggestions, readTarget, suggestionWords } from '@jxt/domain';
import { blankToNull } from '../../common/validation/blank-to-null';
import type { AuthUser } from '../../common/tenancy/request-context';
import { tenantScope } from '../../common/tenancy/request-context';
import { FormsService } from '../forms/forms.service';
import type {
  CreateLibraryEntryDto,
  LibraryEntryContentDto,
  FormSuggestionsResponseDto,
  LibraryEntryDto,
  LibraryQueryDto,
} from './dto/indicator-library.dto';
import {
  IndicatorLibraryRepository,
  type LibraryEntryContent,
  type LibraryEntryRow,
} from './indicator-library.repository';
import { pinyinInitials } from './pinyin-initials';

/** Who owns (adds, edits, retires) each tier: the organisation kinds it lives at and the roles that curate it there. */
const OWNERS: Record<LibraryTier, { kinds: OrganizationKind[]; roles: Role[]; who: string }> = {
  common: { kinds: ['finance_bureau'], roles: ['admin', 'finance'], who: '财政局的管理员或财政审核人' },
  department: { kinds: ['department'], roles: ['admin', 'supervisor'], who: '该主管部门的审核人或管理员' },
  unit: { kinds: ['unit', 'internal'], roles: ['admin', 'filer'], who: '该单位的填报人或管理员' },
};

/** Whether `user` curates `tier` at their own organisation. */
function ownsTierHere(user: AuthUser, tier: LibraryTier): boolean {
  const owner = OWNERS[tier];
  return owner.kinds.includes(user.organizationKind) && user.roles.some((r) => owner.roles.includes(r));
}

/** Whether `user` may edit and retire this entry: it is their own organisation's, in a tier they curate. */
function owns(user: AuthUser, entry: Pick<LibraryEntryRow, 'tier' | 'organizationId'>): boolean {
  return entry.organizationId === user.organizationId && ownsTierHere(user, entry.tier);
}

/** `%words%` for ILIKE, LIKE's own characters taken literally. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/** 指标库 (issue 14): search, and the curation of each tier by those who own it. */
@Injectable()
export class IndicatorLibraryService {
  constructor(
    private readonly library: IndicatorLibraryRepository,
    private readonly forms: FormsService,
  ) {}

  async list(query: LibraryQueryDto) {
    const { user, db } = tenantScope();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    const words = query.q?.trim() ?? '';
    // Initials are letters (and the digits a name may hold): anything else is searched as words only.
    const initials = /^[a-z0-9]+$/i.test(words) ? `%${escapeLike(words.toLowerCase())}%` : null;
    const { rows, total } = await this.library.search(
      db,
      user.scope,
      {
        pattern: words ? `%${escapeLike(words)}%` : null,
        level2Code: query.level2 ?? null,
        tier: query.tier ?? null,
        includeRetired: query.includeRetired === true,
        year: query.year ?? null,
        limit: pageSize,
        offset: (page - 1) * pageSize,
      },
      initials,
      words ? `${escapeLike(words)}%` : null,
    );
    return { items: rows.map((row) => this.toDto(user, row)), total, page, pageSize };
  }

  /**
   * 推荐指标 for a form (issue 14 point 2, ADR 0034): the form is read through the forms service (404 outside the
   * caller's scope); the library's entries of the year's 二级指标 and the similar projects' indicators are read in two
   * queries and ranked by libs/domain rankSuggestions. A project beyond the caller's scope is only counted (usedBy).
   */
  async suggestions(formId: string): Promise<FormSuggestionsResponseDto> {
    const { user, db } = tenantScope();
    const form = await this.forms.suggestionInput(formId);
    const { entries, similar } = await this.library.suggestions(db, user.scope, {
      year: form.year,
      projectId: form.projectId,
      functionClassCode: form.functionClassCode,
      words: suggestionWords(form.projectName, form.annualGoal),
    });
    const items = rankSuggestions(
      {
        projectName: form.projectName,
        annualGoal: form.annualGoal,
        functionClassCode: form.functionClassCode,
        indicators: form.indicators,
      },
      entries.map((e) => ({
        id: e.id,
        name: e.name,
        level1Code: e.level1Code,
        level2Code: e.level2Code,
        valueForm: e.valueForm,
        unit: e.measureUnit,
        definition: e.definition,
        shared: e.tier !== 'unit',
        functionClassCodes: e.functionClassCodes,
      })),
      similar,
    );
    return { items, total: items.length };
  }

  async create(dto: CreateLibraryEntryDto): Promise<LibraryEntryDto> {
    const { user, db } = tenantScope();
    if (!ownsTierHere(user, dto.tier))
      throw new ForbiddenException(`${LIBRARY_TIER_LABELS[dto.tier]}只能由${OWNERS[dto.tier].who}维护`);
    const content = await this.content(dto);
    await this.assertNameFree(user.organizationId, content.name, null);
    const id = await this.library.insert(db, user.tenantId, dto.tier, user.organizationId, content);
    return this.get(id);
  }

  async update(id: string, dto: LibraryEntryContentDto): Promise<LibraryEntryDto> {
    const { db } = tenantScope();
    const entry = await this.owned(id);
    const content = await this.content(dto);
    if (!entry.retiredAt) await this.assertNameFree(entry.organizationId, content.name, id);
    await this.library.update(db, id, content);
    return this.get(id);
  }

  /** 停用 (retired: true) or 启用 again (false, if no active entry of the owner has taken its name meanwhile). */
  async setRetired(id: string, retired: boolean): Promise<LibraryEntryDto> {
    const { db } = tenantScope();
    const entry = await this.owned(id);
    if (!retired && entry.retiredAt) await this.assertNameFree(entry.organizationId, entry.name, id);
    await this.library.setRetired(db, id, retired);
    return this.get(id);
  }

  /**
   * 加入指标库: an indicator of a form the caller sees becomes a 个性 entry of the caller's unit, with the form's name,
   * 一级/二级 category, 年度指标值 (as the typical value form), printed 指标性质/度量单位 and 指标解释 copied.
   */
  async fromForm(formId: string, indicatorId: string): Promise<LibraryEntryDto> {
    const { user, db } = tenantScope();
    const form = await this.forms.get(formId);
    const found = [...form.indicators.year, ...(form.indicators.longTerm ?? [])]
      .flatMap((l1) => l1.children.flatMap((l2) => l2.indicators.map((i) => ({ l1, l2, i }))))
      .find((x) => x.i.id === indicatorId);
    if (!found)
      throw new BadRequestException({
        message: '该表中没有这条指标',
        fields: [{ field: 'indicatorId', message: '该表中没有这条指标', value: indicatorId }],
      });
    if (!ownsTierHere(user, 'unit'))
      throw new ForbiddenException(`加入指标库会成为本单位的个性指标，只能由${OWNERS.unit.who}操作`);
    const name = found.i.name.trim();
    if (!name)
      throw new BadRequestException({
        message: '指标没有名称，不能加入指标库',
        fields: [{ field: 'indicatorId', message: '指标没有名称', value: indicatorId }],
      });
    const valueForm = blankToNull(found.i.rawValue);
    const content: LibraryEntryContent = {
      name,
      nameInitials: pinyinInitials(name),
      level1Code: found.l1.code,
      level2Code: found.l2.code,
      nature: blankToNull(found.i.nature),
      measureUnit: blankToNull(found.i.measureUnit),
      valueForm: valueForm && readTarget(valueForm).target.kind !== 'invalid' ? valueForm : null,
      definition: blankToNull(found.i.explanation),
      calculationMethod: null,
      functionClassCodes: form.project.functionClassCode ? [form.project.functionClassCode] : [],
      projectTags: [],
    };
    await this.assertNameFree(user.organizationId, name, null);
    const id = await this.library.insert(db, user.tenantId, 'unit', user.organizationId, content);
    return this.get(id);
  }

  private async get(id: string): Promise<LibraryEntryDto> {
    const { user, db } = tenantScope();
    const row = await this.library.byId(db, user.scope, id);
    if (!row) throw new NotFoundException('指标不存在或无权访问');
    return this.toDto(user, row);
  }

  /** The entry if the caller sees it (404 otherwise) and owns it (403 otherwise). */
  private async owned(id: string) {
    const { user, db } = tenantScope();
    const entry = await this.library.byId(db, user.scope, id);
    if (!entry) throw new NotFoundException('指标不存在或无权访问');
    if (!owns(user, entry))
      throw new ForbiddenException(
        `${LIBRARY_TIER_LABELS[entry.tier]}“${entry.name}”属于${entry.organizationName}，只能由${OWNERS[entry.tier].who}维护`,
      );
    return entry;
  }

  /** The stored content of a request: blanks as null, the pair checked against the taxonomy, the value form read. */
  private async content(dto: LibraryEntryContentDto): Promise<LibraryEntryContent> {
    const { db } = tenantScope();
    const fields: { field: string; message: string; value: unknown }[] = [];
    if (!(await this.library.pairInTaxonomy(db, dto.level1Code, dto.level2Code)))
      fields.push({
        field: 'level2Code',
        message: '二级指标须属于所选一级指标（按本租户的指标体系）',
        value: dto.level2Code,
      });
    const valueForm = blankToNull(dto.valueForm)?.trim() ?? null;
    if (valueForm) {
      const reading = readTarget(valueForm);
      if (reading.target.kind === 'invalid')
        fields.push({ field: 'valueForm', message: reading.warning ?? '典型指标值的写法不正确', value: valueForm });
    }
    if (fields.length) throw new BadRequestException({ message: fields.map((f) => f.message).join('；'), fields });
    const tidy = (list: string[] | undefined) => [...new Set((list ?? []).map((x) => x.trim()).filter(Boolean))];
    return {
      name: dto.name,
      nameInitials: pinyinInitials(dto.name),
      level1Code: dto.level1Code,
      level2Code: dto.level2Code,
      nature: blankToNull(dto.nature)?.trim() ?? null,
      measureUnit: blankToNull(dto.measureUnit)?.trim() ?? null,
      valueForm,
      definition: blankToNull(dto.definition)?.trim() ?? null,
      calculationMethod: blankToNull(dto.calculationMethod)?.trim() ?? null,
      functionClassCodes: tidy(dto.functionClassCodes),
      projectTags: tidy(dto.projectTags),
    };
  }

  private async assertNameFree(organizationId: string, name: string, exceptId: string | null): Promise<void> {
    const { db } = tenantScope();
    if (await this.library.activeNameTaken(db, organizationId, name, exceptId))
      throw new ConflictException({
        message: `本组织的指标库已有名为“${name}”的指标`,
        fields: [{ field: 'name', message: '已有同名指标', value: name }],
      });
  }

  private toDto(user: AuthUser, row: LibraryEntryRow): LibraryEntryDto {
    return {
      id: row.id,
      name: row.name,
      tier: row.tier,
      shared: row.tier !== 'unit',
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      organizationKind: row.organizationKind,
      level1Code: row.level1Code,
      level2Code: row.level2Code,
      nature: row.nature,
      measureUnit: row.measureUnit,
      unit: row.measureUnit,
      valueForm: row.valueForm,
      definition: row.definition,
      calculationMethod: row.calculationMethod,
      functionClassCodes: row.functionClassCodes,
      projectTags: row.projectTags,
      usageCount: row.usageCount,
      editable: owns(user, row),
      retiredAt: row.retiredAt === null ? null : new Date(row.retiredAt).toISOString(),
      updatedAt: new Date(row.updatedAt).toISOString(),
    };
  }
}

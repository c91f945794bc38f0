import { BadRequestException, ConflictException, HttpException, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { ProjectDetail, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { proposeGoalPeriod } from '@jxt/domain';
import { validateAsDto } from '../../common/http/validation';
import { blankToNull } from '../../common/validation/blank-to-null';
import { CatalogService } from '../catalog/catalog.service';
import { FormsService } from '../forms/forms.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { ProjectRecordsService } from '../project-records/project-records.service';
import { tenantScope } from '../../common/tenancy/request-context';
import { listFilter, toProjectList } from './project-list';
import type { CarryForwardDto, CarryForwardResponseDto, CarryForwardResultDto } from './dto/carry-forward.dto';
import { CreateProjectDto, type ListProjectsQueryDto, type UpdateProjectDto } from './dto/project.dto';

/** A 项目总目标 period (目标期间) in years; null ends where a sheet printed none. */
type GoalPeriod = { goalPeriodStart: number | null; goalPeriodEnd: number | null };

/** 项目: listed per year with each project's form for that year, always within the caller's subtree. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly catalog: CatalogService,
    private readonly forms: FormsService,
    private readonly records: ProjectRecordsService,
  ) {}

  async list(query: ListProjectsQueryDto): Promise<ProjectListResponse> {
    return toProjectList(await this.records.list(listFilter(query)), query);
  }

  /** The project with the header of its newest revision, and the list of its revisions. */
  async get(id: string): Promise<ProjectDetail> {
    const project = await this.records.get(id);
    return { ...project, forms: await this.forms.revisionsOfProject(id) };
  }

  /**
   * A new project with its first draft goal form for the given year, which holds the header (项目名称 …). `period` is
   * the 项目总目标 period to start with; without one it is proposed from the planned dates (an import passes its
   * sheet's, blank included, so the draft's history starts from what it printed).
   */
  async create(dto: CreateProjectDto, period?: GoalPeriod): Promise<ProjectListItem> {
    const organization = await this.organizations.findInScope(dto.organizationId);
    if (organization.kind !== 'unit' && organization.kind !== 'internal') {
      throw new BadRequestException({
        message: '项目只能属于预算单位或其内设机构',
        fields: [{ field: 'organizationId', message: '请选择预算单位', value: dto.organizationId }],
      });
    }
    if (organization.disabled) {
      throw new ConflictException({
        message: `「${organization.name}」已停用，不能新建项目`,
        fields: [{ field: 'organizationId', message: '该组织已停用', value: dto.organizationId }],
      });
    }
    await this.records.assertNameFree(organization.id, dto.year, dto.name);
    const projectId = randomUUID();
    const owner = { id: projectId, organizationId: organization.id };
    const code = dto.code?.trim();
    // No 项目编码 given: the tenant's generated one (docs/domain.md §2).
    if (code) await this.records.insert({ ...owner, code }, 'code');
    else await this.records.insertWithGeneratedCode({ ...owner, year: dto.year });
    await this.catalog.ensureTaxonomyYear(dto.year);
    // The 项目总目标 period starts as the planned dates' years (and at least the form's year); the filer may change it.
    const { goalPeriodStart, goalPeriodEnd } =
      period ??
      proposeGoalPeriod(dto.year, {
        plannedStart: dto.plannedStart ?? null,
        plannedEnd: dto.plannedEnd ?? null,
      });
    const formId = await this.forms.createFirst({
      projectId,
      year: dto.year,
      projectName: dto.name.trim(),
      categoryCode: blankToNull(dto.categoryCode),
      continuity: dto.continuity ?? null,
      functionClassCode: blankToNull(dto.functionClassCode),
      printedDepartment: blankToNull(dto.printedDepartment),
      printedImplementingUnit: blankToNull(dto.printedImplementingUnit),
      plannedStart: dto.plannedStart ?? null,
      plannedEnd: dto.plannedEnd ?? null,
      goalPeriodStart,
      goalPeriodEnd,
    });
    // A list row (ProjectListItem), as documented: not the detail's list of forms.
    const { forms: _forms, ...project } = await this.get(projectId);
    return { ...project, year: dto.year, formId, formStatus: 'draft', annualAmount: null };
  }

  /**
   * A creation whose body the API built (导入: a sheet's header), checked first as POST /api/projects checks its body;
   * the draft starts with the sheet's 目标期间, blank when it prints none.
   */
  async createImported(body: object, period: GoalPeriod): Promise<ProjectListItem> {
    return this.create(await validateAsDto(CreateProjectDto, body), period);
  }

  /**
   * Changes the project's identity (项目编码). Its open revisions' rowVersions move and their histories record it;
   * what a form prints is changed through the form (PUT /api/forms/:id).
   */
  async update(id: string, dto: UpdateProjectDto): Promise<ProjectDetail> {
    await this.get(id);
    if (dto.code !== undefined) await this.forms.changeProjectCode(id, dto.code.trim());
    return this.get(id);
  }

  /**
   * 结转到下一年度 (docs/domain.md §5.1): every project of the unit and its 内设机构 with a form of `fromYear` is
   * weighed in 项目编码 order. One whose planned end lies in the new year or later and that has an approved revision
   * of `fromYear` and no form of the new year gets its draft, each in its own savepoint (a refusal undoes only that
   * project); the others are skipped with the reason.
   */
  async carryForward(dto: CarryForwardDto): Promise<CarryForwardResponseDto> {
    const toYear = dto.toYear ?? dto.fromYear + 1;
    if (toYear !== dto.fromYear + 1)
      throw new BadRequestException({
        message: `只能结转到 ${dto.fromYear + 1} 年度`,
        fields: [{ field: 'toYear', message: `只能结转到 ${dto.fromYear + 1} 年度`, value: toYear }],
      });
    const organization = await this.organizations.findInScope(dto.organizationId);
    if (organization.kind !== 'unit' && organization.kind !== 'internal')
      throw new BadRequestException({
        message: '结转只能按预算单位进行',
        fields: [{ field: 'organizationId', message: '请选择预算单位', value: dto.organizationId }],
      });
    const { db } = tenantScope();
    const candidates = await this.forms.carryCandidates(organization.id, dto.fromYear, toYear);
    const results: CarryForwardResultDto[] = [];
    for (const [index, c] of candidates.entries()) {
      const row = { projectId: c.projectId, code: c.code, projectName: c.projectName };
      const skipped = (message: string) => results.push({ ...row, outcome: 'skipped', formId: null, message });
      if (c.hasTarget) skipped(`已有 ${toYear} 年度的绩效目标表`);
      else if (!c.approved) skipped(`${dto.fromYear} 年度没有已审核的版本`);
      else if (!c.plannedEnd) skipped('未填写计划完成日期，无法判断是否延续');
      else if (c.plannedEnd < `${toYear}-01-01`) skipped(`计划完成日期 ${c.plannedEnd} 早于 ${toYear} 年度`);
      else {
        try {
          const formId = await db.inSavepoint(`carry_${index}`, () => this.forms.carryForward(c.projectId, toYear));
          results.push({ ...row, outcome: 'created', formId, message: null });
        } catch (err) {
          if (!(err instanceof HttpException)) throw err;
          const body = err.getResponse();
          const message =
            typeof body === 'string' ? body : String((body as { message?: unknown }).message ?? err.message);
          results.push({ ...row, outcome: 'refused', formId: null, message });
        }
      }
    }
    const count = (outcome: CarryForwardResultDto['outcome']) => results.filter((r) => r.outcome === outcome).length;
    return {
      fromYear: dto.fromYear,
      toYear,
      results,
      created: count('created'),
      skipped: count('skipped'),
      refused: count('refused'),
    };
  }

  /** Only a project whose forms are all drafts may go; anything submitted is part of the record. */
  async remove(id: string): Promise<void> {
    const project = await this.get(id);
    if (project.forms.some((f) => f.status !== 'draft'))
      throw new ConflictException('项目已有提交过的绩效目标表，不能删除');
    await this.records.delete(id);
  }
}

import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { FormStatus, Project, ProjectListItem, ProjectListResponse } from '@jxt/contracts';
import { proposeGoalPeriod } from '@jxt/domain';
import { tenantScope } from '../../common/tenancy/request-context';
import { queryRows } from '../../common/tenancy/sql';
import { blankToNull } from '../../common/validation/blank-to-null';
import { FormsService, rethrowDuplicateCode } from '../forms/forms.service';
import { CatalogService } from '../catalog/catalog.service';
import { OrganizationsService } from '../organizations/organizations.service';
import { PROJECT_COLUMNS, toProject, type ProjectRow } from './project-row';
import type { CreateProjectDto, ListProjectsQueryDto, UpdateProjectDto } from './dto/project.dto';

/** 项目: listed per year with each project's form for that year, always within the caller's subtree. */
@Injectable()
export class ProjectsService {
  constructor(
    private readonly organizations: OrganizationsService,
    private readonly catalog: CatalogService,
    private readonly forms: FormsService,
  ) {}

  async list(query: ListProjectsQueryDto): Promise<ProjectListResponse> {
    const { user, manager } = tenantScope();
    const page = query.page ?? 1;
    const pageSize = query.pageSize ?? 50;
    // One query: the page, the total (window count) and each project's latest revision for the year, whose
    // header (项目名称 …) is the one shown and searched.
    const rows = await queryRows<
      ProjectRow & {
        form_id: string;
        form_status: FormStatus;
        annual_amount: string | null;
        year: number;
        total: string;
      }
    >(
      manager,
      `SELECT ${PROJECT_COLUMNS}, f.id AS form_id, f.status AS form_status, f.annual_amount, f.year, count(*) OVER () AS total
       FROM project p
       JOIN organization o ON o.id = p.organization_id
       JOIN LATERAL (SELECT * FROM goal_form g WHERE g.project_id = p.id AND g.year = $2 ORDER BY g.revision DESC LIMIT 1) f ON true
       WHERE o.path LIKE ANY($1::text[])
         AND ($3::text IS NULL OR f.project_name ILIKE '%' || $3 || '%' OR p.code ILIKE '%' || $3 || '%')
         AND ($4::uuid IS NULL OR o.path LIKE (SELECT path FROM organization WHERE id = $4) || '%')
         AND ($5::text IS NULL OR f.category_code = $5)
         AND ($6::text IS NULL OR f.status = $6)
       ORDER BY o.path, p.code
       LIMIT $7 OFFSET $8`,
      [
        user.scopePatterns,
        query.year,
        query.search?.trim() || null,
        query.organizationId ?? null,
        query.categoryCode ?? null,
        query.status ?? null,
        pageSize,
        (page - 1) * pageSize,
      ],
    );
    const items: ProjectListItem[] = rows.map((row) => ({
      ...toProject(row),
      year: row.year,
      formId: row.form_id,
      formStatus: row.form_status,
      annualAmount: row.annual_amount,
    }));
    return { items, total: rows.length ? Number(rows[0].total) : 0, page, pageSize };
  }

  /** The project with the header of its newest revision, and the list of its revisions. */
  async get(
    id: string,
  ): Promise<Project & { forms: { id: string; year: number; revision: number; status: FormStatus }[] }> {
    const { user, manager } = tenantScope();
    const [row] = await queryRows<ProjectRow>(
      manager,
      `SELECT ${PROJECT_COLUMNS} FROM project p JOIN organization o ON o.id = p.organization_id
       JOIN LATERAL (SELECT * FROM goal_form g WHERE g.project_id = p.id ORDER BY g.year DESC, g.revision DESC LIMIT 1) f ON true
       WHERE p.id = $1 AND o.path LIKE ANY($2::text[])`,
      [id, user.scopePatterns],
    );
    if (!row) throw new NotFoundException('项目不存在或无权访问');
    const forms = await queryRows<{ id: string; year: number; revision: number; status: FormStatus }>(
      manager,
      `SELECT id, year, revision, status FROM goal_form WHERE project_id = $1 ORDER BY year DESC, revision DESC`,
      [id],
    );
    return { ...toProject(row), forms };
  }

  /** A new project with its first draft goal form for the given year, which holds the header (项目名称 …). */
  async create(dto: CreateProjectDto): Promise<ProjectListItem> {
    const { user, manager } = tenantScope();
    const organization = await this.organizations.findInScope(dto.organizationId);
    if (organization.kind !== 'unit' && organization.kind !== 'internal') {
      throw new BadRequestException({
        message: '项目只能属于预算单位或其内设机构',
        fields: [{ field: 'organizationId', message: '请选择预算单位', value: dto.organizationId }],
      });
    }
    const projectId = randomUUID();
    await queryRows(manager, `INSERT INTO project (id, tenant_id, organization_id, code) VALUES ($1, $2, $3, $4)`, [
      projectId,
      user.tenantId,
      organization.id,
      dto.code,
    ]).catch(rethrowDuplicateCode(dto.code));
    await this.catalog.ensureTaxonomyYear(dto.year, manager);
    // The 项目总目标 period starts as the planned dates' years (and at least the form's year); the filer may change it.
    const period = proposeGoalPeriod(dto.year, {
      plannedStart: dto.plannedStart ?? null,
      plannedEnd: dto.plannedEnd ?? null,
    });
    const [form] = await queryRows<{ id: string }>(
      manager,
      `INSERT INTO goal_form (tenant_id, project_id, year, project_name, category_code, continuity, function_class_code, printed_department,
         printed_implementing_unit, planned_start, planned_end, goal_period_start, goal_period_end, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [
        user.tenantId,
        projectId,
        dto.year,
        dto.name.trim(),
        blankToNull(dto.categoryCode),
        dto.continuity ?? null,
        blankToNull(dto.functionClassCode),
        blankToNull(dto.printedDepartment),
        blankToNull(dto.printedImplementingUnit),
        dto.plannedStart ?? null,
        dto.plannedEnd ?? null,
        period.goalPeriodStart,
        period.goalPeriodEnd,
        user.userId,
      ],
    );
    const project = await this.get(projectId);
    return { ...project, year: dto.year, formId: form.id, formStatus: 'draft', annualAmount: null };
  }

  /**
   * Changes the project's identity (项目编码). Its open revisions' rowVersions move and their histories record it;
   * what a form prints is changed through the form (PUT /api/forms/:id).
   */
  async update(id: string, dto: UpdateProjectDto): Promise<Project> {
    await this.get(id);
    if (dto.code !== undefined) await this.forms.changeProjectCode(id, dto.code.trim());
    return this.get(id);
  }

  /** Only a project whose forms are all drafts may go; anything submitted is part of the record. */
  async remove(id: string): Promise<void> {
    const { manager } = tenantScope();
    const project = await this.get(id);
    if (project.forms.some((f) => f.status !== 'draft'))
      throw new ConflictException('项目已有提交过的绩效目标表，不能删除');
    await queryRows(manager, `DELETE FROM project WHERE id = $1`, [id]);
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Organization, ProjectHeaderProposal } from '@jxt/contracts';
import { Authenticated, Roles } from '../../common/auth/access.decorators';
import { idParam } from '../../common/http/id-param';
import { ApiErrorResponses } from '../../openapi/api-error.dto';
import {
  CreateOrganizationDto,
  OrganizationDto,
  ProjectHeaderProposalDto,
  UpdateOrganizationDto,
} from './dto/organization.dto';
import { OrganizationsService } from './organizations.service';
import { RetryOnConflict } from '../../common/tenancy/conflict-retry';
import { Audited } from '../../common/audit/audited';

@ApiTags('organizations 组织')
@ApiBearerAuth()
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Get()
  @Authenticated()
  @ApiOperation({ summary: '本人可见范围内的组织树（平铺）' })
  @ApiOkResponse({ type: [OrganizationDto] })
  @ApiErrorResponses(401)
  list(): Promise<Organization[]> {
    return this.organizations.list();
  }

  @Get(':id/project-header')
  @Authenticated()
  @ApiOperation({ summary: '新建项目时建议的表头：主管部门、实施单位（按组织树）' })
  @ApiOkResponse({ type: ProjectHeaderProposalDto })
  @ApiErrorResponses(401, 404)
  projectHeader(@Param('id', idParam()) id: string): Promise<ProjectHeaderProposal> {
    return this.organizations.projectHeaderProposal(id);
  }

  @Post()
  @Audited('organization.create', { target: 'organization', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '新增组织' })
  @ApiCreatedResponse({ type: OrganizationDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  create(@Body() dto: CreateOrganizationDto): Promise<Organization> {
    return this.organizations.create(dto);
  }

  @Patch(':id')
  @Audited('organization.update', { target: 'organization', detail: true })
  @Roles('admin')
  @ApiOperation({ summary: '修改组织（名称、上级、单位类型、排序）' })
  @ApiOkResponse({ type: OrganizationDto })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  @RetryOnConflict()
  update(@Param('id', idParam()) id: string, @Body() dto: UpdateOrganizationDto): Promise<Organization> {
    return this.organizations.update(id, dto);
  }

  @Delete(':id')
  @Audited('organization.delete', { target: 'organization' })
  @HttpCode(204)
  @Roles('admin')
  @ApiOperation({ summary: '删除没有下级、用户与项目的组织' })
  @ApiNoContentResponse({ description: '已删除' })
  @ApiErrorResponses(400, 401, 403, 404, 409)
  remove(@Param('id', idParam()) id: string): Promise<void> {
    return this.organizations.remove(id);
  }
}
